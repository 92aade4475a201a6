package dev.dynoctl.table;

import java.time.Duration;

/** Told after every status poll, so a terminal can show progress; the service itself never prints. */
@FunctionalInterface
public interface WaitListener {
    WaitListener NONE = (table, status, elapsed) -> { };

    void polled(String table, String status, Duration elapsed);
}
