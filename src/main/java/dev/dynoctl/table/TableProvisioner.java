package dev.dynoctl.table;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
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
    /** Error codes that mean "not yet": PITR right after creation, another table operation or index build in progress. */
    static final Set<String> NOT_YET = Set.of("ContinuousBackupsUnavailableException", "LimitExceededException",
            "ResourceInUseException");

    /** How often an operation may answer ResourceInUse while the table and its indexes are ACTIVE before it counts as a failure. */
    static final int MAX_REFUSED_WHILE_SETTLED = 3;

    /** @param waitUntilSettled false for --no-wait; @param allowed what apply may delete on an existing table */
    public record Options(boolean waitUntilSettled, PlanOptions allowed) {
    }

    private final DynamoDbTables tables;
    private final TableWaiter waiter;
    private final WaitClock clock;
    private final ControlPlaneGate gate;

    /** For one table (create-table). */
    public TableProvisioner(DynamoDbTables tables, TableWaiter waiter, WaitClock clock) {
        this(tables, waiter, clock, new ControlPlaneGate(clock));
    }

    /** @param gate shared by every table of a run (apply): LimitExceeded is account-wide */
    public TableProvisioner(DynamoDbTables tables, TableWaiter waiter, WaitClock clock, ControlPlaneGate gate) {
        this.tables = tables;
        this.waiter = waiter;
        this.clock = clock;
        this.gate = gate;
    }

    public ProvisionResult provision(TableSpec spec, WaitPolicy policy, Options options, WaitListener listener) {
        long start = clock.nanoTime();
        Optional<TableDescription> existing = tables.describe(spec.name());
        if (existing.isPresent()) {
            return converge(spec, existing.get(), policy, options, listener, start);
        }
        TableDescription created;
        try {
            created = createWithBackoff(spec, policy, start);
        } catch (ResourceInUseException inUse) {
            TableDescription found = tables.describe(spec.name()).orElseThrow(() -> new TableNotFoundException(spec.name(),
                    "CreateTable said it exists, DescribeTable says it does not; run the command again"));
            if (!lostOwnResponse(inUse) || !SpecComparison.plan(spec, TableState.read(tables, found, TableState.Aspects.NONE),
                    false, options.allowed()).differences().isEmpty()) {
                // Another process created it between our DescribeTable and CreateTable: judge it like any existing table.
                return converge(spec, found, policy, options, listener, start);
            }
            created = found;
        }
        listener.polled(spec.name(), created.tableStatusAsString(), clock.since(start)); // CreateTable's answer says it too
        if (!options.waitUntilSettled()) {
            return new ProvisionResult.Done(ProvisionResult.Done.Outcome.CREATED, created, clock.since(start), List.of(), List.of());
        }
        // DynamoDB answers CREATING; an emulator, or DescribeTable after a lost answer, may already say ACTIVE.
        TableDescription active = TableWaiter.settled(created) ? created
                : waiter.untilActive(spec.name(), policy.remaining(clock.since(start)), true, listener);
        Plan followUps = SpecComparison.plan(spec, TableState.read(tables, active,
                TableState.Aspects.declaredIn(spec, true, options.allowed())), true, options.allowed());
        return finish(spec, active, ProvisionResult.Done.Outcome.CREATED, followUps, policy, options, listener, start);
    }

    /**
     * ResourceInUse on a retried CreateTable: an earlier attempt of ours reached DynamoDB but its answer was lost
     * (connection reset, timeout), so this run did create the table. A first-attempt ResourceInUse is another process.
     */
    private static boolean lostOwnResponse(ResourceInUseException inUse) {
        return inUse.numAttempts() != null && inUse.numAttempts() > 1;
    }

    private ProvisionResult converge(TableSpec spec, TableDescription table, WaitPolicy policy, Options options,
                                     WaitListener listener, long start) {
        if (TableWaiter.neverActive(table.tableStatusAsString())) {
            return new ProvisionResult.Unusable(spec.name(), table.tableStatusAsString());
        }
        TablePlan plan = TablePlanner.plan(spec, Optional.of(TableState.read(tables, table,
                TableState.Aspects.declaredIn(spec, false, options.allowed()))), options.allowed());
        if (plan.action() == TablePlan.Action.BLOCKED) {
            return new ProvisionResult.Blocked(spec.name(), plan.blockers());
        }
        ProvisionResult.Done.Outcome outcome = plan.steps().isEmpty() ? ProvisionResult.Done.Outcome.EXISTS : ProvisionResult.Done.Outcome.UPDATED;
        return finish(spec, table, outcome, new Plan(List.of(), plan.steps(), plan.skipped()), policy, options, listener, start);
    }

    /**
     * Applies the plan's changes in order, then waits until everything has settled. Before each change the table and
     * its indexes must be ACTIVE (DynamoDB builds one index at a time and refuses updates meanwhile). Errors that mean
     * "not yet" are retried within the wait budget; a change another run made meanwhile counts as done; a change the
     * endpoint has no operation for (an emulator) is skipped with a warning; anything else, or running out of time,
     * stops with what is done and what is not. A setting the endpoint cannot report is not waited for.
     */
    private ProvisionResult finish(TableSpec spec, TableDescription table, ProvisionResult.Done.Outcome outcome, Plan plan,
                                   WaitPolicy policy, Options options, WaitListener listener, long start) {
        List<String> applied = new ArrayList<>();
        List<Change> made = new ArrayList<>();
        List<String> skipped = new ArrayList<>(plan.skipped());
        TableDescription current = table;
        boolean needsActive = !TableWaiter.settled(table);
        List<Change> changes = plan.changes();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            List<String> steps = texts(plan.stepsOf(change));
            listener.steps(spec.name(), List.copyOf(applied), stepsFrom(plan, changes, i));
            try {
                // Only another UpdateTable needs the table and its indexes ACTIVE again; tags, TTL, PITR and the rest do not
                // wait for an index's backfill.
                if (needsActive && (change.updatesTable() || !TableWaiter.ACTIVE.equals(current.tableStatusAsString()))) {
                    current = waiter.untilActive(spec.name(), policy.remaining(clock.since(start)), false, listener);
                    needsActive = false;
                }
                if (!applyWithRetry(change, plan.stepsOf(change), spec, current, policy, start, outcome, options)) {
                    steps.forEach(step -> skipped.add(step + ": " + Lookup.notAvailableText("UnknownOperationException")
                            + "; not applied"));
                    continue;
                }
            } catch (AwsCallException | WaitTimeoutException e) {
                return new ProvisionResult.Partial(spec.name(), outcome == ProvisionResult.Done.Outcome.CREATED, applied,
                        stepsFrom(plan, changes, i), e);
            }
            applied.addAll(steps);
            made.add(change);
            needsActive |= change.updatesTable();
            listener.steps(spec.name(), List.copyOf(applied), stepsFrom(plan, changes, i + 1));
        }
        if (options.waitUntilSettled()) {
            if (needsActive || !TableWaiter.settled(current)) {
                current = waiter.untilActive(spec.name(), policy.remaining(clock.since(start)), false, listener);
            }
            for (Change change : made) {
                Lookup<String> settled;
                if (change instanceof Change.TimeToLive ttl && ttl.enabled()) {
                    settled = waiter.untilTimeToLiveEnabled(spec.name(), policy.remaining(clock.since(start)), listener);
                } else if (change instanceof Change.PointInTimeRecovery pitr) {
                    settled = waiter.untilPointInTimeRecovery(spec.name(), pitr.enabled(), policy.remaining(clock.since(start)),
                            listener);
                } else {
                    continue;
                }
                if (!settled.found()) {
                    texts(plan.stepsOf(change)).forEach(step -> skipped.add(step + ": " + settled.why() + "; not waited for"));
                }
            }
        }
        // Every change skipped: the table was left as it was.
        ProvisionResult.Done.Outcome done = outcome == ProvisionResult.Done.Outcome.UPDATED && applied.isEmpty()
                ? ProvisionResult.Done.Outcome.EXISTS : outcome;
        return new ProvisionResult.Done(done, current, clock.since(start), applied, skipped);
    }

    /** The steps of the calls from {@code first} on: what is not applied yet. */
    private static List<String> stepsFrom(Plan plan, List<Change> changes, int first) {
        return changes.subList(first, changes.size()).stream().flatMap(change -> texts(plan.stepsOf(change)).stream()).toList();
    }

    private static List<String> texts(List<Step> steps) {
        return steps.stream().map(Step::toString).toList();
    }

    /** @return false when the endpoint has no operation for the change (UnknownOperationException) */
    private boolean applyWithRetry(Change change, List<Step> steps, TableSpec spec, TableDescription table, WaitPolicy policy,
                                   long start, ProvisionResult.Done.Outcome outcome, Options options) {
        Backoff backoff = new Backoff();
        int refusedWhileSettled = 0;
        while (true) {
            try {
                change.apply(tables, spec.name(), table.tableArn());
                gate.succeeded();
                return true;
            } catch (AwsCallException e) {
                if ("UnknownOperationException".equals(errorCode(e))) {
                    return false;
                }
                if (rateLimited(e)) {
                    // A per-table limit (capacity decreases a day, switches to on-demand): waiting within this run cannot help.
                    throw new AwsCallException(e.operation(), e.getCause(), "a DynamoDB rate limit on this table; it clears "
                            + "with time (see the step's note in plan)");
                }
                TableDescription now = tables.describeExisting(spec.name());
                if (doneMeanwhile(steps, spec, now, outcome, options)) {
                    return true;
                }
                // ResourceInUse while nothing on the table is in progress is not "not yet": after a few tries it is an answer.
                if ("ResourceInUseException".equals(errorCode(e)) && TableWaiter.settled(now)) {
                    refusedWhileSettled++;
                }
                Duration left = policy.timeout().minus(clock.since(start));
                if (!NOT_YET.contains(errorCode(e)) || left.compareTo(Duration.ZERO) <= 0
                        || refusedWhileSettled > MAX_REFUSED_WHILE_SETTLED) {
                    throw e;
                }
                String status = "ACTIVE, applying " + String.join("; ", texts(steps));
                if ("LimitExceededException".equals(errorCode(e))) {
                    gate.limitExceeded();
                    awaitGate(left, spec.name(), status);
                } else {
                    pause(backoff.nextPause(), left, spec.name(), status);
                }
            }
        }
    }

    /** Another run (a concurrent CI job) may have made the same change a moment ago: then it needs no retry. */
    private boolean doneMeanwhile(List<Step> steps, TableSpec spec, TableDescription now, ProvisionResult.Done.Outcome outcome,
                                  Options options) {
        boolean justCreated = outcome == ProvisionResult.Done.Outcome.CREATED;
        Plan again = SpecComparison.plan(spec, TableState.read(tables, now,
                TableState.Aspects.declaredIn(spec, justCreated, options.allowed())), justCreated, options.allowed());
        // By setting, not by call: once one step of a two-call change is made, the plan makes the rest another way.
        Set<String> settings = steps.stream().map(Step::setting).collect(Collectors.toSet());
        return again.steps().stream().noneMatch(step -> settings.contains(step.setting()));
    }

    /**
     * LimitExceeded means "too many table operations at once" (wait and retry) or that this table used up a rate limit,
     * such as its capacity decreases for the UTC day: told apart by DynamoDB's message.
     */
    static boolean rateLimited(AwsCallException e) {
        if (!"LimitExceededException".equals(errorCode(e))) {
            return false;
        }
        String words = details(e).map(AwsErrorDetails::errorMessage).orElse("").toLowerCase(Locale.ROOT);
        return !words.isEmpty() && !words.contains("simultaneous") && !words.contains("concurren")
                && !words.contains("too many operations");
    }

    private static String errorCode(AwsCallException e) {
        return details(e).map(AwsErrorDetails::errorCode).orElse("");
    }

    private static Optional<AwsErrorDetails> details(AwsCallException e) {
        return e.getCause() instanceof AwsServiceException service ? Optional.ofNullable(service.awsErrorDetails()) : Optional.empty();
    }

    /** Sleeps the pause, but not past the time left. */
    private void pause(Duration pause, Duration left, String table, String status) {
        try {
            clock.sleep(pause.compareTo(left) < 0 ? pause : left);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new WaitInterruptedException(table, status);
        }
    }

    /** CreateTable, holding back while the run's shared back-off for LimitExceeded lasts. */
    private TableDescription createWithBackoff(TableSpec spec, WaitPolicy policy, long start) {
        CreateTableRequest request = Requests.createTable(spec);
        String status = "not created yet (LimitExceededException)";
        while (true) {
            awaitGate(policy.timeout().minus(clock.since(start)), spec.name(), status);
            try {
                TableDescription created = tables.create(request);
                gate.succeeded();
                return created;
            } catch (LimitExceededException e) {
                gate.limitExceeded();
                if (policy.timeout().minus(clock.since(start)).compareTo(Duration.ZERO) <= 0) {
                    throw new TooManyTableOperationsException("CreateTable", spec.name(), clock.since(start), e);
                }
            }
        }
    }

    private void awaitGate(Duration left, String table, String status) {
        try {
            gate.awaitClear(left.isNegative() ? Duration.ZERO : left);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new WaitInterruptedException(table, status);
        }
    }

}
