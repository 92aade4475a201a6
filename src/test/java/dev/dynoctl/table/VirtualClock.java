package dev.dynoctl.table;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Time that passes only when code under test sleeps: waits and back-offs tested without real sleeps. */
final class VirtualClock implements WaitClock {
    private long now = 1_000_000_000L;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now += duration.toNanos();
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    synchronized void advance(Duration duration) {
        now += duration.toNanos();
    }

    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
