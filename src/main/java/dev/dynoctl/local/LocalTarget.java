package dev.dynoctl.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where --local sends requests: the running `dynoctl local serve` for the data directory if there is one, else
 * DynamoDB Local embedded in this process on the same data directory for the length of the command.
 */
public final class LocalTarget implements AutoCloseable {
    private final URI endpoint;
    private final EmbeddedDynamoDb embedded;

    private LocalTarget(URI endpoint, EmbeddedDynamoDb embedded) {
        this.endpoint = endpoint;
        this.embedded = embedded;
    }

    public static LocalTarget open(Map<String, String> environment) {
        Path dataDir = LocalDataDir.resolve(environment, Optional.empty());
        Optional<LocalDataDir.Running> running = LocalDataDir.running(dataDir);
        if (running.isPresent()) {
            return new LocalTarget(URI.create("http://127.0.0.1:" + running.get().port()), null);
        }
        EmbeddedDynamoDb embedded = EmbeddedDynamoDb.start(dataDir, 0, environment);
        return new LocalTarget(embedded.endpoint(), embedded);
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
