package dev.dynoctl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "local", mixinStandardHelpOptions = true,
        description = {"Run a local DynamoDB emulator on 127.0.0.1 (no Docker, no AWS account): serve, status, stop.",
            "Engines: moto's server (pip install 'moto[server]') or dynalite (npm, Node.js)."},
        subcommands = {LocalServeCommand.class, LocalStatusCommand.class, LocalStopCommand.class},
        footer = {"%nExamples:", "  dynoctl local serve --background", "  dynoctl create-table --name Users --pk user_id:S --local",
            "  dynoctl local status", "  dynoctl local stop"})
final class LocalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: one of serve, status, stop");
    }
}
