package dev.dynoctl.table;

import java.util.List;

public final class TableDiffersException extends RuntimeException {
    private final List<Difference> differences;

    public TableDiffersException(String table, List<Difference> differences) {
        super("table " + table + " exists but differs from what was declared (nothing was changed)");
        this.differences = List.copyOf(differences);
    }

    public List<Difference> differences() {
        return differences;
    }
}
