package dev.dynoctl.cli;

import dev.dynoctl.aws.AwsSettings;
import dev.dynoctl.local.LocalServer;
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

    // Mixins, not argument groups: in a group picocli would take a repeated option as the start of a new group and
    // silently drop the others given with it (e.g. --local). As mixins, a repeat is refused (exit 2).
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

    /** Once input is valid, before the DynamoDB client: what else the run needs to know (e.g. an account ID, from STS). */
    void prepare(AwsSettings settings) {
    }

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
        return run(aws.localSettings(LocalServer.forCommand(context.clients().environment(), notice -> {
            if (!output.quiet) {
                err().println(spec.qualifiedName() + ": " + notice);
            }
        })));
    }

    private int run(AwsSettings settings) {
        prepare(settings);
        try (DynamoDbClient client = context.clients().open(settings)) {
            DynamoDbTables tables = new DynamoDbTables(client);
            return execute(tables, new TableWaiter(tables, context.clock())).code();
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Prints results in the format the user chose (-o). */
    Renderer renderer() {
        return Renderer.of(out(), output);
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A warning on stderr, unless -q. */
    void warn(String warning) {
        if (!output.quiet) {
            err().println(spec.qualifiedName() + ": warning: " + warning);
        }
    }

    Progress progress() {
        return new Progress(err(), context.terminal().interactive() && !output.quiet, spec.qualifiedName());
    }
}
