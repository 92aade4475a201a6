package dev.dynoctl.cli;

import dev.dynoctl.table.WaitListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a person sees while apply works on many tables: at a terminal, one live line on stderr (at most one terminal
 * row) with the tables in progress and their last status; if the process is stopped meanwhile (Ctrl-C, SIGTERM), one
 * line per table in progress saying where it was, and one naming the tables not started yet. The JVM then exits 130
 * or 143; the next apply picks up.
 */
final class ApplyProgress implements WaitListener, AutoCloseable {
    private static final int SHOWN = 4;
    /** Kept within one row of an 80-column terminal: a wrapped line could not be redrawn in place. */
    private static final int WIDTH = 79;
    private final PrintWriter err;
    private final boolean live;
    private final String command;
    private final StopReport onStop;
    private final Map<String, String> inProgress = new LinkedHashMap<>();
    private final Set<String> queued = new LinkedHashSet<>();
    private final Map<String, List<List<String>>> steps = new LinkedHashMap<>();
    private boolean shown;

    ApplyProgress(PrintWriter err, boolean live, String command, List<String> pending) {
        this.err = err;
        this.live = live;
        this.command = command;
        queued.addAll(pending);
        this.onStop = new StopReport(this::stopped);
    }

    @Override
    public synchronized void polled(String table, String status, Duration elapsed) {
        if (queued.remove(table) || inProgress.containsKey(table)) {
            inProgress.put(table, status);
            redraw();
        }
    }

    @Override
    public synchronized void steps(String table, List<String> applied, List<String> left) {
        steps.put(table, List.of(applied, left));
    }

    /** Prints a line (a table's outcome) on {@code out} without mangling the live line. */
    synchronized void finished(String table, PrintWriter out, String line) {
        inProgress.remove(table);
        queued.remove(table);
        clear();
        if (line != null) {
            out.println(line);
            out.flush();
        }
        redraw();
    }

    private void redraw() {
        if (!live || inProgress.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        inProgress.entrySet().stream().limit(SHOWN).forEach(e -> parts.add(e.getKey() + " " + e.getValue()));
        String more = inProgress.size() > SHOWN ? ", +" + (inProgress.size() - SHOWN) + " more" : "";
        String line = inProgress.size() + " in progress: " + String.join(", ", parts) + more;
        err.print("\r\033[K" + (line.length() > WIDTH ? line.substring(0, WIDTH - 3) + "..." : line));
        err.flush();
        shown = true;
    }

    private void clear() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
            shown = false;
        }
    }

    private synchronized void stopped() {
        clear();
        if (inProgress.isEmpty() && queued.isEmpty()) {
            err.println(command + ": interrupted; no table was in progress");
        }
        inProgress.forEach((table, status) -> {
            List<List<String>> made = steps.getOrDefault(table, List.of(List.of(), List.of()));
            err.println(StopReport.tableLine(command, table, status, made.get(0), made.get(1)));
        });
        if (!queued.isEmpty()) {
            err.println(command + ": interrupted; not started: " + String.join(", ", queued));
        }
        err.flush();
    }

    @Override
    public void close() {
        onStop.close();
        synchronized (this) {
            clear();
        }
    }
}
