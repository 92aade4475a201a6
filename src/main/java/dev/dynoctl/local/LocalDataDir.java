package dev.dynoctl.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
 * Where `dynoctl local` keeps its database and the record of a running server ({@code dynoctl-local.pid}: pid and port).
 * Default: $DYNOCTL_LOCAL_DATA, else the platform's data home (XDG_DATA_HOME or ~/.local/share on Linux,
 * ~/Library/Application Support on macOS, %LOCALAPPDATA% on Windows) + /dynoctl/local.
 */
public final class LocalDataDir {
    static final String PID_FILE = "dynoctl-local.pid";
    static final String LOCK_FILE = ".lock";
    static final Duration LOCK_WAIT = Duration.ofSeconds(60);

    /** A `dynoctl local serve` process that answers on its port. */
    public record Running(long pid, int port) {
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

    /**
     * The server recorded in this data directory, if its process is alive, is the one recorded (same start time: pids
     * are reused) and its port answers.
     */
    public static Optional<Running> running(Path dataDir) {
        Path file = dataDir.resolve(PID_FILE);
        try {
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split("\\s+");
            Running recorded = new Running(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
            long started = Long.parseLong(parts[2]);
            boolean same = ProcessHandle.of(recorded.pid()).filter(ProcessHandle::isAlive)
                    .flatMap(process -> process.info().startInstant())
                    .map(instant -> instant.toEpochMilli() == started).orElse(false);
            return same && answers(recorded.port()) ? Optional.of(recorded) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Records this process as the data directory's server. */
    public static void record(Path dataDir, int port) {
        ProcessHandle self = ProcessHandle.current();
        long started = self.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        try {
            Files.createDirectories(dataDir);
            Files.writeString(dataDir.resolve(PID_FILE), self.pid() + " " + port + " " + started + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocalException("cannot write " + dataDir.resolve(PID_FILE) + ": " + e.getMessage(), e);
        }
    }

    /** Removes the record if it is this process's (another server may have taken over the directory). */
    public static void forget(Path dataDir, long pid) {
        Path file = dataDir.resolve(PID_FILE);
        try {
            if (Files.readString(file, StandardCharsets.UTF_8).startsWith(pid + " ")) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // Nothing recorded, or it went away already.
        }
    }

    /**
     * Takes the data directory for this process: DynamoDB Local's SQLite database may be opened by one process at a time
     * (two would fail with "database is locked"). Waits up to a minute for another dynoctl to finish with it.
     */
    public static AutoCloseable lock(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return () -> {
                        lock.release();
                        channel.close();
                    };
                }
                if (System.nanoTime() > deadline) {
                    channel.close();
                    throw new LocalException("the data directory " + dataDir + " is in use by another dynoctl for over "
                            + LOCK_WAIT.toSeconds() + " s; run 'dynoctl local serve --background' to share it");
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

    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
