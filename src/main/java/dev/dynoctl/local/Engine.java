package dev.dynoctl.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The open-source DynamoDB emulators `dynoctl local` runs as a child process, bound to 127.0.0.1:
 * moto's server (Apache-2.0, Python; tables in memory) and dynalite (MIT, Node.js; tables on disk with --path).
 */
public enum Engine {
    MOTO("moto", "pip install 'moto[server]'"),
    DYNALITE("dynalite", "npm install -g dynalite@" + Engine.DYNALITE_VERSION);

    /** The dynalite that npx fetches when none is installed. */
    public static final String DYNALITE_VERSION = "4.0.0";

    private final String id;
    private final String install;

    Engine(String id, String install) {
        this.id = id;
        this.install = install;
    }

    public String id() {
        return id;
    }

    /** Whether the engine keeps its tables across restarts (dynalite in the data directory; moto only in memory). */
    public boolean persists(boolean inMemory) {
        return this == DYNALITE && !inMemory;
    }

    public static Optional<Engine> parse(String text) {
        for (Engine engine : values()) {
            if (engine.id.equals(text.toLowerCase(Locale.ROOT))) {
                return Optional.of(engine);
            }
        }
        return Optional.empty();
    }

    /**
     * The command that runs this engine here, if it is installed: moto where {@code python3 -c 'import moto.server'}
     * works; dynalite where {@code dynalite} is on PATH, else through {@code npx} (which fetches it from npm once).
     */
    public Optional<List<String>> command(Map<String, String> environment) {
        if (this == MOTO) {
            return onPath("python3", environment)
                    .filter(python -> succeeds(List.of(python, "-c", "import moto.server")))
                    .map(python -> List.of(python, "-m", "moto.server"));
        }
        Optional<List<String>> installed = onPath("dynalite", environment).map(List::of);
        return installed.isPresent() ? installed
                : onPath("npx", environment).map(npx -> List.of(npx, "--yes", "dynalite@" + DYNALITE_VERSION));
    }

    /** The arguments that bind it to 127.0.0.1:port, keeping dynalite's tables under {@code data} unless null. */
    List<String> arguments(int port, Path data) {
        List<String> args = new ArrayList<>();
        if (this == MOTO) {
            args.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
        } else {
            args.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(port)));
            if (data != null) {
                args.addAll(List.of("--path", data.toString()));
            }
        }
        return args;
    }

    /** An engine that can run here, and the command that runs it (found once: for moto it takes a python3 run). */
    public record Installed(Engine engine, List<String> command) {
    }

    /** The engine to use when none is named: moto if it can run, else dynalite. */
    public static Installed pick(Map<String, String> environment) {
        for (Engine engine : values()) {
            Optional<List<String>> command = engine.command(environment);
            if (command.isPresent()) {
                return new Installed(engine, command.get());
            }
        }
        throw new LocalException(LocalException.Kind.NOT_INSTALLED, "no local DynamoDB engine is installed: install moto ("
                + MOTO.install + ") or dynalite (" + DYNALITE.install + ", needs Node.js)");
    }

    /** This engine with the command that runs it, or a clear error saying how to install it. */
    public Installed require(Map<String, String> environment) {
        return new Installed(this, command(environment).orElseThrow(() -> new LocalException(LocalException.Kind.NOT_INSTALLED,
                id + " is not installed: " + install + (this == MOTO ? " (needs python3)" : " (needs Node.js)"))));
    }

    private static Optional<String> onPath(String program, Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toString());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
