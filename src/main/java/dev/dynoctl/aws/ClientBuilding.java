package dev.dynoctl.aws;

import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
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
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeouts.connect())
                        .socketTimeout(timeouts.read())
                        .build())
                .overrideConfiguration(override.build());
        clients.endpoint(settings).ifPresent(builder::endpointOverride);
        return builder.build();
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
