package dev.dynoctl.cli;

import dev.dynoctl.aws.AwsSettings;
import dev.dynoctl.local.LocalTarget;
import dev.dynoctl.table.DynamoDbTables;
import dev.dynoctl.table.TableWaiter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
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

    @ArgGroup(validate = false, heading = "%nAWS options:%n", order = 100)
    AwsOptions aws = new AwsOptions();

    @ArgGroup(validate = false, heading = "%nOutput options:%n", order = 101)
    OutputOptions output = new OutputOptions();

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
        aws.validate();
        validate();
        Logging.configure(output.verbosity());
        if (!aws.local) {
            return run(aws.settings());
        }
        try (LocalTarget local = LocalTarget.open(context.clients().environment())) {
            return run(aws.localSettings(local.endpoint()));
        }
    }

    private int run(AwsSettings settings) {
        try (DynamoDbClient client = context.clients().open(settings)) {
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
        return new Progress(err(), context.terminal().interactive() && !output.quiet, spec.qualifiedName());
    }
}
