package dev.dynoctl.cli;

import dev.dynoctl.table.WaitPolicy;
import java.time.Duration;
import picocli.CommandLine.Option;

/** --no-wait and --wait-timeout: shared by the commands that start a table operation (create-table, delete-table). */
final class WaitOptions {
    @Option(names = "--no-wait", description = "Return once DynamoDB accepted the request, without waiting for it to finish.")
    boolean noWait;

    @Option(names = "--wait-timeout", paramLabel = "DURATION", defaultValue = "10m", converter = Converters.Timeout.class,
            description = "How long to wait, e.g. 90s, 10m, 1h (default: ${DEFAULT-VALUE}).")
    Duration waitTimeout;

    boolean waiting() {
        return !noWait;
    }

    WaitPolicy policy() {
        return WaitPolicy.withTimeout(waitTimeout);
    }
}
