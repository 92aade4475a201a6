package dev.dynoctl.table;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * create-table's work: DescribeTable to see whether the table exists; if it does, compare it with the declaration
 * (differences that cannot be changed in place stop everything before anything is changed); if not, CreateTable
 * (backing off on LimitExceeded, which the SDK does not retry). Then the in-place settings (TTL, PITR, tags, ...)
 * are applied and, unless told not to, it waits until the table, its indexes, TTL and PITR have settled.
 */
public final class TableProvisioner {
    static final Duration FIRST_LIMIT_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_LIMIT_BACKOFF = Duration.ofSeconds(20);

    /** @param waitUntilSettled false for --no-wait; @param addMissingIndexes create declared GSIs an existing table lacks */
    public record Options(boolean waitUntilSettled, boolean addMissingIndexes) {
    }

    private final DynamoDbTables tables;
    private final TableWaiter waiter;
    private final Sleeper sleeper;

    public TableProvisioner(DynamoDbTables tables, TableWaiter waiter, Sleeper sleeper) {
        this.tables = tables;
        this.waiter = waiter;
        this.sleeper = sleeper;
    }

    public ProvisionResult provision(TableSpec spec, WaitPolicy policy, Options options, WaitListener listener) {
        long start = System.nanoTime();
        Optional<TableDescription> existing = tables.describe(spec.name());
        if (existing.isPresent()) {
            return converge(spec, existing.get(), policy, options, listener, start);
        }
        TableDescription created;
        try {
            created = createWithBackoff(spec, policy, start);
        } catch (ResourceInUseException raced) {
            // Another process created it between our DescribeTable and CreateTable: judge it like any existing table.
            TableDescription other = tables.describe(spec.name()).orElseThrow(() -> new TableNotFoundException(spec.name(),
                    "CreateTable said it exists, DescribeTable says it does not; run the command again"));
            return converge(spec, other, policy, options, listener, start);
        }
        if (!options.waitUntilSettled()) {
            return new ProvisionResult(ProvisionResult.Outcome.CREATED, created, since(start), List.of(), List.of());
        }
        TableDescription active = waiter.untilActive(spec.name(), policy.remaining(since(start)), true, listener);
        Plan followUps = SpecComparison.plan(spec, TableState.read(tables, active, TableState.Aspects.declaredIn(spec, true)),
                true, false);
        return finish(spec, active, ProvisionResult.Outcome.CREATED, followUps, policy, options, listener, start);
    }

    private ProvisionResult converge(TableSpec spec, TableDescription table, WaitPolicy policy, Options options,
                                     WaitListener listener, long start) {
        if (TableWaiter.NEVER_ACTIVE.contains(table.tableStatusAsString())) {
            throw new TableUnusableException(spec.name(), table.tableStatusAsString());
        }
        Plan plan = SpecComparison.plan(spec, TableState.read(tables, table, TableState.Aspects.declaredIn(spec, false)),
                false, options.addMissingIndexes());
        if (!plan.differences().isEmpty()) {
            throw new TableDiffersException(spec.name(), plan.differences());
        }
        ProvisionResult.Outcome outcome = plan.changes().isEmpty() ? ProvisionResult.Outcome.EXISTS : ProvisionResult.Outcome.UPDATED;
        return finish(spec, table, outcome, plan, policy, options, listener, start);
    }

    /** Applies the plan's changes in order, then waits until everything has settled. */
    private ProvisionResult finish(TableSpec spec, TableDescription table, ProvisionResult.Outcome outcome, Plan plan,
                                   WaitPolicy policy, Options options, WaitListener listener, long start) {
        List<String> applied = new ArrayList<>();
        TableDescription current = table;
        boolean needsActive = !TableWaiter.ACTIVE.equals(table.tableStatusAsString());
        for (Change change : plan.changes()) {
            if (needsActive) {
                current = waiter.untilActive(spec.name(), policy.remaining(since(start)), false, listener);
            }
            try {
                change.apply(tables, spec.name(), current.tableArn());
            } catch (AwsCallException e) {
                throw new PartialProvisionException(spec.name(), outcome == ProvisionResult.Outcome.CREATED ? "was created"
                        : "exists", applied, change, e);
            }
            applied.add(change.description());
            needsActive = change.updatesTable();
        }
        if (options.waitUntilSettled()) {
            if (needsActive || !TableWaiter.ACTIVE.equals(current.tableStatusAsString()) || pendingIndexes(current)) {
                current = waiter.untilActive(spec.name(), policy.remaining(since(start)), false, listener);
            }
            for (Change change : plan.changes()) {
                if (change instanceof Change.EnableTimeToLive) {
                    waiter.untilTimeToLiveEnabled(spec.name(), policy.remaining(since(start)), listener);
                } else if (change instanceof Change.PointInTimeRecovery pitr) {
                    waiter.untilPointInTimeRecovery(spec.name(), pitr.enabled(), policy.remaining(since(start)), listener);
                }
            }
        }
        return new ProvisionResult(outcome, current, since(start), applied, plan.skipped());
    }

    private static boolean pendingIndexes(TableDescription table) {
        return table.globalSecondaryIndexes().stream().anyMatch(index -> !TableWaiter.ACTIVE.equals(index.indexStatusAsString()));
    }

    private TableDescription createWithBackoff(TableSpec spec, WaitPolicy policy, long start) {
        CreateTableRequest request = Requests.createTable(spec);
        Duration backoff = FIRST_LIMIT_BACKOFF;
        while (true) {
            try {
                return tables.create(request);
            } catch (LimitExceededException e) {
                Duration left = policy.timeout().minus(since(start));
                if (left.compareTo(Duration.ZERO) <= 0) {
                    throw new TooManyTableOperationsException("CreateTable", spec.name(), since(start), e);
                }
                // Full jitter, so many CI jobs hitting the account limit together do not retry in lock-step.
                Duration pause = Duration.ofMillis(ThreadLocalRandom.current().nextLong(backoff.toMillis() / 2, backoff.toMillis() + 1));
                try {
                    sleeper.sleep(pause.compareTo(left) < 0 ? pause : left);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new WaitInterruptedException(spec.name(), "not created yet (LimitExceededException)");
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_LIMIT_BACKOFF) > 0 ? MAX_LIMIT_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
