package dev.dynoctl.cli;

import dev.dynoctl.local.EmulatorServer;
import dev.dynoctl.local.LocalDataDir;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop the local engine of the data directory (SIGTERM, then waits). Exit 4 if none runs.")
final class LocalStopCommand extends LocalDataCommand {
    LocalStopCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        Path dir = dataDir();
        if (!Files.isDirectory(dir)) {
            return notRunning(dir);
        }
        // Under the directory's lock: an engine another command is starting is stopped once it has started.
        try (LocalDataDir.Lock lock = LocalDataDir.lock(dir)) {
            var running = LocalDataDir.alive(dir);
            if (running.isEmpty()) {
                return notRunning(dir);
            }
            // Forgotten first: a foreground 'local serve' then knows the engine was stopped, not that it failed.
            LocalDataDir.forget(dir, running.get().pid());
            ProcessHandle.of(running.get().pid()).ifPresent(EmulatorServer::stop);
            out().println("stopped " + running.get().engine().id() + " (pid " + running.get().pid() + ")");
            return ExitCode.OK.code();
        }
    }

    private int notRunning(Path dir) {
        err().println(spec.qualifiedName() + ": no local engine is running for " + dir);
        err().flush();
        return ExitCode.NOT_FOUND.code();
    }
}
