package dev.dynoctl.table;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Executes the plans of many tables: creates and changes run in parallel (each as create-table runs one table, through
 * {@link TableProvisioner}), sharing one back-off for DynamoDB's account-wide LimitExceeded and one pace for status
 * polls; tables already in sync are reported without another call. Every table ends with an outcome value.
 */
public final class ApplyRun {
    /**
     * DynamoDB runs up to 500 table operations at once (250 for tables with secondary indexes); beyond that it answers
     * LimitExceededException, which the shared back-off absorbs.
     */
    public static final int DEFAULT_PARALLELISM = 250;

    /** The status a table shows from the moment a worker takes it up until DynamoDB says more. */
    private static final String STARTING = "starting";

    /** One table at the end of the run: its result, or (result null) the error that stopped it, such as an AWS call. */
    public record TableOutcome(String table, ProvisionResult result, RuntimeException failure, Duration took) {
        /** The result, when the table ended as declared. */
        public java.util.Optional<ProvisionResult.Done> done() {
            return result instanceof ProvisionResult.Done done ? java.util.Optional.of(done) : java.util.Optional.empty();
        }
    }

    private final TableProvisioner provisioner;
    private final WaitClock clock;

    public ApplyRun(DynamoDbTables tables, TableWaiter waiter, WaitClock clock) {
        this.provisioner = new TableProvisioner(tables, waiter, clock, new ControlPlaneGate(clock));
        this.clock = clock;
    }

    /**
     * @param plans    one per spec, in the same order (from {@link TablePlanner#planAll}); none may be blocked
     * @param finished told of each table as it finishes, from the worker that ran it
     * @return the outcomes, in the order of the specs
     */
    public List<TableOutcome> apply(List<TableSpec> specs, List<TablePlan> plans, WaitPolicy policy,
                                    TableProvisioner.Options options, int parallelism, WaitListener listener,
                                    Consumer<TableOutcome> finished) {
        long start = clock.nanoTime();
        long pending = plans.stream().filter(TablePlan::pending).count();
        List<Integer> indexes = IntStream.range(0, specs.size()).boxed().toList();
        return Parallel.map(indexes, (int) Math.min(parallelism, Math.max(1, pending)), "dynoctl-apply", i -> {
            TablePlan plan = plans.get(i);
            TableOutcome outcome = plan.pending() ? run(specs.get(i), policy, options, listener, start) : inSync(plan);
            finished.accept(outcome);
            return outcome;
        });
    }

    private TableOutcome run(TableSpec spec, WaitPolicy policy, TableProvisioner.Options options, WaitListener listener,
                             long runStart) {
        long start = clock.nanoTime();
        Duration waitedForAWorker = clock.since(runStart);
        listener.polled(spec.name(), STARTING, Duration.ZERO);
        try {
            ProvisionResult result = provisioner.provision(spec, policy.remaining(waitedForAWorker), options, listener);
            return new TableOutcome(spec.name(), result, null, clock.since(start));
        } catch (RuntimeException e) {
            return new TableOutcome(spec.name(), null, e, clock.since(start));
        }
    }

    private static TableOutcome inSync(TablePlan plan) {
        return new TableOutcome(plan.table(), new ProvisionResult.Done(ProvisionResult.Done.Outcome.EXISTS, plan.existing().orElseThrow(),
                Duration.ZERO, List.of(), plan.skipped()), null, Duration.ZERO);
    }
}
