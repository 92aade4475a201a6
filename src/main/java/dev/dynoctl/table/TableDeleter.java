package dev.dynoctl.table;

import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** delete-table's work: refuse protected tables, ask for confirmation, DeleteTable, wait until it is gone. */
public final class TableDeleter {
    /** Asked, after the table was found and before DeleteTable, whether to go on. */
    @FunctionalInterface
    public interface Confirmation {
        boolean confirm(TableDescription table);
    }

    private final DynamoDbTables tables;
    private final TableWaiter waiter;

    public TableDeleter(DynamoDbTables tables, TableWaiter waiter) {
        this.tables = tables;
        this.waiter = waiter;
    }

    /** @return the table as it was before deletion */
    public TableDescription delete(String table, Confirmation confirmation, WaitPolicy policy, boolean wait,
                                   WaitListener listener) {
        TableDescription current = tables.describeExisting(table);
        if (Boolean.TRUE.equals(current.deletionProtectionEnabled())) {
            throw new DeletionRefusedException(DynamoDbTables.protectedMessage(table));
        }
        if (!confirmation.confirm(current)) {
            throw new DeletionRefusedException("aborted: the name typed did not match; table " + table + " was not deleted");
        }
        tables.delete(table);
        if (wait) {
            waiter.untilGone(table, policy, listener);
        }
        return current;
    }
}
