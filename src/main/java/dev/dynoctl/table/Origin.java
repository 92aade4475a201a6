package dev.dynoctl.table;

import java.nio.file.Path;

/**
 * Where a declaration came from: a file, the 1-based line of the setting (or of the document; 0 for the file as a
 * whole), the 1-based document in a multi-document YAML file or JSON list (0 when the file holds one document, or
 * when a syntax error hides which). Prints as {@code tables/a.yaml:12} or {@code tables/a.yaml:12 (document 2)}.
 */
public record Origin(Path file, int line, int document) {
    /** The file as a whole, for problems no line can point at (missing, too large, empty). */
    static Origin of(Path file) {
        return new Origin(file, 0, 0);
    }

    Origin atLine(int otherLine) {
        return new Origin(file, otherLine, document);
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + (document > 0 ? " (document " + document + ")" : "");
    }
}
