package dev.dynoctl.cli;

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

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already stopping: the report runs and says where things were.
        }
    }
}
