package dev.dynoctl.cli;

import dev.dynoctl.local.EmbeddedDynamoDb;
import dev.dynoctl.local.LocalDataDir;
import dev.dynoctl.local.LocalException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run DynamoDB Local on 127.0.0.1 until Ctrl-C (or SIGTERM), printing its endpoint.",
            "With --background, start it as a separate process and return once it answers."})
final class LocalServeCommand extends LocalDataCommand {
    static final Duration BACKGROUND_START = Duration.ofSeconds(60);

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8000", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--in-memory", description = "Keep the tables in memory only (lost when the server stops); the data "
            + "directory then holds only the server's pid file and log.")
    boolean inMemory;

    @Option(names = "--background", description = "Run as a background process; stop it with 'dynoctl local stop'.")
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
        Optional<LocalDataDir.Running> running = LocalDataDir.running(dir);
        if (running.isPresent()) {
            throw new LocalException("already running (pid " + running.get().pid() + ") on http://127.0.0.1:" + running.get().port()
                    + " for " + dir + "; stop it with: dynoctl local stop" + data.asOption());
        }
        return background ? startInBackground(dir) : serve(dir);
    }

    private int serve(Path dir) throws Exception {
        AutoCloseable lock = LocalDataDir.lock(dir);
        EmbeddedDynamoDb server;
        try {
            server = EmbeddedDynamoDb.start(inMemory ? null : dir, port, context.clients().environment());
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        long pid = ProcessHandle.current().pid();
        LocalDataDir.record(dir, server.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            LocalDataDir.forget(dir, pid);
            try {
                lock.close();
            } catch (Exception e) {
                // The process ends: the lock goes with it.
            }
        }, "dynoctl-local-stop"));
        spec.commandLine().getOut().println(server.endpoint());
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println("DynamoDB Local listening on " + server.endpoint() + " (data: "
                + (inMemory ? "in memory" : dir.toString()) + "); Ctrl-C stops it");
        spec.commandLine().getErr().flush();
        Thread.currentThread().join();
        return ExitCode.OK.code();
    }

    /** Starts `dynoctl local serve` as its own process (output in DIR/server.log) and waits until it answers. */
    private int startInBackground(Path dir) throws IOException, InterruptedException {
        Path self;
        try {
            self = Path.of(LocalServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new LocalException("--background needs the packaged dynoctl: " + e.getMessage());
        }
        if (!Files.isRegularFile(self)) {
            throw new LocalException("--background needs the packaged dynoctl (run target/dynoctl, not the classes)");
        }
        Files.createDirectories(dir);
        Path log = dir.resolve("server.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", self.toString(), "local", "serve",
                "--port", Integer.toString(port), "--data-dir", dir.toString()));
        if (inMemory) {
            command.add("--in-memory");
        }
        Process server = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '\\' ? "NUL" : "/dev/null")))
                .start();
        long deadline = System.nanoTime() + BACKGROUND_START.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<LocalDataDir.Running> up = LocalDataDir.running(dir);
            if (up.isPresent() && up.get().pid() == server.pid()) {
                spec.commandLine().getOut().println("http://127.0.0.1:" + up.get().port());
                spec.commandLine().getErr().println("DynamoDB Local running in the background (pid " + server.pid()
                        + "); log: " + log + "; stop it with: dynoctl local stop" + data.asOption());
                return ExitCode.OK.code();
            }
            if (!server.isAlive()) {
                throw new LocalException("DynamoDB Local did not start: " + lastLine(log) + " (log: " + log + ")");
            }
            Thread.sleep(100);
        }
        server.destroy();
        throw new LocalException("DynamoDB Local did not answer within " + BACKGROUND_START.toSeconds() + " s (log: " + log + ")");
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.stream().filter(l -> l.startsWith("dynoctl")).reduce((a, b) -> b)
                    .orElse(lines.isEmpty() ? "no output" : lines.get(lines.size() - 1)).replaceFirst("^dynoctl local serve: ", "");
        } catch (IOException e) {
            return "no log";
        }
    }
}
