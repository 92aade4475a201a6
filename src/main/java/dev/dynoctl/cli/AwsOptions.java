package dev.dynoctl.cli;

import dev.dynoctl.aws.AwsSettings;
import dev.dynoctl.table.InvalidSpecException;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/** --region, --profile, --endpoint-url, --local: shared by every command that talks to DynamoDB. */
public final class AwsOptions {
    @Option(names = "--region", paramLabel = "REGION", converter = Converters.Region.class,
            description = "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION or the profile's region).")
    String region;

    @Option(names = "--profile", paramLabel = "PROFILE", converter = Converters.Profile.class,
            description = "Named profile from ~/.aws/config and ~/.aws/credentials (default: AWS_PROFILE or 'default').")
    String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL", converter = Converters.EndpointUrl.class,
            description = "DynamoDB endpoint, e.g. http://localhost:8000 for a local emulator "
                    + "(default: AWS_ENDPOINT_URL_DYNAMODB, then AWS_ENDPOINT_URL).")
    URI endpointUrl;

    @Option(names = "--local", description = "Use a local endpoint: the running 'dynoctl local serve', else one "
            + "embedded in this command, on the local data directory (no AWS account needed).")
    boolean local;

    /** Fails on --local with --endpoint-url: two targets. */
    void validate() {
        if (local && endpointUrl != null) {
            throw new InvalidSpecException("local", "cannot be combined with --endpoint-url (--local picks the endpoint)");
        }
    }

    AwsSettings settings() {
        return new AwsSettings(Optional.ofNullable(region), Optional.ofNullable(profile), Optional.ofNullable(endpointUrl), false);
    }

    /** For --local: the local endpoint, dummy credentials, and a region unless one was given. */
    AwsSettings localSettings(URI endpoint) {
        return new AwsSettings(Optional.of(region == null ? "us-east-1" : region), Optional.empty(), Optional.of(endpoint), true);
    }
}
