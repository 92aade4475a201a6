package dev.dynoctl.cli;

import dev.dynoctl.table.DynamoDbTables;
import dev.dynoctl.table.TableWaiter;
import picocli.CommandLine.Command;

@Command(name = "list-tables", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List every table in the region, one name per line (all pages of ListTables).",
        footer = {"%nExamples:", "  dynoctl list-tables", "  dynoctl list-tables -o json"})
final class ListTablesCommand extends AwsCommand {
    ListTablesCommand(CliContext context) {
        super(context);
    }

    @Override
    void validate() {
        // No options of its own.
    }

    @Override
    ExitCode execute(DynamoDbTables tables, TableWaiter waiter) {
        renderer().tableNames(tables.listNames());
        return ExitCode.OK;
    }
}
