package dev.dynoctl.cli;

import dev.dynoctl.table.DeletionRefusedException;
import dev.dynoctl.table.DynamoDbTables;
import dev.dynoctl.table.TableDeleter;
import dev.dynoctl.table.TableWaiter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

@Command(name = "delete-table", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Delete a table and wait until it is gone.",
            "Asks you to type the table name, unless --yes is given; without a terminal, --yes is required."},
        footer = {"%nExamples:", "  dynoctl delete-table --name Users", "  dynoctl delete-table --name Users --yes"})
final class DeleteTableCommand extends AwsCommand {
    @Mixin
    TableNameOption table;

    @Option(names = "--yes", description = "Delete without asking for confirmation.")
    boolean yes;

    @Mixin
    WaitOptions wait;

    DeleteTableCommand(CliContext context) {
        super(context);
    }

    @Override
    void validate() {
        if (!yes && !context.terminal().interactive()) {
            throw new DeletionRefusedException("refusing to delete table " + table.name()
                    + " without --yes: there is no terminal to confirm at");
        }
    }

    @Override
    ExitCode execute(DynamoDbTables tables, TableWaiter waiter) {
        TableDescription deleted;
        try (Progress progress = progress()) {
            deleted = new TableDeleter(tables, waiter).delete(table.name(), this::confirm, wait.policy(), wait.waiting(), progress);
        }
        String headline = !wait.waiting() ? "Deleting table " + table.name() + " (not waiting)." : "Deleted table " + table.name() + ".";
        renderer().table(headline, false, "TableDescription", deleted,
                Map.of("Outcome", wait.waiting() ? "DELETED" : "DELETING"));
        return ExitCode.OK;
    }

    private boolean confirm(TableDescription found) {
        if (yes) {
            return true;
        }
        String items = found.itemCount() == null ? "" : String.format(" (about %,d items)", found.itemCount());
        String typed = context.terminal().readLine(String.format(
                "Delete table %s%s? This cannot be undone. Type the table name to confirm: ", found.tableName(), items));
        return found.tableName().equals(typed == null ? null : typed.trim());
    }
}
