package dev.dynoctl.table;

public final class TableNotFoundException extends RuntimeException {
    public TableNotFoundException(String table) {
        super("table " + table + " not found");
    }

    public TableNotFoundException(String table, String detail) {
        super("table " + table + " not found: " + detail);
    }
}
