package dev.dynoctl.local;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where `dynoctl local` keeps its engine's log, dynalite's tables, and the record of a running engine
 * ({@code dynoctl-local.pid}: pid, port, start time, engine).
 * Default: $DYNOCTL_LOCAL_DATA, else the platform's data home (XDG_DATA_HOME or ~/.local/share on Linux,
 * ~/Library/Application Support on macOS, %LOCALAPPDATA% on Windows) + /dynoctl/local.
 */
public final class LocalDataDir {
    static final String PID_FILE = "dynoctl-local.pid";
    static final String LOCK_FILE = ".lock";
    static final Duration LOCK_WAIT = Duration.ofSeconds(60);

    /** The data directory held by this process. */
    public interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    /** A local engine process that answers on its port. */
    public record Running(long pid, int port, Engine engine) {
        public URI endpoint() {
            return EmulatorServer.endpoint(port);
        }
    }

    private LocalDataDir() {
    }

    public static Path resolve(Map<String, String> environment, Optional<Path> override) {
        if (override.isPresent()) {
            return override.get().toAbsolutePath();
        }
        String configured = environment.get("DYNOCTL_LOCAL_DATA");
        if (configured != null && !configured.isBlank()) {
            return checked("DYNOCTL_LOCAL_DATA", configured);
        }
        String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path base;
        if (os.contains("mac")) {
            base = Path.of(home, "Library", "Application Support");
        } else if (os.contains("win") && environment.get("LOCALAPPDATA") != null) {
            base = Path.of(environment.get("LOCALAPPDATA"));
        } else {
            String xdg = environment.get("XDG_DATA_HOME");
            base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share");
        }
        return base.resolve("dynoctl").resolve("local");
    }

    private static Path checked(String source, String text) {
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw new LocalException(source + " must be a directory path without control characters");
        }
        return Path.of(text).toAbsolutePath();
    }

    /** The engine recorded in this data directory, if it answers on its port (see {@link #alive}). */
    public static Optional<Running> running(Path dataDir) {
        return alive(dataDir).filter(recorded -> EmulatorServer.answers(recorded.port()));
    }

    /**
     * The engine recorded in this data directory, if its process is alive and is the one recorded (same start time:
     * pids are reused); it may still be starting.
     */
    public static Optional<Running> alive(Path dataDir) {
        Path file = dataDir.resolve(PID_FILE);
        try {
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split("\\s+");
            Running recorded = new Running(Long.parseLong(parts[0]), Integer.parseInt(parts[1]),
                    Engine.parse(parts[3]).orElseThrow());
            long started = Long.parseLong(parts[2]);
            boolean same = ProcessHandle.of(recorded.pid()).filter(EmulatorServer::running)
                    .flatMap(process -> process.info().startInstant())
                    .map(instant -> instant.toEpochMilli() == started).orElse(false);
            return same ? Optional.of(recorded) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Records the server as the data directory's. */
    public static void record(Path dataDir, EmulatorServer server) {
        try {
            Files.createDirectories(dataDir);
            Files.writeString(dataDir.resolve(PID_FILE), server.pid() + " " + server.port() + " " + server.startedMillis()
                    + " " + server.engine().id() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocalException("cannot write " + dataDir.resolve(PID_FILE) + ": " + e.getMessage(), e);
        }
    }

    /** Whether the directory's record names this pid. */
    public static boolean recorded(Path dataDir, long pid) {
        try {
            return Files.readString(dataDir.resolve(PID_FILE), StandardCharsets.UTF_8).startsWith(pid + " ");
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes the record if it is this process's (another server may have taken over the directory). */
    public static void forget(Path dataDir, long pid) {
        if (recorded(dataDir, pid)) {
            try {
                Files.deleteIfExists(dataDir.resolve(PID_FILE));
            } catch (IOException e) {
                // It went away already.
            }
        }
    }

    /**
     * Takes the data directory for this process while it starts an engine, so that concurrent commands never start two.
     * Waits up to a minute for another dynoctl to finish starting.
     */
    public static Lock lock(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return () -> {
                        try {
                            lock.release();
                            channel.close();
                        } catch (IOException e) {
                            // Closing the channel releases the lock; the process's end would too.
                        }
                    };
                }
                if (System.nanoTime() > deadline) {
                    channel.close();
                    throw new LocalException("the data directory " + dataDir + " is held by another dynoctl for over "
                            + LOCK_WAIT.toSeconds() + " s (" + dataDir.resolve(LOCK_FILE) + ")");
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new LocalException("cannot lock " + dataDir.resolve(LOCK_FILE) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalException("interrupted while waiting for the data directory " + dataDir);
        }
    }
}
