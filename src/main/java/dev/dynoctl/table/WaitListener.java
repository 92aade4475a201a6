package dev.dynoctl.table;

import java.time.Duration;
import java.util.List;

/** Told after every status poll, so a terminal can show progress; the service itself never prints. */
@FunctionalInterface
public interface WaitListener {
    WaitListener NONE = (table, status, elapsed) -> { };

    void polled(String table, String status, Duration elapsed);

    /** Where a table's in-place steps stand: told before the first and after each call, so a stop can say it. */
    default void steps(String table, List<String> applied, List<String> left) {
    }
}
