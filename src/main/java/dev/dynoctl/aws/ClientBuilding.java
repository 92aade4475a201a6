package dev.dynoctl.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK side of {@link DynamoDbClients}, in a class of its own so that the JVM loads the SDK's classes only when a
 * client is really built (not while checking input).
 */
final class ClientBuilding {
    private ClientBuilding() {
    }

    /**
     * The timer of every client's call and attempt timeouts. Without it each client starts a pool of its own that grows
     * to five threads, one per call, for tasks that only ever cancel a request; one daemon thread serves every call of
     * the process, apply's parallel ones too, and never holds up its exit.
     */
    private static final class Timeouts {
        static final ScheduledExecutorService TIMER = timer();

        private static ScheduledExecutorService timer() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "dynoctl-timeouts");
                thread.setDaemon(true);
                return thread;
            });
            timer.setRemoveOnCancelPolicy(true); // a call that ends in time cancels its timeout: drop it at once
            return timer;
        }
    }

    static DynamoDbClient build(AwsSettings settings, DynamoDbClients clients) {
        Optional<URI> endpoint = clients.endpoint(settings);
        var builder = DynamoDbClient.builder()
                .region(region(settings, clients))
                .credentialsProvider(credentials(settings))
                .httpClient(httpClient(endpoint, clients.timeouts()))
                .overrideConfiguration(override(clients));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The account of the credentials (STS GetCallerIdentity), with the DynamoDB client's settings; STS's own endpoint. */
    static String callerAccount(AwsSettings settings, DynamoDbClients clients) {
        Optional<URI> endpoint = Optional.ofNullable(clients.environment().get("AWS_ENDPOINT_URL_STS"))
                .filter(value -> !value.isBlank()).map(value -> Endpoints.parse("AWS_ENDPOINT_URL_STS", value));
        var builder = StsClient.builder()
                .region(region(settings, clients))
                .credentialsProvider(credentials(settings))
                .httpClient(httpClient(endpoint, clients.timeouts()))
                .overrideConfiguration(override(clients));
        endpoint.ifPresent(builder::endpointOverride);
        try (StsClient sts = builder.build()) {
            return sts.getCallerIdentity().account();
        }
    }

    /** The region's partition: its name (aws, aws-cn, ...) and DNS suffix (amazonaws.com, ...), from the SDK's own table. */
    static DynamoDbClients.Partition partition(String region) {
        PartitionMetadata partition = PartitionMetadata.of(Region.of(region));
        return new DynamoDbClients.Partition(partition.id(), partition.dnsSuffix());
    }

    private static ClientOverrideConfiguration override(DynamoDbClients clients) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(clients.timeouts().attempt())
                .apiCallTimeout(clients.timeouts().call())
                .scheduledExecutorService(Timeouts.TIMER)
                .retryStrategy(RetryMode.STANDARD);
        clients.interceptors().forEach(override::addExecutionInterceptor);
        return override.build();
    }

    private static SdkHttpClient httpClient(Optional<URI> endpoint, DynamoDbClients.Timeouts timeouts) {
        boolean plainHttp = endpoint.map(uri -> "http".equalsIgnoreCase(uri.getScheme())).orElse(false);
        return plainHttp ? plainHttpClient(timeouts) : UrlConnectionHttpClient.builder()
                .connectionTimeout(timeouts.connect())
                .socketTimeout(timeouts.read())
                .build();
    }

    /**
     * For an http:// endpoint (a local emulator, a proxy on loopback): the UrlConnection client over plain JDK connections.
     * The client's builder sets up TLS (an SSLContext and the trust store, about 50 ms and 5 MB) even when no TLS will
     * be used. AWS endpoints (https) keep the builder and its TLS and proxy settings.
     */
    private static SdkHttpClient plainHttpClient(DynamoDbClients.Timeouts timeouts) {
        int connect = (int) timeouts.connect().toMillis();
        int read = (int) timeouts.read().toMillis();
        return UrlConnectionHttpClient.create(uri -> {
            try {
                HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
                connection.setConnectTimeout(connect);
                connection.setReadTimeout(read);
                return connection;
            } catch (IOException e) {
                throw new UncheckedIOException(e); // openConnection does no I/O; the request's own errors come later
            }
        });
    }

    /**
     * Dummy keys for a local target; a named --profile uses that profile only (as the AWS CLI does: keys exported in
     * the environment must not win over an explicit profile and reach another account); else the SDK's default chain.
     */
    private static AwsCredentialsProvider credentials(AwsSettings settings) {
        if (settings.localCredentials()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("dynoctl", "local"));
        }
        if (settings.profile().isPresent()) {
            return ProfileCredentialsProvider.builder().profileName(settings.profile().get()).build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** --region, else AWS_REGION, else AWS_DEFAULT_REGION (the AWS CLI's; the SDK ignores it), else the SDK chain. */
    static Region region(AwsSettings settings, DynamoDbClients clients) {
        if (settings.region().isPresent()) {
            return Region.of(settings.region().get());
        }
        for (String variable : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
            String value = clients.environment().get(variable);
            if (value != null && !value.isBlank()) {
                return Region.of(value.trim());
            }
        }
        try {
            return DefaultAwsRegionProviderChain.builder().profileName(settings.profile().orElse(null)).build().getRegion();
        } catch (SdkClientException e) {
            throw new ConfigurationException("no AWS region: use --region, set AWS_REGION, or give the profile a region"
                    + " (aws configure set region us-east-1" + settings.profile().map(p -> " --profile " + p).orElse("") + ")");
        }
    }
}
