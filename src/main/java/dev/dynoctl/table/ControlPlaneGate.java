package dev.dynoctl.table;

import java.time.Duration;

/**
 * LimitExceededException is account-wide (too many table operations at once), so one back-off is shared by every
 * worker of a run: when any of them hits the limit, all hold their next CreateTable or UpdateTable until the
 * jittered back-off (1 s doubling to 20 s) has passed; a success resets it.
 */
public final class ControlPlaneGate {
    private final WaitClock clock;
    private long clearAtNanos;
    private final Backoff backoff = new Backoff();

    public ControlPlaneGate(WaitClock clock) {
        this.clock = clock;
        this.clearAtNanos = clock.nanoTime();
    }

    /** Waits until the shared back-off has passed, at most {@code left}. */
    void awaitClear(Duration left) throws InterruptedException {
        long deadline = clock.nanoTime() + left.toNanos();
        while (true) {
            long wait;
            synchronized (this) {
                // Another worker may have moved the clear time out while this one slept.
                wait = Math.min(clearAtNanos, deadline) - clock.nanoTime();
            }
            if (wait <= 0) {
                return;
            }
            clock.sleep(Duration.ofNanos(wait));
        }
    }

    /** Called on LimitExceededException: moves the shared clear time out by a jittered share of the back-off. */
    synchronized void limitExceeded() {
        clearAtNanos = Math.max(clearAtNanos, clock.nanoTime() + backoff.nextPause().toNanos());
    }

    synchronized void succeeded() {
        backoff.reset();
    }
}
