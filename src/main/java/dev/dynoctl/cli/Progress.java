package dev.dynoctl.cli;

import dev.dynoctl.table.WaitListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * What a person sees while a command waits: a live "Users: CREATING (3.2 s)" line on stderr (only at a terminal and
 * without -q), and, if the process is stopped meanwhile (Ctrl-C, SIGTERM), one line saying what state the table was
 * in. The JVM then exits 130 or 143.
 */
final class Progress implements WaitListener, AutoCloseable {
    private final PrintWriter err;
    private final boolean live;
    private final String command;
    private final StopReport onStop;
    private volatile String table;
    private volatile String status;
    private volatile List<String> applied = List.of();
    private volatile List<String> left = List.of();
    private boolean shown;

    Progress(PrintWriter err, boolean live, String command) {
        this.err = err;
        this.live = live;
        this.command = command;
        this.onStop = new StopReport(this::stopped);
    }

    @Override
    public void polled(String table, String status, Duration elapsed) {
        this.table = table;
        this.status = status;
        if (!live) {
            return;
        }
        err.printf("\r\033[K%s: %s (%.1f s)", table, status, elapsed.toMillis() / 1000.0);
        err.flush();
        shown = true;
    }

    @Override
    public void steps(String table, List<String> applied, List<String> left) {
        this.applied = applied;
        this.left = left;
    }

    private void stopped() {
        if (shown) {
            err.print("\r\033[K");
        }
        err.println(table == null ? command + ": interrupted; before the table's status was seen (run the same command again "
                + "to be sure where it stands)" : StopReport.tableLine(command, table, status, applied, left));
        err.flush();
    }

    /** Clears the progress line so the result starts on a clean line; the command is no longer waiting. */
    @Override
    public void close() {
        onStop.close();
        if (shown) {
            err.print("\r\033[K");
            err.flush();
            shown = false;
        }
    }
}
