package dev.dynoctl.cli;

import dev.dynoctl.table.DynamoDbTables;
import dev.dynoctl.table.TableWaiter;
import dev.dynoctl.table.WaitPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

@Command(name = "wait", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Wait until a table is ACTIVE (with all its global secondary indexes) or deleted.",
            "Polls at once, then every 250 ms growing to 5 s; stops at once on statuses that never become ACTIVE."},
        footer = {"%nExamples:", "  dynoctl wait --name Users --until active", "  dynoctl wait --name Users --until deleted --timeout 2m"})
final class WaitCommand extends AwsCommand {
    enum Until { active, deleted }

    @Mixin
    TableNameOption table;

    @Option(names = "--until", required = true, paramLabel = "STATE",
            description = "What to wait for: ${COMPLETION-CANDIDATES}.")
    Until until;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = Converters.Timeout.class,
            description = "How long to wait, e.g. 90s, 10m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    private WaitPolicy waitPolicy;

    WaitCommand(CliContext context) {
        super(context);
    }

    @Override
    void validate() {
        waitPolicy = WaitPolicy.withTimeout(timeout);
    }

    @Override
    ExitCode execute(DynamoDbTables tables, TableWaiter waiter) {
        TableDescription active = null;
        try (Progress progress = progress()) {
            if (until == Until.active) {
                active = waiter.untilActive(table.name(), waitPolicy, false, progress);
            } else {
                waiter.untilGone(table.name(), waitPolicy, progress);
            }
        }
        Renderer printer = renderer();
        if (active != null) {
            printer.table("Table " + table.name() + " is ACTIVE.", false, "Table", active, Map.of("Outcome", "ACTIVE"));
        } else {
            Map<String, String> deleted = new LinkedHashMap<>();
            deleted.put("TableName", table.name());
            deleted.put("Outcome", "DELETED");
            printer.table("Table " + table.name() + " is deleted.", false, "Table", null, deleted);
        }
        return ExitCode.OK;
    }
}
