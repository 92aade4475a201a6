package dev.dynoctl.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Amazon DynamoDB Local (the Maven Central jar, no Docker) inside this process, listening on 127.0.0.1 only,
 * telemetry off, with one database shared by all credentials and regions (-sharedDb), on disk or in memory.
 * DynamoDB Local is not part of dynoctl's jar (it has its own licence and is about 40 MB): its jars are loaded on
 * demand from {@code dynoctl-local/} next to the dynoctl file, or {@code $DYNOCTL_LOCAL_LIB}; it is driven through
 * reflection so nothing of it is needed to build or start dynoctl.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {
    private static final String RUNNER = "software.amazon.dynamodb.services.local.main.ServerRunner";
    /** sqlite4java logs through java.util.logging, with stack traces on stderr: kept quiet (a strong reference keeps the level). */
    private static final java.util.logging.Logger SQLITE_LOG = java.util.logging.Logger.getLogger("com.almworks.sqlite4java");
    private final Object server;
    private final int port;

    private EmbeddedDynamoDb(Object server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * @param dataDir  where the database lives, created if missing; null for in memory
     * @param port     0 for a free port
     */
    public static EmbeddedDynamoDb start(Path dataDir, int port, Map<String, String> environment) {
        int chosen = port == 0 ? freePort() : requireFree(port);
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(chosen), "-sharedDb", "-disableTelemetry"));
        if (dataDir == null) {
            args.add("-inMemory");
        } else {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new LocalException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
            }
            args.addAll(List.of("-dbPath", dataDir.toString()));
        }
        SQLITE_LOG.setLevel(java.util.logging.Level.OFF);
        ClassLoader loader = classLoader(environment);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // DynamoDB Local (its logging, Jetty's threads) looks classes up through the context class loader.
        thread.setContextClassLoader(loader);
        // It prints its configuration on System.out, which carries dynoctl's result: silence it while it starts.
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            Class<?> runner = Class.forName(RUNNER, true, loader);
            Object server = runner.getMethod("createServerFromCommandLineArgs", String[].class)
                    .invoke(null, (Object) args.toArray(String[]::new));
            bindToLoopback(server);
            server.getClass().getMethod("start").invoke(server);
            return new EmbeddedDynamoDb(server, chosen);
        } catch (LinkageError e) {
            throw new LocalException("DynamoDB Local could not be loaded: " + e, e);
        } catch (InvocationTargetException e) {
            if (causedBy(e, BindException.class)) {
                throw new LocalException("port " + chosen + " on 127.0.0.1 is already in use; choose another with --port");
            }
            throw new LocalException("DynamoDB Local did not start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new LocalException("this DynamoDB Local is not the version dynoctl drives (3.x): " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
            System.setOut(stdout);
        }
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        try {
            server.getClass().getMethod("stop").invoke(server);
        } catch (ReflectiveOperationException e) {
            throw new LocalException("DynamoDB Local did not stop cleanly: " + e.getCause(), e);
        }
    }

    /** The stock server listens on every interface and has no host option: set its Jetty connectors' host. */
    private static void bindToLoopback(Object server) throws ReflectiveOperationException {
        Field jettyField = server.getClass().getDeclaredField("server");
        jettyField.setAccessible(true);
        Object jetty = jettyField.get(server);
        for (Object connector : (Object[]) jetty.getClass().getMethod("getConnectors").invoke(jetty)) {
            connector.getClass().getMethod("setHost", String.class).invoke(connector, "127.0.0.1");
        }
    }

    /** The class loader that sees DynamoDB Local: this one if it has it (tests), else one over dynoctl-local/. */
    private static ClassLoader classLoader(Map<String, String> environment) {
        ClassLoader own = EmbeddedDynamoDb.class.getClassLoader();
        try {
            Class.forName(RUNNER, false, own);
            return own;
        } catch (ClassNotFoundException e) {
            Path lib = libraryDir(environment);
            try (Stream<Path> files = Files.list(lib)) {
                List<URL> jars = new ArrayList<>();
                for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                    jars.add(jar.toUri().toURL());
                }
                return new URLClassLoader(jars.toArray(URL[]::new), own);
            } catch (IOException | RuntimeException notThere) {
                throw new LocalException("DynamoDB Local is not installed: no " + lib + " (install the dynoctl-local/ "
                        + "directory next to dynoctl, or set DYNOCTL_LOCAL_LIB; see README, Local DynamoDB)");
            }
        }
    }

    static Path libraryDir(Map<String, String> environment) {
        String configured = environment.get("DYNOCTL_LOCAL_LIB");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            Path running = Path.of(EmbeddedDynamoDb.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return running.toRealPath().resolveSibling("dynoctl-local");
        } catch (Exception e) {
            return Path.of("dynoctl-local");
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

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause) || cause instanceof IOException && String.valueOf(cause.getMessage()).contains("Failed to bind")) {
                return true;
            }
        }
        return false;
    }
}
