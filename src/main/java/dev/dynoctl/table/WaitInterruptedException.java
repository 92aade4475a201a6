package dev.dynoctl.table;

/** The wait was interrupted (Ctrl-C); says what the table was doing at that moment. */
public final class WaitInterruptedException extends RuntimeException {
    public WaitInterruptedException(String table, String lastStatus) {
        super("interrupted while waiting for table " + table + "; last status seen: " + lastStatus
                + " (DynamoDB goes on; run the command again to pick up where it stopped)");
    }
}
