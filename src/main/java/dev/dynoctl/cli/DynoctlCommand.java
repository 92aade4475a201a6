package dev.dynoctl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "dynoctl", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Provision Amazon DynamoDB tables idempotently: create, change in place, check, list, watch, wait for and "
            + "delete tables; plan, apply and export many.",
        footer = {"%nRun 'dynoctl COMMAND --help' for a command's options.",
            "Every command that reads or changes tables takes --region, --profile, --endpoint-url, --local, -o/--output "
                + "text|json, -v/--verbose, -q/--quiet."})
final class DynoctlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: one of " + String.join(", ",
                spec.subcommands().entrySet().stream()
                        .filter(command -> !command.getValue().getCommandSpec().usageMessage().hidden())
                        .map(java.util.Map.Entry::getKey).toList()));
    }
}
