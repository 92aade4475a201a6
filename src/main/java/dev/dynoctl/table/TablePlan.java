package dev.dynoctl.table;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * What apply would do to one declared table: create it, change it in place step by step, wait for it (it matches but
 * is still CREATING or UPDATING, or an index is still being built), nothing (in sync), or nothing at all because it
 * differs in a way apply does not change (blocked, with the reasons).
 * {@code skipped}: declared settings the endpoint cannot report, so they were not compared.
 */
public record TablePlan(String table, Action action, List<Step> steps, List<Difference> blockers, List<String> skipped,
                        Optional<TableDescription> existing) {
    public enum Action { CREATE, CHANGE, WAIT, IN_SYNC, BLOCKED }

    public TablePlan {
        steps = List.copyOf(steps);
        blockers = List.copyOf(blockers);
        skipped = List.copyOf(skipped);
    }

    /** Whether apply has something to do for this table. */
    public boolean pending() {
        return action == Action.CREATE || action == Action.CHANGE || action == Action.WAIT;
    }
}
