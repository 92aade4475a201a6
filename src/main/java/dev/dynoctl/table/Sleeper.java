package dev.dynoctl.table;

import java.time.Duration;

/** Pauses the calling thread; an interrupt (Ctrl-C) ends the wait at once. */
@FunctionalInterface
public interface Sleeper {
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
