package dev.dynoctl.table;

/**
 * What the user allows apply to delete on an existing table; without them such a difference blocks the table.
 *
 * @param pruneTags         remove tags the table has and the declaration does not
 * @param pruneIndexes      delete global secondary indexes the table has and the declaration does not
 * @param allowIndexRebuild delete and re-create an index whose keys or projection differ (it is backfilled again)
 */
public record PlanOptions(boolean pruneTags, boolean pruneIndexes, boolean allowIndexRebuild) {
    public static final PlanOptions NONE = new PlanOptions(false, false, false);
}
