package dev.dynoctl.aws;

import java.net.URI;
import java.util.Optional;

/** Where and as whom to talk to DynamoDB; empty values fall back to the AWS SDK's standard chains. */
public record AwsSettings(Optional<String> region, Optional<String> profile, Optional<URI> endpoint) {
}
