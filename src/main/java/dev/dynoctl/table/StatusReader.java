package dev.dynoctl.table;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads tables for {@code status}, in parallel: DescribeTable, TTL and backups (the columns), and for a declared table
 * what its declaration needs compared, to say whether it is in sync. {@link #watch} reads again on the growing schedule
 * create-table waits on, until every table is ACTIVE.
 */
public final class StatusReader {
    static final int READERS = 16;
    private static final TableState.Aspects SHOWN = new TableState.Aspects(true, true, false, false, false);

    /** A table to show: its name, and its declaration when it came from a spec file. */
    public record Wanted(String name, Optional<TableSpec> declared) {
        public static Wanted named(String name) {
            return new Wanted(name, Optional.empty());
        }

        public static Wanted declared(TableSpec spec) {
            return new Wanted(spec.name(), Optional.of(spec));
        }
    }

    /** How a watch ended: every table ACTIVE, the time up, or a table in a status it never leaves. */
    public record Watched(Ending ending, List<TableStatus> last, Duration took) {
        public enum Ending { ACTIVE, TIMED_OUT, UNUSABLE }
    }

    private final DynamoDbTables tables;
    private final WaitClock clock;

    public StatusReader(DynamoDbTables tables, WaitClock clock) {
        this.tables = tables;
        this.clock = clock;
    }

    /** The tables, in the order given. */
    public List<TableStatus> read(List<Wanted> wanted) {
        return Parallel.map(wanted, READERS, "dynoctl-status", this::read);
    }

    private TableStatus read(Wanted wanted) {
        Optional<TableState> state = tables.describe(wanted.name()).map(table -> TableState.read(tables, table,
                wanted.declared().map(spec -> TableState.Aspects.declaredIn(spec, false, PlanOptions.NONE).or(SHOWN)).orElse(SHOWN)));
        Optional<TableStatus.Sync> sync = wanted.declared()
                .map(spec -> TableStatus.sync(TablePlanner.plan(spec, state, PlanOptions.NONE).action()));
        return new TableStatus(wanted.name(), state.map(ExistingTable::read), sync);
    }

    /**
     * Reads until every table is ACTIVE with all its indexes, telling {@code round} after each reading; a table that
     * is missing is waited for too (another job may be creating it).
     */
    public Watched watch(List<Wanted> wanted, WaitPolicy policy, Consumer<List<TableStatus>> round) throws InterruptedException {
        long start = clock.nanoTime();
        while (true) {
            List<TableStatus> statuses = read(wanted);
            round.accept(statuses);
            Duration elapsed = clock.since(start);
            if (statuses.stream().allMatch(TableStatus::settled)) {
                return new Watched(Watched.Ending.ACTIVE, statuses, elapsed);
            }
            if (statuses.stream().anyMatch(TableStatus::neverActive)) {
                return new Watched(Watched.Ending.UNUSABLE, statuses, elapsed);
            }
            Duration left = policy.timeout().minus(elapsed);
            if (left.compareTo(Duration.ZERO) <= 0) {
                return new Watched(Watched.Ending.TIMED_OUT, statuses, elapsed);
            }
            Duration pause = policy.nextDelay(elapsed);
            clock.sleep(pause.compareTo(left) < 0 ? pause : left);
        }
    }
}
