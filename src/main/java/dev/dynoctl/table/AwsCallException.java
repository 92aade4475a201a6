package dev.dynoctl.table;

import software.amazon.awssdk.core.exception.SdkException;

/** An AWS call failed in a way dynoctl does not handle itself; names the operation for the user. */
public final class AwsCallException extends RuntimeException {
    private final String operation;
    private final String rule;

    public AwsCallException(String operation, SdkException cause) {
        this(operation, cause, null);
    }

    /** @param rule the DynamoDB rule the call ran into, in words a user can act on (null when none is known) */
    public AwsCallException(String operation, SdkException cause, String rule) {
        super(operation + " failed", cause);
        this.operation = operation;
        this.rule = rule;
    }

    public String operation() {
        return operation;
    }

    public java.util.Optional<String> rule() {
        return java.util.Optional.ofNullable(rule);
    }

    @Override
    public synchronized SdkException getCause() {
        return (SdkException) super.getCause();
    }
}
