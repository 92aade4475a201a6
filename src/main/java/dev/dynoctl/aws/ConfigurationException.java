package dev.dynoctl.aws;

/** The AWS configuration is incomplete (no region, no credentials): nothing was sent. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
