package dev.dynoctl.cli;

import dev.dynoctl.table.DynamoDbTables;
import dev.dynoctl.table.TableState;
import dev.dynoctl.table.TableWaiter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "describe-table", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show a table's status and every setting.",
            "Status, keys and types, billing and capacity, item count, size, ARN, creation time, stream, TTL, "
                + "point-in-time recovery, contributor insights, encryption, class, tags and indexes."},
        footer = {"%nExamples:",
            "  dynoctl describe-table --name Users",
            "  dynoctl describe-table --name Users -o json | jq -r .Table.TableStatus"})
final class DescribeTableCommand extends AwsCommand {
    @Mixin
    TableNameOption table;

    DescribeTableCommand(CliContext context) {
        super(context);
    }

    @Override
    void validate() {
        // Everything is checked by the option converters.
    }

    @Override
    ExitCode execute(DynamoDbTables tables, TableWaiter waiter) {
        renderer().state(TableState.read(tables, tables.describeExisting(table.name()), TableState.Aspects.DESCRIBE));
        return ExitCode.OK;
    }
}
