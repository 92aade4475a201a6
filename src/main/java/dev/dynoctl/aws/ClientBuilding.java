package dev.dynoctl.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The SDK side of {@link DynamoDbClients}, in a class of its own so that the JVM loads the SDK's classes only when a
 * client is really built (not while checking input).
 */
final class ClientBuilding {
    private ClientBuilding() {
    }

    static DynamoDbClient build(AwsSettings settings, DynamoDbClients clients) {
        DynamoDbClients.Timeouts timeouts = clients.timeouts();
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(timeouts.attempt())
                .apiCallTimeout(timeouts.call())
                .retryStrategy(RetryMode.STANDARD);
        clients.interceptors().forEach(override::addExecutionInterceptor);
        var builder = DynamoDbClient.builder()
                .region(region(settings, clients))
                .credentialsProvider(credentials(settings))
                .httpClient(httpClient(timeouts))
                .overrideConfiguration(override.build());
        clients.endpoint(settings).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * The UrlConnection client with plain JDK connections. Its builder sets up TLS (an SSLContext and the trust store,
     * about 50 ms) when the client is built, even for an http:// endpoint such as DynamoDB Local; the JDK's own
     * HTTPS connections set it up on the first https connection only, with the JVM's defaults (trust store, hostname
     * verification, system proxy properties).
     */
    private static SdkHttpClient httpClient(DynamoDbClients.Timeouts timeouts) {
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

    private static AwsCredentialsProvider credentials(AwsSettings settings) {
        if (settings.localCredentials()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("dynoctl", "local"));
        }
        return DefaultCredentialsProvider.builder().profileName(settings.profile().orElse(null)).build();
    }

    /** --region, else AWS_REGION, else AWS_DEFAULT_REGION (the AWS CLI's; the SDK ignores it), else the SDK chain. */
    private static Region region(AwsSettings settings, DynamoDbClients clients) {
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
