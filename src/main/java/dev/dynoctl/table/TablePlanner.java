package dev.dynoctl.table;

import java.util.List;
import java.util.Optional;

/**
 * Plans declared tables against what exists, matched by name: no state file. {@link #plan} is a pure function;
 * {@link #planAll} reads each table (DescribeTable and the follow-up reads its declaration needs) in parallel.
 */
public final class TablePlanner {
    /** How many tables are read at once while planning. */
    static final int READERS = 16;

    private final DynamoDbTables tables;

    public TablePlanner(DynamoDbTables tables) {
        this.tables = tables;
    }

    /**
     * @param existing          the table as read, if it exists
     * @param options    what apply may delete
     */
    public static TablePlan plan(TableSpec spec, Optional<TableState> existing, PlanOptions options) {
        if (existing.isEmpty()) {
            return new TablePlan(spec.name(), TablePlan.Action.CREATE, List.of(), List.of(), List.of(), Optional.empty());
        }
        var table = existing.get().table();
        String status = table.tableStatusAsString();
        if (TableWaiter.neverActive(status)) {
            return new TablePlan(spec.name(), TablePlan.Action.BLOCKED, List.of(),
                    List.of(new Difference("status", "ACTIVE", status + " (it never becomes ACTIVE again)")), List.of(),
                    Optional.of(table));
        }
        Plan plan = SpecComparison.plan(spec, existing.get(), false, options);
        if (!plan.differences().isEmpty()) {
            // No steps: apply makes none of them while the table is blocked.
            return new TablePlan(spec.name(), TablePlan.Action.BLOCKED, List.of(), plan.differences(), plan.skipped(),
                    Optional.of(table));
        }
        TablePlan.Action action = !plan.steps().isEmpty() ? TablePlan.Action.CHANGE
                : TableWaiter.settled(table) ? TablePlan.Action.IN_SYNC : TablePlan.Action.WAIT;
        return new TablePlan(spec.name(), action, plan.steps(), List.of(), plan.skipped(), Optional.of(table));
    }

    /** Reads and plans one table. */
    public TablePlan read(TableSpec spec, PlanOptions options) {
        Optional<TableState> state = tables.describe(spec.name())
                .map(table -> TableState.read(tables, table, TableState.Aspects.declaredIn(spec, false, options)));
        return plan(spec, state, options);
    }

    /** Plans every table, in the order given; the first failure to read a table (AccessDenied, ...) is thrown. */
    public List<TablePlan> planAll(List<TableSpec> specs, PlanOptions options) {
        return Parallel.map(specs, READERS, "dynoctl-plan", spec -> read(spec, options));
    }
}
