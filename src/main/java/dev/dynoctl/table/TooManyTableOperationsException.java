package dev.dynoctl.table;

import java.time.Duration;

/** DynamoDB kept answering LimitExceededException (too many table operations at once) until the deadline. */
public final class TooManyTableOperationsException extends RuntimeException {
    public TooManyTableOperationsException(String operation, String table, Duration waited, Throwable cause) {
        super(String.format("%s %s: too many table operations in progress on this account (LimitExceededException); "
                + "gave up after %.1f s of retrying", operation, table, waited.toMillis() / 1000.0), cause);
    }
}
