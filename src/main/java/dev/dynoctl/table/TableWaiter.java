package dev.dynoctl.table;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * dynoctl's own polling, never the SDK's table waiter (which sleeps a fixed 20 s between polls):
 * the first call goes out at once, then the gaps follow {@link WaitPolicy#nextDelay}.
 */
public final class TableWaiter {
    static final String ACTIVE = "ACTIVE";
    /** Statuses from which a table never becomes ACTIVE by itself: stop waiting at once. */
    private static final Set<String> NEVER_ACTIVE = Set.of("DELETING", "INACCESSIBLE_ENCRYPTION_CREDENTIALS", "ARCHIVING",
            "ARCHIVED", "REPLICATION_NOT_AUTHORIZED");

    /** Whether the table and all its global secondary indexes are ACTIVE: nothing to wait for. */
    static boolean settled(TableDescription table) {
        return ACTIVE.equals(table.tableStatusAsString())
                && table.globalSecondaryIndexes().stream().allMatch(index -> ACTIVE.equals(index.indexStatusAsString()));
    }

    /** Whether a table in this status never becomes ACTIVE by itself (an answer without a status is not such a one). */
    static boolean neverActive(String status) {
        return status != null && NEVER_ACTIVE.contains(status);
    }

    private final DynamoDbTables tables;
    private final WaitClock clock;
    private final PollPacer pacer;

    /** One waiter for a run: the tables waited for in parallel share its {@link PollPacer}. */
    public TableWaiter(DynamoDbTables tables, WaitClock clock) {
        this.tables = tables;
        this.clock = clock;
        this.pacer = new PollPacer(clock);
    }

    /** One poll: the status to report, and the result once the goal is reached (null until then). */
    private record Observation<T>(String status, T result) {
    }

    @FunctionalInterface
    private interface Probe<T> {
        Observation<T> observe(Duration elapsed);
    }

    /**
     * Polls until the table and every global secondary index are ACTIVE. {@code justCreated} tolerates
     * ResourceNotFound for the policy's grace period: DescribeTable may not see a table for a few seconds after
     * CreateTable.
     */
    public TableDescription untilActive(String table, WaitPolicy policy, boolean justCreated, WaitListener listener) {
        return poll(table, policy, ACTIVE, listener, elapsed -> {
            Optional<TableDescription> seen = tables.describe(table);
            if (seen.isEmpty()) {
                if (justCreated && elapsed.compareTo(policy.notFoundGrace()) < 0) {
                    return new Observation<>("NOT_FOUND", null);
                }
                throw justCreated ? new TableNotFoundException(table, "still not visible "
                        + policy.notFoundGrace().toSeconds() + " s after CreateTable") : new TableNotFoundException(table);
            }
            String status = seen.get().tableStatusAsString();
            if (neverActive(status)) {
                throw new TableUnusableException(table, status);
            }
            List<String> pendingIndexes = seen.get().globalSecondaryIndexes().stream()
                    .filter(index -> !ACTIVE.equals(index.indexStatusAsString()))
                    .map(TableWaiter::indexStatus)
                    .toList();
            if (!ACTIVE.equals(status)) {
                return new Observation<>(status, null);
            }
            return pendingIndexes.isEmpty() ? new Observation<>(status, seen.get())
                    : new Observation<>(status + ", " + String.join(", ", pendingIndexes), null);
        });
    }

    /** Polls until DescribeTable says ResourceNotFound. */
    public void untilGone(String table, WaitPolicy policy, WaitListener listener) {
        poll(table, policy, "deleted", listener, elapsed -> tables.describe(table)
                .map(seen -> new Observation<Boolean>(seen.tableStatusAsString(), null))
                .orElse(new Observation<>("DELETED", true)));
    }

    /**
     * Polls DescribeTimeToLive until TTL is ENABLED; gives the status seen last. An endpoint that cannot report TTL
     * ends the wait at once (the lookup that says why): polling it would only run out the time.
     */
    public Lookup<String> untilTimeToLiveEnabled(String table, WaitPolicy policy, WaitListener listener) {
        return untilAspect(table, policy, listener, "TTL", "ENABLED",
                () -> tables.describeTimeToLive(table).map(TimeToLiveDescription::timeToLiveStatusAsString));
    }

    /** Polls DescribeContinuousBackups until point-in-time recovery is ENABLED (or DISABLED); as TTL above. */
    public Lookup<String> untilPointInTimeRecovery(String table, boolean enabled, WaitPolicy policy, WaitListener listener) {
        return untilAspect(table, policy, listener, "point-in-time recovery", enabled ? "ENABLED" : "DISABLED",
                () -> tables.describeContinuousBackups(table).map(backups -> backups.pointInTimeRecoveryDescription() == null
                        ? "DISABLED" : backups.pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString()));
    }

    private Lookup<String> untilAspect(String table, WaitPolicy policy, WaitListener listener, String aspect, String goal,
                                       Supplier<Lookup<String>> status) {
        return poll(table, policy, aspect + " " + goal, listener, elapsed -> {
            Lookup<String> seen = status.get();
            return new Observation<>(aspect + " " + (seen.found() ? seen.value() : seen.why()),
                    !seen.found() || goal.equals(seen.value()) ? seen : null);
        });
    }

    private static String indexStatus(GlobalSecondaryIndexDescription index) {
        return "index " + index.indexName() + " " + index.indexStatusAsString()
                + (Boolean.TRUE.equals(index.backfilling()) ? " (backfilling)" : "");
    }

    private <T> T poll(String table, WaitPolicy policy, String goal, WaitListener listener, Probe<T> probe) {
        long start = clock.nanoTime();
        String last = "not seen yet";
        while (true) {
            try {
                pacer.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WaitInterruptedException(table, last);
            }
            Duration elapsed = clock.since(start);
            Observation<T> seen = probe.observe(elapsed);
            last = seen.status();
            listener.polled(table, seen.status(), elapsed);
            if (seen.result() != null) {
                return seen.result();
            }
            elapsed = clock.since(start);
            Duration left = policy.timeout().minus(elapsed);
            if (left.isNegative() || left.isZero()) {
                throw new WaitTimeoutException(table, goal, seen.status(), policy.spent().plus(elapsed));
            }
            Duration delay = policy.nextDelay(elapsed);
            try {
                clock.sleep(delay.compareTo(left) < 0 ? delay : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WaitInterruptedException(table, seen.status());
            }
        }
    }
}
