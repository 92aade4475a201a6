package dev.dynoctl.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The local engine of a data directory: started by `dynoctl local serve` or by the first --local command, recorded in
 * the directory, and used by every --local command after it until `dynoctl local stop`.
 */
public final class LocalServer {
    /** Names the engine for --local when it has to start one (moto or dynalite); default: the first installed. */
    public static final String ENGINE_VARIABLE = "DYNOCTL_LOCAL_ENGINE";

    private LocalServer() {
    }

    /**
     * Starts the engine for the data directory and records it there; the caller holds the directory's lock.
     *
     * @param detached to outlive this process (--background, --local)
     */
    public static EmulatorServer start(Path dataDir, Engine.Installed installed, int port, boolean inMemory, boolean detached) {
        Engine engine = installed.engine();
        Path tables = engine.persists(inMemory) ? tables(dataDir) : null;
        EmulatorServer server = EmulatorServer.launch(new EmulatorServer.Launch(engine, installed.command(), port, tables, List.of(),
                log(dataDir, engine), detached));
        // Recorded before it answers: if this command is stopped meanwhile, the engine is still the directory's, and
        // 'dynoctl local stop' (or the next --local) finds it.
        LocalDataDir.record(dataDir, server);
        try {
            server.awaitAnswer();
        } catch (RuntimeException e) {
            LocalDataDir.forget(dataDir, server.pid());
            server.stop();
            throw e;
        }
        return server;
    }

    private static Path log(Path dataDir, Engine engine) {
        return dataDir.resolve(engine.id() + ".log");
    }

    /** Where dynalite keeps the directory's tables. */
    public static Path tables(Path dataDir) {
        return dataDir.resolve("dynalite");
    }

    /** What a user reads about where the tables are. */
    public static String whereTablesAre(Engine engine, Path dataDir, boolean inMemory) {
        return engine.persists(inMemory) ? "tables in " + tables(dataDir)
                : "tables in memory, lost when it stops";
    }

    /**
     * The endpoint for a --local command: the data directory's running engine, else one started now in the background
     * and left running (saying so through {@code notice}). Concurrent commands take turns, so only one starts.
     */
    public static URI forCommand(Map<String, String> environment, Consumer<String> notice) {
        Path dataDir = LocalDataDir.resolve(environment, Optional.empty());
        Optional<LocalDataDir.Running> running = LocalDataDir.running(dataDir);
        if (running.isPresent()) {
            return running.get().endpoint();
        }
        try (LocalDataDir.Lock lock = LocalDataDir.lock(dataDir)) {
            // Started by another command while we waited, or still starting for one that was stopped meanwhile.
            Optional<LocalDataDir.Running> alive = LocalDataDir.alive(dataDir);
            if (alive.isPresent()) {
                LocalDataDir.Running engine = alive.get();
                ProcessHandle.of(engine.pid()).ifPresent(process -> EmulatorServer.awaitAnswer(engine.engine(), process,
                        engine.port(), log(dataDir, engine.engine())));
                return engine.endpoint();
            }
            EmulatorServer server = start(dataDir, engine(environment), 0, false, true);
            notice.accept("started " + server.engine().id() + " on " + server.endpoint() + " for " + dataDir + " ("
                    + whereTablesAre(server.engine(), dataDir, false) + "); it keeps running: stop it with 'dynoctl local stop'");
            return server.endpoint();
        }
    }

    private static Engine.Installed engine(Map<String, String> environment) {
        String named = environment.get(ENGINE_VARIABLE);
        if (named == null || named.isBlank()) {
            return Engine.pick(environment);
        }
        return Engine.parse(named.strip()).orElseThrow(() -> new LocalException(LocalException.Kind.INVALID,
                ENGINE_VARIABLE + " must be moto or dynalite, not '" + named.strip() + "'")).require(environment);
    }
}
