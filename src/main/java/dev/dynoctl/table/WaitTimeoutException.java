package dev.dynoctl.table;

import java.time.Duration;

public final class WaitTimeoutException extends RuntimeException {
    public WaitTimeoutException(String table, String goal, String lastStatus, Duration waited) {
        super(String.format("timed out after %.1f s waiting for table %s to be %s; last status seen: %s",
                waited.toMillis() / 1000.0, table, goal, lastStatus));
    }
}
