package dev.dynoctl.table;

import java.time.Duration;

/**
 * How long and how often to poll a table's status.
 * The gap between polls grows with the time already waited (a tenth of it), kept between {@code minInterval} and
 * {@code maxInterval}: a table that turns ACTIVE after t seconds is seen by about 1.1 t (never later than
 * t + maxInterval), without hammering DescribeTable during a long wait. {@code spent}: how much of the command's
 * timeout went before this wait (a timeout reports the command's whole time, as the user set it).
 */
public record WaitPolicy(Duration timeout, Duration minInterval, Duration maxInterval, Duration notFoundGrace, Duration spent) {
    static final Duration MIN_INTERVAL = Duration.ofMillis(250);
    static final Duration MAX_INTERVAL = Duration.ofSeconds(5);
    /** DescribeTable may answer ResourceNotFound for a few seconds right after CreateTable (eventual consistency). */
    static final Duration NOT_FOUND_GRACE = Duration.ofSeconds(10);

    public static WaitPolicy withTimeout(Duration timeout) {
        return new WaitPolicy(timeout, MIN_INTERVAL, MAX_INTERVAL, NOT_FOUND_GRACE, Duration.ZERO);
    }

    /** The same policy for what is left of the timeout after {@code elapsed} (at least a millisecond). */
    public WaitPolicy remaining(Duration elapsed) {
        Duration left = timeout.minus(elapsed);
        return new WaitPolicy(left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left, minInterval, maxInterval,
                notFoundGrace, spent.plus(elapsed));
    }

    /** The pause before the next poll, given how long we have waited so far. */
    public Duration nextDelay(Duration elapsed) {
        Duration proportional = elapsed.dividedBy(10);
        if (proportional.compareTo(minInterval) < 0) {
            return minInterval;
        }
        return proportional.compareTo(maxInterval) > 0 ? maxInterval : proportional;
    }
}
