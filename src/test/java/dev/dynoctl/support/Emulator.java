package dev.dynoctl.support;

import dev.dynoctl.aws.DynamoDbClients;
import dev.dynoctl.cli.CliContext;
import dev.dynoctl.table.WaitClock;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A running emulator (moto's server, or dynalite for real waits), handed to tests by {@link EmulatorExtension}: its
 * endpoint, an independent client to check what it holds, and a way to run dynoctl's real command line against it.
 */
public final class Emulator {
    public static final String REGION = "us-east-1";
    private final URI endpoint;
    private final DynamoDbClient client;

    Emulator(URI endpoint) {
        this.endpoint = endpoint;
        this.client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("checker", "checker")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client independent of dynoctl's, to assert on what DynamoDB holds. */
    public DynamoDbClient client() {
        return client;
    }

    /** Whether the emulator holds the table (an independent DescribeTable). */
    public boolean tableExists(String table) {
        try {
            client.describeTable(r -> r.tableName(table));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException e) {
            return false;
        }
    }

    /** A table name no other test uses. */
    public static String uniqueTableName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Runs dynoctl against this emulator, with no terminal. */
    public CliRun run(String... args) {
        return run(Terminals.NONE, List.of(), args);
    }

    /** Runs dynoctl against this emulator with a terminal and SDK interceptors of the test's choosing. */
    public CliRun run(dev.dynoctl.cli.Terminal terminal, List<ExecutionInterceptor> interceptors, String... args) {
        CliContext context = new CliContext(new DynamoDbClients(Map.of(), interceptors), terminal, WaitClock.SYSTEM);
        return CliRun.run(context, withEndpoint(args));
    }

    private String[] withEndpoint(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.isEmpty() && !all.get(0).startsWith("-")) {
            all.addAll(List.of("--endpoint-url", endpoint.toString(), "--region", REGION));
        }
        return all.toArray(String[]::new);
    }

    void close() {
        client.close();
    }
}
