package dev.dynoctl.cli;

import dev.dynoctl.table.Billing;
import dev.dynoctl.table.DynamoDbTables;
import dev.dynoctl.table.KeyAttribute;
import dev.dynoctl.table.ProvisionResult;
import dev.dynoctl.table.TableProvisioner;
import dev.dynoctl.table.TableSpec;
import dev.dynoctl.table.TableWaiter;
import dev.dynoctl.table.WaitPolicy;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "create-table", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Create a table if it does not exist and wait until it is ACTIVE.",
            "If it exists as declared, say so and exit 0; if it exists with other keys or billing, exit 3 and change nothing."},
        footer = {"%nExamples:",
            "  dynoctl create-table --name Users --pk user_id:S",
            "  dynoctl create-table --name Events --pk device:S --sk ts:N \\",
            "      --billing-mode provisioned --read-capacity 5 --write-capacity 5",
            "  dynoctl create-table --name Users --pk user_id:S -o json --wait-timeout 2m"})
final class CreateTableCommand extends AwsCommand {
    @Mixin
    TableNameOption table;

    @Option(names = "--pk", required = true, paramLabel = "NAME:TYPE", converter = Converters.Key.class,
            description = "Partition key: attribute name and type S (string), N (number) or B (binary).")
    KeyAttribute partitionKey;

    @Option(names = "--sk", paramLabel = "NAME:TYPE", converter = Converters.Key.class,
            description = "Sort key, same form as --pk (default: none).")
    KeyAttribute sortKey;

    @Option(names = "--billing-mode", paramLabel = "MODE", defaultValue = "on-demand", converter = Converters.BillingMode.class,
            description = "on-demand or provisioned (also PAY_PER_REQUEST, PROVISIONED; default: on-demand).")
    Billing.Mode billingMode;

    @Option(names = "--read-capacity", paramLabel = "RCU",
            description = "Read capacity units, at least 1; required with provisioned, refused with on-demand.")
    Long readCapacity;

    @Option(names = "--write-capacity", paramLabel = "WCU",
            description = "Write capacity units, at least 1; required with provisioned, refused with on-demand.")
    Long writeCapacity;

    @Option(names = "--no-wait", description = "Return once CreateTable is accepted, without waiting for ACTIVE.")
    boolean noWait;

    @Option(names = "--wait-timeout", paramLabel = "DURATION", defaultValue = "10m", converter = Converters.Timeout.class,
            description = "How long to wait for ACTIVE, e.g. 90s, 10m, 1h (default: ${DEFAULT-VALUE}).")
    Duration waitTimeout;

    private TableSpec tableSpec;
    private WaitPolicy waitPolicy;

    CreateTableCommand(CliContext context) {
        super(context);
    }

    @Override
    void validate() {
        tableSpec = TableSpec.of(table.name(), partitionKey, sortKey, billingMode, readCapacity, writeCapacity);
        waitPolicy = WaitPolicy.withTimeout(waitTimeout);
    }

    @Override
    ExitCode execute(DynamoDbTables tables, TableWaiter waiter) {
        ProvisionResult result;
        try (Progress progress = progress()) {
            result = new TableProvisioner(tables, waiter, context.sleeper()).provision(tableSpec, waitPolicy, !noWait, progress);
        }
        String status = result.table().tableStatusAsString();
        String headline = result.outcome() == ProvisionResult.Outcome.CREATED
                ? String.format("Created table %s: %s after %.1f s.", tableSpec.name(), status, seconds(result.waited()))
                : String.format("Table %s already exists as declared: %s.", tableSpec.name(), status);
        new TablePrinter(out(), output).table(headline, true, "Table", result.table(), Map.of("Outcome", result.outcome().name()));
        return ExitCode.OK;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
