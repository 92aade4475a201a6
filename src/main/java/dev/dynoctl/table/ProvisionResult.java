package dev.dynoctl.table;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * How one table ended: as declared ({@link Done}), or stopped by what it is — differences apply does not change
 * ({@link Blocked}), a status it never leaves ({@link Unusable}), or a step that failed after others were made
 * ({@link Partial}). The CLI maps each to its message and exit code in one place.
 */
public sealed interface ProvisionResult {
    String tableName();

    /** CREATED, EXISTS (as declared: nothing to do) or UPDATED, with the steps made and the settings not compared. */
    record Done(Outcome outcome, TableDescription table, Duration waited, List<String> changes, List<String> skipped)
            implements ProvisionResult {
        public enum Outcome { CREATED, EXISTS, UPDATED }

        public Done {
            changes = List.copyOf(changes);
            skipped = List.copyOf(skipped);
        }

        @Override
        public String tableName() {
            return table.tableName();
        }
    }

    /** Nothing was changed: the table differs in ways apply does not change. */
    record Blocked(String tableName, List<Difference> blockers) implements ProvisionResult {
        public Blocked {
            blockers = List.copyOf(blockers);
        }
    }

    /** DELETING, or another status a table never leaves for ACTIVE: nothing was changed. */
    record Unusable(String tableName, String status) implements ProvisionResult {
    }

    /**
     * The table exists, but a step could not be made: what is done and what is not, so a message can say both; the
     * next run plans again from what exists and makes the rest. {@code stoppedBy}: the failed call or the timed-out wait.
     */
    record Partial(String tableName, boolean created, List<String> applied, List<String> notApplied,
                   RuntimeException stoppedBy) implements ProvisionResult {
        public Partial {
            applied = List.copyOf(applied);
            notApplied = List.copyOf(notApplied);
        }
    }
}
