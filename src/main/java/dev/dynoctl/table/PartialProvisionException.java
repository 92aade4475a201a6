package dev.dynoctl.table;

import java.util.List;

/** The table exists, but a follow-up change failed: says what is done and what is not; a re-run finishes the job. */
public final class PartialProvisionException extends RuntimeException {
    public PartialProvisionException(String table, String outcome, List<String> done, Change failed, RuntimeException cause) {
        super("table " + table + " " + outcome + (done.isEmpty() ? "" : "; applied: " + String.join("; ", done))
                + "; NOT applied: " + failed.description() + " (" + reason(cause) + "); run the same command again to finish",
                cause);
    }

    private static String reason(RuntimeException cause) {
        if (cause instanceof AwsCallException call) {
            var sdk = call.getCause();
            String detail = sdk instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
                    && service.awsErrorDetails() != null
                    ? service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage()
                    : sdk.getMessage();
            return call.operation() + " failed: " + String.valueOf(detail).replaceAll("\\s+", " ");
        }
        return String.valueOf(cause.getMessage()).replaceAll("\\s+", " ");
    }
}
