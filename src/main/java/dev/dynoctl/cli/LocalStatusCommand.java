package dev.dynoctl.cli;

import dev.dynoctl.local.LocalDataDir;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Say whether 'dynoctl local serve' runs for the data directory, and where that directory is. Exit 0 running, 4 not.")
final class LocalStatusCommand extends LocalDataCommand {
    LocalStatusCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        Path dir = dataDir();
        Optional<LocalDataDir.Running> running = LocalDataDir.running(dir);
        var out = spec.commandLine().getOut();
        out.println(running.map(r -> "running (pid " + r.pid() + ") on http://127.0.0.1:" + r.port()).orElse("not running"));
        out.println("data directory: " + dir);
        out.flush();
        return (running.isPresent() ? ExitCode.OK : ExitCode.NOT_FOUND).code();
    }
}
