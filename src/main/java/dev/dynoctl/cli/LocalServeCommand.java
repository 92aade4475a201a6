package dev.dynoctl.cli;

import dev.dynoctl.local.EmulatorServer;
import dev.dynoctl.local.Engine;
import dev.dynoctl.local.LocalDataDir;
import dev.dynoctl.local.LocalException;
import dev.dynoctl.local.LocalServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a local DynamoDB engine on 127.0.0.1 until Ctrl-C (or SIGTERM), printing its endpoint.",
            "With --background, leave it running and return once it answers; 'dynoctl local stop' stops it."})
final class LocalServeCommand extends LocalDataCommand {
    @Option(names = "--engine", paramLabel = "ENGINE", converter = Converters.LocalEngine.class,
            description = "moto or dynalite (default: moto if 'python3 -m moto.server' can run, else dynalite).")
    Engine engine;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8000", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--in-memory", description = "dynalite: keep the tables in memory only (moto always does).")
    boolean inMemory;

    @Option(names = "--background", description = "Run in the background; stop it with 'dynoctl local stop'.")
    boolean background;

    LocalServeCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws Exception {
        if (port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 1 and 65535 (got " + port + ")");
        }
        Path dir = dataDir();
        Map<String, String> environment = context.clients().environment();
        EmulatorServer server;
        try (LocalDataDir.Lock lock = LocalDataDir.lock(dir)) {
            Optional<LocalDataDir.Running> running = LocalDataDir.alive(dir);
            if (running.isPresent()) {
                throw new LocalException(running.get().engine().id() + " is already running (pid " + running.get().pid()
                        + ") on " + running.get().endpoint() + " for " + dir + "; stop it with: dynoctl local stop" + data.asOption());
            }
            Engine.Installed chosen = engine != null ? engine.require(environment) : Engine.pick(environment);
            server = LocalServer.start(dir, chosen, port, inMemory, background);
        }
        out().println(server.endpoint());
        out().flush();
        String what = server.engine().id() + " (pid " + server.pid() + ", " + LocalServer.whereTablesAre(server.engine(), dir, inMemory)
                + "; log: " + server.log() + ")";
        if (background) {
            err().println(what + " runs in the background; stop it with: dynoctl local stop" + data.asOption());
            return ExitCode.OK.code();
        }
        err().println(what + " listening on " + server.endpoint() + "; Ctrl-C stops it");
        err().flush();
        // Forgotten first: the engine's end is then taken for a stop, not a failure.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LocalDataDir.forget(dir, server.pid());
            server.stop();
        }, "dynoctl-local-stop"));
        server.waitFor();
        if (LocalDataDir.recorded(dir, server.pid())) {
            LocalDataDir.forget(dir, server.pid());
            throw new LocalException(server.engine().id() + " exited: " + EmulatorServer.lastLine(server.log()) + " (log: " + server.log() + ")");
        }
        return ExitCode.OK.code(); // stopped by 'dynoctl local stop'
    }
}
