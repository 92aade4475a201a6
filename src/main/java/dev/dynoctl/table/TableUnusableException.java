package dev.dynoctl.table;

/** The table is in a status from which it will never become ACTIVE by waiting. */
public final class TableUnusableException extends RuntimeException {
    public TableUnusableException(String table, String status) {
        super(message(table, status));
    }

    public static String message(String table, String status) {
        return "table " + table + " is " + status + " and will not become ACTIVE";
    }
}
