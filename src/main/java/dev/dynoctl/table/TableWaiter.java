package dev.dynoctl.table;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * dynoctl's own polling, never the SDK's table waiter (which sleeps a fixed 20 s between polls):
 * the first call goes out at once, then the gaps follow {@link WaitPolicy#nextDelay}.
 */
public final class TableWaiter {
    static final String ACTIVE = "ACTIVE";
    /** Statuses from which a table never becomes ACTIVE by itself: stop waiting at once. */
    static final Set<String> NEVER_ACTIVE = Set.of("DELETING", "INACCESSIBLE_ENCRYPTION_CREDENTIALS", "ARCHIVING",
            "ARCHIVED", "REPLICATION_NOT_AUTHORIZED");

    private final DynamoDbTables tables;
    private final Sleeper sleeper;

    public TableWaiter(DynamoDbTables tables, Sleeper sleeper) {
        this.tables = tables;
        this.sleeper = sleeper;
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
            if (NEVER_ACTIVE.contains(status)) {
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

    /** Polls DescribeTimeToLive until TTL is ENABLED. */
    public void untilTimeToLiveEnabled(String table, WaitPolicy policy, WaitListener listener) {
        poll(table, policy, "TTL ENABLED", listener, elapsed -> {
            String status = tables.describeTimeToLive(table).map(t -> t.timeToLiveStatusAsString()).value();
            return new Observation<>("TTL " + status, "ENABLED".equals(status) ? true : null);
        });
    }

    /** Polls DescribeContinuousBackups until point-in-time recovery is ENABLED (or DISABLED). */
    public void untilPointInTimeRecovery(String table, boolean enabled, WaitPolicy policy, WaitListener listener) {
        String goal = enabled ? "ENABLED" : "DISABLED";
        poll(table, policy, "point-in-time recovery " + goal, listener, elapsed -> {
            var description = tables.describeContinuousBackups(table).value().pointInTimeRecoveryDescription();
            String status = description == null ? "DISABLED" : description.pointInTimeRecoveryStatusAsString();
            return new Observation<>("point-in-time recovery " + status, goal.equals(status) ? true : null);
        });
    }

    private static String indexStatus(GlobalSecondaryIndexDescription index) {
        return "index " + index.indexName() + " " + index.indexStatusAsString()
                + (Boolean.TRUE.equals(index.backfilling()) ? " (backfilling)" : "");
    }

    private <T> T poll(String table, WaitPolicy policy, String goal, WaitListener listener, Probe<T> probe) {
        long start = System.nanoTime();
        while (true) {
            Duration elapsed = since(start);
            Observation<T> seen = probe.observe(elapsed);
            listener.polled(table, seen.status(), elapsed);
            if (seen.result() != null) {
                return seen.result();
            }
            elapsed = since(start);
            Duration left = policy.timeout().minus(elapsed);
            if (left.isNegative() || left.isZero()) {
                throw new WaitTimeoutException(table, goal, seen.status(), elapsed);
            }
            Duration delay = policy.nextDelay(elapsed);
            try {
                sleeper.sleep(delay.compareTo(left) < 0 ? delay : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WaitInterruptedException(table, seen.status());
            }
        }
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
