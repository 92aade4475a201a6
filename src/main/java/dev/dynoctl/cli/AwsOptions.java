package dev.dynoctl.cli;

import dev.dynoctl.aws.AwsSettings;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/** --region, --profile, --endpoint-url: shared by every command that talks to DynamoDB (shown as its own help section). */
public final class AwsOptions {
    @Option(names = "--region", paramLabel = "REGION", converter = Converters.Region.class,
            description = "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION or the profile's region).")
    String region;

    @Option(names = "--profile", paramLabel = "PROFILE", converter = Converters.Profile.class,
            description = "Named profile from ~/.aws/config and ~/.aws/credentials (default: AWS_PROFILE or 'default').")
    String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL", converter = Converters.EndpointUrl.class,
            description = "DynamoDB endpoint, e.g. http://localhost:8000 for DynamoDB Local "
                    + "(default: AWS_ENDPOINT_URL_DYNAMODB, then AWS_ENDPOINT_URL).")
    URI endpointUrl;

    AwsSettings settings() {
        return new AwsSettings(Optional.ofNullable(region), Optional.ofNullable(profile), Optional.ofNullable(endpointUrl));
    }
}
