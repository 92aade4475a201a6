package dev.dynoctl.cli;

import dev.dynoctl.table.PlanOptions;
import picocli.CommandLine.Option;

/** What plan, apply and create-table may delete on an existing table; without these such a difference blocks it. */
final class ChangeOptions {
    @Option(names = "--prune-tags", order = 3, description = "Remove tags the table has and the declaration does not.")
    boolean pruneTags;

    @Option(names = "--prune-indexes", order = 3,
            description = "Delete global secondary indexes the table has and the declaration does not.")
    boolean pruneIndexes;

    @Option(names = "--allow-index-rebuild", order = 3, description = "Delete and re-create a global secondary index whose "
            + "keys or projection differ (DynamoDB backfills it again: hours on a big table).")
    boolean allowIndexRebuild;

    /** Declared indexes are always created now; the flag of earlier versions is still accepted. */
    @Option(names = "--add-missing-indexes", hidden = true)
    boolean addMissingIndexes;

    PlanOptions allowed() {
        return new PlanOptions(pruneTags, pruneIndexes, allowIndexRebuild);
    }
}
