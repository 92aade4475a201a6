package dev.dynoctl.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where --local sends requests: the running `dynoctl local serve` for the data directory if there is one, else
 * DynamoDB Local embedded in this process on the same data directory for the length of the command, holding the
 * directory's lock meanwhile (concurrent --local runs take turns).
 */
public final class LocalTarget implements AutoCloseable {
    private final URI endpoint;
    private final EmbeddedDynamoDb embedded;
    private final AutoCloseable lock;

    private LocalTarget(URI endpoint, EmbeddedDynamoDb embedded, AutoCloseable lock) {
        this.endpoint = endpoint;
        this.embedded = embedded;
        this.lock = lock;
    }

    public static LocalTarget open(Map<String, String> environment) {
        Path dataDir = LocalDataDir.resolve(environment, Optional.empty());
        Optional<LocalDataDir.Running> running = LocalDataDir.running(dataDir);
        if (running.isPresent()) {
            return new LocalTarget(URI.create("http://127.0.0.1:" + running.get().port()), null, () -> { });
        }
        AutoCloseable lock = LocalDataDir.lock(dataDir);
        try {
            // A server may have started while we waited for the lock.
            running = LocalDataDir.running(dataDir);
            if (running.isPresent()) {
                lock.close();
                return new LocalTarget(URI.create("http://127.0.0.1:" + running.get().port()), null, () -> { });
            }
            EmbeddedDynamoDb embedded = EmbeddedDynamoDb.start(dataDir, 0, environment);
            return new LocalTarget(embedded.endpoint(), embedded, lock);
        } catch (Exception e) {
            closeQuietly(lock);
            throw e instanceof RuntimeException runtime ? runtime : new LocalException(e.getMessage(), e);
        }
    }

    private static void closeQuietly(AutoCloseable lock) {
        try {
            lock.close();
        } catch (Exception ignored) {
            // Releasing a lock of ours: nothing to report.
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            if (embedded != null) {
                embedded.close();
            }
        } finally {
            closeQuietly(lock);
        }
    }
}
