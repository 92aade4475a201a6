package dev.dynoctl.table;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * dynoctl's own polling, never the SDK's table waiter (which sleeps a fixed 20 s between polls):
 * the first DescribeTable goes out at once, then the gaps follow {@link WaitPolicy#nextDelay}.
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

    /**
     * Polls until the table is ACTIVE. {@code justCreated} tolerates ResourceNotFound for the policy's grace period,
     * as DescribeTable may not see a table for a few seconds after CreateTable.
     */
    public TableDescription untilActive(String table, WaitPolicy policy, boolean justCreated, WaitListener listener) {
        long start = System.nanoTime();
        String lastStatus = "none yet";
        while (true) {
            Duration elapsed = since(start);
            Optional<TableDescription> seen = tables.describe(table);
            if (seen.isPresent()) {
                lastStatus = seen.get().tableStatusAsString();
                listener.polled(table, lastStatus, elapsed);
                if (ACTIVE.equals(lastStatus)) {
                    return seen.get();
                }
                if (NEVER_ACTIVE.contains(lastStatus)) {
                    throw new TableUnusableException(table, lastStatus);
                }
            } else if (justCreated && elapsed.compareTo(policy.notFoundGrace()) < 0) {
                lastStatus = "not visible yet";
                listener.polled(table, "NOT_FOUND", elapsed);
            } else {
                throw new TableNotFoundException(table, justCreated
                        ? "still not visible " + policy.notFoundGrace().toSeconds() + " s after CreateTable"
                        : "it disappeared while waiting");
            }
            pause(start, policy, table, ACTIVE, lastStatus);
        }
    }

    /** Polls until DescribeTable says ResourceNotFound. */
    public void untilGone(String table, WaitPolicy policy, WaitListener listener) {
        long start = System.nanoTime();
        while (true) {
            Duration elapsed = since(start);
            Optional<TableDescription> seen = tables.describe(table);
            if (seen.isEmpty()) {
                return;
            }
            String status = seen.get().tableStatusAsString();
            listener.polled(table, status, elapsed);
            pause(start, policy, table, "deleted", status);
        }
    }

    private void pause(long start, WaitPolicy policy, String table, String goal, String lastStatus) {
        Duration elapsed = since(start);
        Duration left = policy.timeout().minus(elapsed);
        if (left.isNegative() || left.isZero()) {
            throw new WaitTimeoutException(table, goal, lastStatus, elapsed);
        }
        Duration delay = policy.nextDelay(elapsed);
        try {
            sleeper.sleep(delay.compareTo(left) < 0 ? delay : left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitInterruptedException(table, lastStatus);
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
