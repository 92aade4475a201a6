package dev.dynoctl.aws;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the one DynamoDB client of a run, after all input was validated.
 * UrlConnection HTTP client (small, quick to start); timeouts set so an unreachable endpoint fails in seconds
 * ({@link Timeouts#STANDARD}); the SDK's standard retry mode: at most 3 attempts per call, with jittered exponential
 * back-off, for 5xx, throttling (ThrottlingException, ProvisionedThroughputExceededException, ...) and I/O errors.
 */
public final class DynamoDbClients {
    /**
     * connect: a TCP connection; read: silence on an open connection; attempt: one try of a call; call: all tries.
     */
    public record Timeouts(Duration connect, Duration read, Duration attempt, Duration call) {
        public static final Timeouts STANDARD = new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(10),
                Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    private final Map<String, String> environment;
    private final List<ExecutionInterceptor> interceptors;
    private final Timeouts timeouts;

    /**
     * @param environment  the process environment, read for the region and endpoint variables
     * @param interceptors added to every client (tests use this to watch or shape traffic)
     */
    public DynamoDbClients(Map<String, String> environment, List<ExecutionInterceptor> interceptors) {
        this(environment, interceptors, Timeouts.STANDARD);
    }

    public DynamoDbClients(Map<String, String> environment, List<ExecutionInterceptor> interceptors, Timeouts timeouts) {
        this.environment = Map.copyOf(environment);
        this.interceptors = List.copyOf(interceptors);
        this.timeouts = timeouts;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public DynamoDbClient open(AwsSettings settings) {
        Region region = region(settings);
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(timeouts.attempt())
                .apiCallTimeout(timeouts.call())
                .retryStrategy(RetryMode.STANDARD);
        interceptors.forEach(override::addExecutionInterceptor);
        var builder = DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(settings.localCredentials()
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create("dynoctl", "local"))
                        : DefaultCredentialsProvider.builder().profileName(settings.profile().orElse(null)).build())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeouts.connect())
                        .socketTimeout(timeouts.read())
                        .build())
                .overrideConfiguration(override.build());
        endpoint(settings).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** --endpoint-url, else AWS_ENDPOINT_URL_DYNAMODB, else AWS_ENDPOINT_URL (the AWS CLI's order). */
    public Optional<URI> endpoint(AwsSettings settings) {
        if (settings.endpoint().isPresent()) {
            return settings.endpoint();
        }
        for (String variable : List.of("AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL")) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return Optional.of(Endpoints.parse(variable, value));
            }
        }
        return Optional.empty();
    }

    /** --region, else AWS_REGION, else AWS_DEFAULT_REGION (the AWS CLI's; the SDK ignores it), else the SDK chain. */
    private Region region(AwsSettings settings) {
        if (settings.region().isPresent()) {
            return Region.of(settings.region().get());
        }
        for (String variable : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
            String value = environment.get(variable);
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
