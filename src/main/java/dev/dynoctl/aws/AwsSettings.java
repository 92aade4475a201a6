package dev.dynoctl.aws;

import java.net.URI;
import java.util.Optional;

/**
 * Where and as whom to talk to DynamoDB; empty values fall back to the AWS SDK's standard chains.
 * {@code localCredentials}: a local DynamoDB, which takes any key, gets fixed dummy credentials (no AWS account needed).
 */
public record AwsSettings(Optional<String> region, Optional<String> profile, Optional<URI> endpoint, boolean localCredentials) {
}
