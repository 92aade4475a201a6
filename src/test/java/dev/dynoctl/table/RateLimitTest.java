package dev.dynoctl.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;

/** LimitExceeded: "too many operations at once" is waited out, a table's used-up rate limit is not. */
class RateLimitTest {
    private static AwsCallException limitExceeded(String message) {
        return new AwsCallException("UpdateTable", LimitExceededException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("LimitExceededException").errorMessage(message).build())
                .build());
    }

    @Test
    void too_many_operations_at_once_is_not_a_rate_limit() {
        assertThat(TableProvisioner.rateLimited(limitExceeded(
                "Subscriber limit exceeded: Only 500 tables can be created, updated, or deleted simultaneously"))).isFalse();
        assertThat(TableProvisioner.rateLimited(limitExceeded("Too many operations for a given table"))).isFalse();
    }

    @Test
    void a_used_up_daily_limit_is() {
        assertThat(TableProvisioner.rateLimited(limitExceeded("Subscriber limit exceeded: Provisioned throughput decreases "
                + "are limited within a given UTC day. After the first 4 decreases, each subsequent decrease in the same UTC day "
                + "can be performed at most once every 3600 seconds."))).isTrue();
    }

    @Test
    void another_error_is_not_a_rate_limit() {
        assertThat(TableProvisioner.rateLimited(new AwsCallException("UpdateTable", software.amazon.awssdk.services.dynamodb.model
                .ResourceInUseException.builder().awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceInUseException")
                        .errorMessage("Table is being updated").build()).build()))).isFalse();
    }
}
