package dev.dynoctl.table;

import java.time.Duration;

/**
 * The time waits and back-offs run on: a monotonic clock and a pause. {@link #SYSTEM} is the real one (an interrupt,
 * Ctrl-C, ends a pause at once); tests give a virtual one, so waiting is tested without real sleeps.
 */
@FunctionalInterface
public interface WaitClock {
    WaitClock SYSTEM = duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));

    void sleep(Duration duration) throws InterruptedException;

    /** Now, in nanoseconds of a monotonic clock (only differences mean anything). */
    default long nanoTime() {
        return System.nanoTime();
    }

    /** The time since {@code startNanos} (a {@link #nanoTime} reading). */
    default Duration since(long startNanos) {
        return Duration.ofNanos(nanoTime() - startNanos);
    }
}
