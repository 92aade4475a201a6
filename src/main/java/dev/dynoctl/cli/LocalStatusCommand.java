package dev.dynoctl.cli;

import dev.dynoctl.local.LocalDataDir;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Say whether a local engine runs for the data directory, and where that directory is. Exit 0 running, 4 not.")
final class LocalStatusCommand extends LocalDataCommand {
    LocalStatusCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        Path dir = dataDir();
        Optional<LocalDataDir.Running> running = LocalDataDir.running(dir);
        out().println(running.map(r -> "running " + r.engine().id() + " (pid " + r.pid() + ") on " + r.endpoint()).orElse("not running"));
        out().println("data directory: " + dir);
        out().flush();
        return (running.isPresent() ? ExitCode.OK : ExitCode.NOT_FOUND).code();
    }
}
