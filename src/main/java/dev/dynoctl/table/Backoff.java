package dev.dynoctl.table;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Jittered exponential back-off, 1 s doubling to 20 s: each pause is a random share between half and all of the
 * current step, so jobs hitting a limit together do not retry in lock-step.
 */
final class Backoff {
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(20);

    private Duration step = FIRST;

    /** The next pause; the step after it is twice as long, up to {@link #MAX}. */
    Duration nextPause() {
        Duration pause = Duration.ofNanos(ThreadLocalRandom.current().nextLong(step.toNanos() / 2, step.toNanos() + 1));
        Duration doubled = step.multipliedBy(2);
        step = doubled.compareTo(MAX) > 0 ? MAX : doubled;
        return pause;
    }

    void reset() {
        step = FIRST;
    }
}
