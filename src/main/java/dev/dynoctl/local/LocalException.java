package dev.dynoctl.local;

/** DynamoDB Local could not be found, started or stopped; the message says why and what to do. */
public final class LocalException extends RuntimeException {
    public LocalException(String message) {
        super(message);
    }

    public LocalException(String message, Throwable cause) {
        super(message, cause);
    }
}
