package dev.dynoctl.support;

import dev.dynoctl.local.EmulatorServer;
import dev.dynoctl.local.Engine;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Gives tests an {@link Emulator}, each started once per test JVM when first needed and stopped when the run ends (and
 * by a shutdown hook): moto's server, or dynalite for a parameter marked {@link Dynalite}.
 * moto runs as a child process ({@code python3 -m moto.server}) on a free 127.0.0.1 port, or, with the system property
 * {@code dynoctl.emulator=container}, as the {@code motoserver/moto} image through Testcontainers ({@code auto}: the
 * container when a Docker engine answers). dynalite is installed from npm into target/dynalite on first use.
 * Logs: target/emulators/.
 */
public final class EmulatorExtension implements ParameterResolver {
    static final String MOTO_IMAGE = "motoserver/moto:5.1.0";
    /** How long dynalite keeps a table CREATING, UPDATING or DELETING. */
    public static final Duration DYNALITE_DELAY = Duration.ofMillis(1500);
    private static final Path LOGS = Path.of("target", "emulators");
    private static final Path DYNALITE_HOME = Path.of("target", "dynalite");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmulatorExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Emulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        if (parameter.isAnnotated(Dynalite.class)) {
            Path cli = installDynalite();
            return store.getOrComputeIfAbsent("dynalite", key -> startDynalite(cli), Running.class).emulator;
        }
        return store.getOrComputeIfAbsent("moto", key -> startMoto(), Running.class).emulator;
    }

    private static Running startMoto() {
        String choice = System.getProperty("dynoctl.emulator", "process");
        boolean container = switch (choice) {
            case "container" -> true;
            case "process", "" -> false;
            case "auto" -> DockerClientFactory.instance().isDockerAvailable();
            default -> throw new MissingEmulator("-Ddynoctl.emulator must be process, container or auto, not " + choice);
        };
        if (container) {
            return startContainer();
        }
        List<String> command = Engine.MOTO.command(System.getenv()).orElseThrow(() -> new MissingEmulator(
                "the integration tests run on moto's server, which is not installed: pip install 'moto[server]' (needs python3)"));
        return process(Engine.MOTO, command, List.of());
    }

    /**
     * dynalite's cli.js, installed from npm into target/dynalite if it is not there yet (its bin directory is
     * target/dynalite/node_modules/.bin); without node and npm the calling test is skipped, saying why.
     */
    public static synchronized Path installDynalite() {
        Optional<String> missing = dynaliteMissing();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "skipped: dynalite needs " + missing.get());
        Path cli = DYNALITE_HOME.resolve("node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", DYNALITE_HOME.toString(),
                    "dynalite@" + Engine.DYNALITE_VERSION));
        }
        return cli.toAbsolutePath();
    }

    private static Running startDynalite(Path cli) {
        String ms = Long.toString(DYNALITE_DELAY.toMillis());
        return process(Engine.DYNALITE, List.of("node", cli.toString()),
                List.of("--createTableMs", ms, "--updateTableMs", ms, "--deleteTableMs", ms));
    }

    private static Running process(Engine engine, List<String> command, List<String> extra) {
        EmulatorServer server = EmulatorServer.start(new EmulatorServer.Launch(engine, command, 0, null, extra,
                LOGS.resolve(engine.id() + ".log"), false));
        Thread hook = new Thread(server::stop, "stop-" + engine.id());
        Runtime.getRuntime().addShutdownHook(hook);
        Emulator emulator = new Emulator(server.endpoint());
        return new Running(emulator, () -> {
            emulator.close();
            server.stop();
            Runtime.getRuntime().removeShutdownHook(hook);
        });
    }

    @SuppressWarnings("resource") // closed by Running when the test run ends
    private static Running startContainer() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(MOTO_IMAGE))
                .withExposedPorts(5000)
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(
                        new com.github.dockerjava.api.model.PortBinding(
                                com.github.dockerjava.api.model.Ports.Binding.bindIp("127.0.0.1"),
                                new com.github.dockerjava.api.model.ExposedPort(5000))));
        container.start();
        Emulator emulator = new Emulator(URI.create("http://127.0.0.1:" + container.getMappedPort(5000)));
        return new Running(emulator, () -> {
            emulator.close();
            container.stop();
        });
    }

    /** Why dynalite cannot run here (no node or npm on PATH), if it cannot. */
    private static Optional<String> dynaliteMissing() {
        for (String tool : List.of("node", "npm")) {
            if (!onPath(tool)) {
                return Optional.of(tool + " on PATH (Node.js); install Node.js to run the tests of real waiting");
            }
        }
        return Optional.empty();
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void run(List<String> command) {
        try {
            Files.createDirectories(LOGS);
            Path log = LOGS.resolve("npm-install.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new MissingEmulator(String.join(" ", command) + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new MissingEmulator(String.join(" ", command) + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MissingEmulator("interrupted: " + String.join(" ", command));
        }
    }

    /** One clear line per test, without a stack trace: the emulator is missing, not the test wrong. */
    static final class MissingEmulator extends RuntimeException {
        MissingEmulator(String message) {
            super(message, null, false, false);
        }
    }

    /** Stopped by JUnit when the root context closes, i.e. after the last test. */
    private record Running(Emulator emulator, Stopper stopper) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Throwable {
            stopper.stop();
        }
    }

    private interface Stopper {
        void stop() throws Exception;
    }
}
