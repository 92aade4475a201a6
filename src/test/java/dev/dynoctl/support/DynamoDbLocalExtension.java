package dev.dynoctl.support;

import dev.dynoctl.local.EmbeddedDynamoDb;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Gives tests a {@link LocalDynamoDb}: one DynamoDB Local for the whole test run, stopped when the run ends.
 * Backend chosen by the system property {@code dynoctl.ddb}:
 * {@code inprocess} (default) runs Amazon's DynamoDB Local jar inside the test JVM on a free 127.0.0.1 port, no Docker;
 * {@code container} runs the {@code amazon/dynamodb-local} image with Testcontainers;
 * {@code auto} uses the container when a Docker engine answers, else in-process.
 */
public final class DynamoDbLocalExtension implements ParameterResolver {
    static final String IMAGE = "amazon/dynamodb-local:3.1.0";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DynamoDbLocalExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalDynamoDb.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> start(), Running.class).local;
    }

    private static Running start() {
        String backend = System.getProperty("dynoctl.ddb", "inprocess");
        boolean container = switch (backend) {
            case "container" -> true;
            case "inprocess", "" -> false;
            case "auto" -> DockerClientFactory.instance().isDockerAvailable();
            default -> throw new IllegalArgumentException("-Ddynoctl.ddb must be inprocess, container or auto, not " + backend);
        };
        try {
            return container ? startContainer() : startInProcess();
        } catch (Exception e) {
            throw new IllegalStateException("could not start DynamoDB Local (" + backend + ")", e);
        }
    }

    /** The same embedded DynamoDB Local as `dynoctl local serve --in-memory`, on a free loopback port. */
    private static Running startInProcess() {
        EmbeddedDynamoDb server = EmbeddedDynamoDb.start(null, 0, java.util.Map.of());
        LocalDynamoDb local = new LocalDynamoDb(server.endpoint());
        return new Running(local, () -> {
            local.close();
            server.close();
        });
    }

    @SuppressWarnings("resource") // closed by Running when the test run ends
    private static Running startContainer() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withExposedPorts(8000)
                .withCommand("-jar", "DynamoDBLocal.jar", "-inMemory", "-sharedDb", "-disableTelemetry")
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(
                        new com.github.dockerjava.api.model.PortBinding(
                                com.github.dockerjava.api.model.Ports.Binding.bindIp("127.0.0.1"),
                                new com.github.dockerjava.api.model.ExposedPort(8000))));
        container.start();
        LocalDynamoDb local = new LocalDynamoDb(URI.create("http://127.0.0.1:" + container.getMappedPort(8000)));
        return new Running(local, () -> {
            local.close();
            container.stop();
        });
    }

    /** Stopped by JUnit when the root context closes, i.e. after the last test. */
    private record Running(LocalDynamoDb local, Stopper stopper) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Throwable {
            stopper.stop();
        }
    }

    private interface Stopper {
        void stop() throws Exception;
    }
}
