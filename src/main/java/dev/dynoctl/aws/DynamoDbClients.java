package dev.dynoctl.aws;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
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

    /** Builds the client; the SDK's classes load only from here on (bad input never gets this far). */
    public DynamoDbClient open(AwsSettings settings) {
        return ClientBuilding.build(settings, this);
    }

    /** The region a client of these settings uses (the region chain is walked only when asked). */
    public String region(AwsSettings settings) {
        return ClientBuilding.region(settings, this).id();
    }

    /** A partition of AWS: its name and DNS suffix, aws and amazonaws.com for most regions, aws-cn and amazonaws.com.cn, ... */
    public record Partition(String name, String dnsSuffix) {
    }

    public static Partition partition(String region) {
        return ClientBuilding.partition(region);
    }

    /** The AWS account of these settings' credentials: one STS GetCallerIdentity call ({@code AWS_ENDPOINT_URL_STS} honoured). */
    public String callerAccount(AwsSettings settings) {
        return ClientBuilding.callerAccount(settings, this);
    }

    /** Whether DynamoDB is reached at an endpoint of the user's (--endpoint-url, --local or the variables), not AWS's own. */
    public boolean endpointGiven(AwsSettings settings) {
        return settings.endpoint().isPresent() || Stream.of("AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL")
                .map(environment::get).anyMatch(value -> value != null && !value.isBlank());
    }

    Timeouts timeouts() {
        return timeouts;
    }

    List<ExecutionInterceptor> interceptors() {
        return interceptors;
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
}
