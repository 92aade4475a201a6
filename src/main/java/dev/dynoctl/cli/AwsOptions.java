package dev.dynoctl.cli;

import dev.dynoctl.aws.AwsSettings;
import dev.dynoctl.aws.DynamoDbClients;
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
            description = "DynamoDB endpoint, e.g. http://127.0.0.1:8000 for a local emulator "
                    + "(default: AWS_ENDPOINT_URL_DYNAMODB, then AWS_ENDPOINT_URL).")
    URI endpointUrl;

    @Option(names = "--local", description = "Use the local engine (moto or dynalite) of the local data directory, starting "
            + "one in the background if none runs (no AWS account needed; 'dynoctl local stop' stops it).")
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
        return new AwsSettings(Optional.of(localRegion()), Optional.empty(), Optional.of(endpoint), true);
    }

    /** The region the run's client will use, found without starting a local engine. */
    String region(DynamoDbClients clients) {
        return local ? localRegion() : clients.region(settings());
    }

    private String localRegion() {
        return region == null ? "us-east-1" : region;
    }
}
