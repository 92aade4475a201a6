package dev.dynoctl.support;

import java.lang.reflect.Field;
import java.net.ServerSocket;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Amazon DynamoDB Local (the Maven Central jar) in this JVM, listening on 127.0.0.1 only, in memory, telemetry off.
 * Used by the test extension and, through {@link #main}, by the benchmark script.
 */
public final class InProcessDynamoDbLocal implements AutoCloseable {
    private final DynamoDBProxyServer server;
    private final int port;

    private InProcessDynamoDbLocal(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** @param port 0 for a free one */
    public static InProcessDynamoDbLocal start(int port) throws Exception {
        int chosen = port;
        if (chosen == 0) {
            try (ServerSocket probe = new ServerSocket(0)) {
                chosen = probe.getLocalPort();
            }
        }
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {
            "-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(chosen)});
        // The stock server listens on every interface and has no host option: bind its connector to loopback.
        Field jettyField = DynamoDBProxyServer.class.getDeclaredField("server");
        jettyField.setAccessible(true);
        for (Connector connector : ((Server) jettyField.get(server)).getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setHost("127.0.0.1");
            }
        }
        server.start();
        return new InProcessDynamoDbLocal(server, chosen);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** For the benchmark: {@code java -cp ... dev.dynoctl.support.InProcessDynamoDbLocal PORT}; stops on SIGTERM. */
    public static void main(String[] args) throws Exception {
        InProcessDynamoDbLocal local = start(Integer.parseInt(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                local.close();
            } catch (Exception e) {
                // The JVM is going away either way.
            }
        }));
        System.out.println("DynamoDB Local on http://127.0.0.1:" + local.port());
        Thread.currentThread().join();
    }
}
