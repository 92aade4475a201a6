package dev.dynoctl.export;

import java.util.List;

/**
 * One table as exported: its document (a spec file or a template), and what the document leaves out, each as
 * {@code setting: why; not exported} for a warning.
 */
public record ExportedTable(String table, String document, List<String> skipped) {
    public ExportedTable {
        skipped = List.copyOf(skipped);
    }

    /** The file it goes to in a directory: the table's name (its characters are all safe in file names), .yaml. */
    public String fileName() {
        return table + ".yaml";
    }
}
