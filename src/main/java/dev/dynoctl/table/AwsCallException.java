package dev.dynoctl.table;

import software.amazon.awssdk.core.exception.SdkException;

/** An AWS call failed in a way dynoctl does not handle itself; names the operation for the user. */
public final class AwsCallException extends RuntimeException {
    private final String operation;

    public AwsCallException(String operation, SdkException cause) {
        super(operation + " failed", cause);
        this.operation = operation;
    }

    public String operation() {
        return operation;
    }

    @Override
    public synchronized SdkException getCause() {
        return (SdkException) super.getCause();
    }
}
