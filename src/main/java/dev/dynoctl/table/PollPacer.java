package dev.dynoctl.table;

import java.time.Duration;

/**
 * Spaces the status polls of every table a run waits for, so their total rate stays at most {@link #PER_SECOND}
 * DescribeTable (or DescribeTimeToLive, DescribeContinuousBackups) calls a second however many tables wait.
 * A run waiting for one table is never slowed: its polls are a quarter of a second apart or more.
 */
public final class PollPacer {
    public static final int PER_SECOND = 40;
    private static final long GAP_NANOS = Duration.ofSeconds(1).toNanos() / PER_SECOND;

    private final WaitClock clock;
    private long nextSlotNanos;

    public PollPacer(WaitClock clock) {
        this.clock = clock;
        this.nextSlotNanos = clock.nanoTime();
    }

    /** Takes the next free slot, pausing until it comes. */
    void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = clock.nanoTime();
            long slot = Math.max(now, nextSlotNanos);
            nextSlotNanos = slot + GAP_NANOS;
            wait = slot - now;
        }
        if (wait > 0) {
            clock.sleep(Duration.ofNanos(wait));
        }
    }
}
