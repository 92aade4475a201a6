package dev.dynoctl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of the `local` subcommands: each works on a local data directory. */
abstract class LocalDataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LocalDataOption data;

    final CliContext context;

    LocalDataCommand(CliContext context) {
        this.context = context;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Path dataDir() {
        return data.resolve(context.clients().environment());
    }
}
