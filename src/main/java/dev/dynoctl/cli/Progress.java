package dev.dynoctl.cli;

import dev.dynoctl.table.WaitListener;
import java.io.PrintWriter;
import java.time.Duration;

/** Live "Users: CREATING (3.2 s)" line on stderr while waiting, only at a terminal and without -q. */
final class Progress implements WaitListener, AutoCloseable {
    private final PrintWriter err;
    private final boolean live;
    private boolean shown;

    Progress(PrintWriter err, boolean live) {
        this.err = err;
        this.live = live;
    }

    @Override
    public void polled(String table, String status, Duration elapsed) {
        if (!live) {
            return;
        }
        err.printf("\r\033[K%s: %s (%.1f s)", table, status, elapsed.toMillis() / 1000.0);
        err.flush();
        shown = true;
    }

    /** Clears the progress line so the result starts on a clean line. */
    @Override
    public void close() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
            shown = false;
        }
    }
}
