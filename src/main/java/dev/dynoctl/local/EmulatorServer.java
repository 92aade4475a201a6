package dev.dynoctl.local;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One emulator ({@link Engine}) as a child process on 127.0.0.1, its output in a log file; returned once it answers
 * a DynamoDB call. The product's `local` commands, --local, the test suite and the benchmark all start engines here.
 */
public final class EmulatorServer {
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    /**
     * What to start.
     *
     * @param command   the engine's program ({@link Engine#command})
     * @param port      0 for a free port
     * @param data      where dynalite keeps its tables; null for in memory (moto always is)
     * @param extra     more engine options, e.g. dynalite's --createTableMs
     * @param detached  in a session of its own, to outlive this process and its terminal (where setsid exists)
     */
    public record Launch(Engine engine, List<String> command, int port, Path data, List<String> extra, Path log,
                         boolean detached) {
        public Launch {
            command = List.copyOf(command);
            extra = List.copyOf(extra);
        }
    }

    private final Engine engine;
    private final Process process;
    private final int port;
    private final Path log;

    private EmulatorServer(Engine engine, Process process, int port, Path log) {
        this.engine = engine;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the engine and returns once it answers. */
    public static EmulatorServer start(Launch launch) {
        EmulatorServer server = launch(launch);
        server.awaitAnswer();
        return server;
    }

    /** Starts the engine's process without waiting for it to answer ({@link #awaitAnswer}). */
    public static EmulatorServer launch(Launch launch) {
        int port = launch.port() == 0 ? freePort() : requireFree(launch.port());
        try {
            Files.createDirectories(launch.log().toAbsolutePath().getParent());
            if (launch.data() != null) {
                Files.createDirectories(launch.data());
            }
        } catch (IOException e) {
            throw new LocalException("cannot create " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>();
        if (launch.detached() && Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.addAll(launch.command());
        command.addAll(launch.engine().arguments(port, launch.data()));
        command.addAll(launch.extra());
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(launch.log().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '\\' ? "NUL" : "/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new LocalException(launch.engine().id() + " could not be started: " + e.getMessage(), e);
        }
        return new EmulatorServer(launch.engine(), process, port, launch.log());
    }

    /** Waits until the engine answers a DynamoDB call; stops it if it does not within a minute. */
    public void awaitAnswer() {
        awaitAnswer(engine, process.toHandle(), port, log);
    }

    /** The same for an engine process started by this one or by another dynoctl (still starting). */
    static void awaitAnswer(Engine engine, ProcessHandle process, int port, Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!answers(port)) {
            if (!running(process)) {
                String last = lastLine(log);
                if (last.contains("in use")) {
                    throw new LocalException("port " + port + " on 127.0.0.1 is already in use; choose another with --port");
                }
                throw new LocalException(engine.id() + " exited while starting: " + last + " (log: " + log + ")");
            }
            if (System.nanoTime() > deadline) {
                stop(process);
                throw new LocalException(engine.id() + " did not answer within " + START_TIMEOUT.toSeconds() + " s (log: " + log + ")");
            }
            pause(Duration.ofMillis(50));
        }
    }

    public Engine engine() {
        return engine;
    }

    public long pid() {
        return process.pid();
    }

    /** When the process started, to tell it from a later process with the same pid. */
    public long startedMillis() {
        return process.toHandle().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return endpoint(port);
    }

    public static URI endpoint(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path log() {
        return log;
    }

    /** Waits for the process to end by itself (or by {@link #stop}); returns its exit code. */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    public void stop() {
        stop(process.toHandle());
    }

    /**
     * Stops a process and its children (npx runs dynalite as one): SIGTERM, then SIGKILL after ten seconds.
     * A process that has exited but not yet been reaped (a zombie) counts as stopped.
     */
    public static void stop(ProcessHandle process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (all.stream().anyMatch(EmulatorServer::running) && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(50));
        }
        all.stream().filter(EmulatorServer::running).forEach(ProcessHandle::destroyForcibly);
    }

    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"), StandardCharsets.UTF_8);
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return true; // no /proc (macOS): isAlive is all there is
        }
    }

    /** Whether an HTTP server on 127.0.0.1:port answers a DynamoDB ListTables call (any status). */
    static boolean answers(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint(port).toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(5_000);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
            connection.setRequestProperty("X-Amz-Target", "DynamoDB_20120810.ListTables");
            connection.setRequestProperty("X-Amz-Date", "20200101T000000Z");
            connection.setRequestProperty("Authorization", "AWS4-HMAC-SHA256 Credential=local/20200101/us-east-1/dynamodb/"
                    + "aws4_request, SignedHeaders=host, Signature=0");
            try (OutputStream body = connection.getOutputStream()) {
                body.write("{\"Limit\":1}".getBytes(StandardCharsets.UTF_8));
            }
            int status = connection.getResponseCode();
            connection.disconnect();
            return status > 0;
        } catch (IOException e) {
            return false;
        }
    }

    public static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            Optional<String> last = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b);
            return last.orElse("no output");
        } catch (IOException e) {
            return "no log";
        }
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new LocalException("no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private static int requireFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return port;
        } catch (IOException e) {
            throw new LocalException("port " + port + " on 127.0.0.1 is already in use; choose another with --port");
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalException("interrupted while waiting for the local engine");
        }
    }
}
