package dev.dynoctl.cli;

import dev.dynoctl.table.DynamoDbTables;
import dev.dynoctl.table.TableWaiter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Base of the commands that talk to DynamoDB: the shared options, and the client built only after the
 * subclass has validated its input ({@link #execute}).
 */
abstract class AwsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws;

    @Mixin
    OutputOptions output;

    final CliContext context;

    AwsCommand(CliContext context) {
        this.context = context;
    }

    /** Validate everything the user typed (throwing ParameterException or InvalidSpecException) before any AWS call. */
    abstract void validate();

    /** The work, with a client built once for this run; returns the exit code. */
    abstract ExitCode execute(DynamoDbTables tables, TableWaiter waiter);

    @Override
    public final Integer call() {
        Logging.configure(output.verbosity());
        validate();
        try (DynamoDbClient client = context.clients().open(aws.settings())) {
            DynamoDbTables tables = new DynamoDbTables(client);
            return execute(tables, new TableWaiter(tables, context.sleeper())).code();
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Progress progress() {
        return new Progress(err(), context.terminal().interactive() && !output.quiet);
    }

    /** A note for a person (stderr), unless -q. */
    void note(String message) {
        if (!output.quiet) {
            err().println(message);
        }
    }
}
