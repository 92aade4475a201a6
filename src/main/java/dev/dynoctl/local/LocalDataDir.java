package dev.dynoctl.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
            return Path.of(configured).toAbsolutePath();
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

    /** The server recorded in this data directory, if its process is alive and its port answers. */
    public static Optional<Running> running(Path dataDir) {
        Path file = dataDir.resolve(PID_FILE);
        try {
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split("\\s+");
            Running recorded = new Running(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
            boolean alive = ProcessHandle.of(recorded.pid()).map(ProcessHandle::isAlive).orElse(false);
            return alive && answers(recorded.port()) ? Optional.of(recorded) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static void record(Path dataDir, long pid, int port) {
        try {
            Files.createDirectories(dataDir);
            Files.writeString(dataDir.resolve(PID_FILE), pid + " " + port + "\n", StandardCharsets.UTF_8);
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

    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
