package dev.dynoctl.cli;

import dev.dynoctl.local.LocalDataDir;
import dev.dynoctl.local.LocalException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop the 'dynoctl local serve' of the data directory (SIGTERM, then waits). Exit 4 if none runs.")
final class LocalStopCommand extends LocalDataCommand {
    LocalStopCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws InterruptedException {
        Path dir = dataDir();
        var running = LocalDataDir.running(dir);
        if (running.isEmpty()) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": no dynoctl local server is running for " + dir);
            spec.commandLine().getErr().flush();
            return ExitCode.NOT_FOUND.code();
        }
        ProcessHandle process = ProcessHandle.of(running.get().pid())
                .orElseThrow(() -> new LocalException("process " + running.get().pid() + " went away"));
        process.destroy();
        try {
            process.onExit().get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            process.destroyForcibly();
        }
        LocalDataDir.forget(dir, running.get().pid());
        spec.commandLine().getOut().println("stopped DynamoDB Local (pid " + running.get().pid() + ")");
        return ExitCode.OK.code();
    }
}
