package dev.dynoctl.cli;

import java.util.List;

/**
 * What a waiting command says if the process is stopped (Ctrl-C, SIGTERM): a JVM shutdown hook while the command waits,
 * removed when it is done. The JVM then exits 130 or 143.
 */
final class StopReport implements AutoCloseable {
    private final Thread hook;

    StopReport(Runnable report) {
        hook = new Thread(report, "dynoctl-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The line for a table the stop caught in progress: its status, and its in-place steps made and not made. */
    static String tableLine(String command, String table, String status, List<String> applied, List<String> left) {
        return command + ": interrupted; table " + table + " was " + status
                + (applied.isEmpty() ? "" : "; applied: " + String.join("; ", applied))
                + (left.isEmpty() ? "" : "; not applied: " + String.join("; ", left))
                + " (DynamoDB goes on; run the same command again to finish)";
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already stopping: the report runs and says where things were.
        }
    }
}
