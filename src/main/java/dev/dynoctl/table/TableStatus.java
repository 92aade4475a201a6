package dev.dynoctl.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One table as {@code status} shows it: what exists, if anything, rolled up into one state the way the console shows
 * it (an ACTIVE table whose index is being built is UPDATING), and with a declaration, the planner's view of it.
 */
public record TableStatus(String name, Optional<ExistingTable> existing, Optional<Sync> sync) {
    public static final String MISSING = "MISSING";

    /** How the table compares with its declaration: what plan would say, in three words. */
    public enum Sync { IN_SYNC, DIFFERS, MISSING }

    /** ACTIVE, CREATING, UPDATING (also while an index of an ACTIVE table is built or deleted), DELETING, ..., or MISSING. */
    public String state() {
        if (existing.isEmpty()) {
            return MISSING;
        }
        String status = existing.get().table().tableStatusAsString();
        return TableWaiter.ACTIVE.equals(status) && !inProgress().isEmpty() ? "UPDATING" : status;
    }

    /** What is still in progress on an existing table: "index ByEmail CREATING (backfilling)". */
    public List<String> inProgress() {
        List<String> parts = new ArrayList<>();
        existing.ifPresent(table -> table.table().globalSecondaryIndexes().stream()
                .filter(index -> !TableWaiter.ACTIVE.equals(index.indexStatusAsString()))
                .forEach(index -> parts.add("index " + index.indexName() + " " + index.indexStatusAsString()
                        + (Boolean.TRUE.equals(index.backfilling()) ? " (backfilling)" : ""))));
        return parts;
    }

    /** The table and all its indexes are ACTIVE. */
    public boolean settled() {
        return existing.map(table -> TableWaiter.settled(table.table())).orElse(false);
    }

    /** DELETING, or another status a table never leaves for ACTIVE. */
    public boolean neverActive() {
        return existing.map(table -> TableWaiter.neverActive(table.table().tableStatusAsString())).orElse(false);
    }

    static Sync sync(TablePlan.Action action) {
        return switch (action) {
            case CREATE -> Sync.MISSING;
            case CHANGE, BLOCKED -> Sync.DIFFERS;
            case WAIT, IN_SYNC -> Sync.IN_SYNC;
        };
    }
}
