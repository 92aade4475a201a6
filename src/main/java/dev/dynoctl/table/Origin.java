package dev.dynoctl.table;

import java.nio.file.Path;

/**
 * Where a declaration came from: a file, the 1-based line of the setting (or of the document; 0 for the file as a
 * whole), the 1-based document in a multi-document YAML file or JSON list (0 when the file holds one document, or
 * when a syntax error hides which), and for a template the resource's logical ID (null otherwise). Prints as
 * {@code tables/a.yaml:12}, {@code tables/a.yaml:12 (document 2)} or {@code template.yaml:12 (resource UsersTable)}.
 */
public record Origin(Path file, int line, int document, String resource) {
    public Origin(Path file, int line, int document) {
        this(file, line, document, null);
    }

    /** The file as a whole, for problems no line can point at (missing, too large, empty). */
    static Origin of(Path file) {
        return new Origin(file, 0, 0);
    }

    Origin atLine(int otherLine) {
        return new Origin(file, otherLine, document, resource);
    }

    /** The file, line and document, without the resource. */
    public String place() {
        return file + (line > 0 ? ":" + line : "") + (document > 0 ? " (document " + document + ")" : "");
    }

    @Override
    public String toString() {
        return place() + (resource != null ? " (resource " + resource + ")" : "");
    }
}
