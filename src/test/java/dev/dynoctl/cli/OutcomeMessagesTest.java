package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynoctl.table.Difference;
import dev.dynoctl.table.ProvisionResult;
import dev.dynoctl.table.WaitTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The one mapping from a table's result to its exit code and message. */
class OutcomeMessagesTest {
    @Test
    void a_table_done_as_declared_is_no_failure() {
        ProvisionResult done = new ProvisionResult.Done(ProvisionResult.Done.Outcome.UPDATED,
                TableDescription.builder().tableName("Orders").build(), Duration.ZERO, List.of("tags: a unset -> a=b"), List.of());

        assertThat(ErrorReporter.classify(done)).isEmpty();
    }

    @Test
    void a_blocked_table_is_exit_3_with_one_line_per_difference() {
        ErrorReporter.Failure failure = ErrorReporter.classify(new ProvisionResult.Blocked("Orders",
                List.of(new Difference("partition key", "id (N)", "id (S)")))).orElseThrow();

        assertThat(failure.code()).isEqualTo(ExitCode.TABLE_DIFFERS);
        assertThat(failure.message()).isEqualTo("table Orders exists but differs from what was declared (nothing was changed):");
        assertThat(failure.details()).containsExactly("partition key: declared id (N), actual id (S) (requires replacing the table)");
    }

    @Test
    void an_unusable_table_is_exit_8() {
        ErrorReporter.Failure failure = ErrorReporter.classify(new ProvisionResult.Unusable("Orders", "DELETING")).orElseThrow();

        assertThat(failure.code()).isEqualTo(ExitCode.UNUSABLE);
        assertThat(failure.message()).isEqualTo("table Orders is DELETING and will not become ACTIVE");
    }

    @Test
    void a_partial_table_is_exit_10_naming_the_steps_made_and_not_and_why() {
        WaitTimeoutException timeout = new WaitTimeoutException("Orders", "ACTIVE", "UPDATING", Duration.ofMinutes(10));
        ErrorReporter.Failure failure = ErrorReporter.classify(new ProvisionResult.Partial("Orders", false,
                List.of("capacity: read 1, write 1 -> read 2, write 1"), List.of("tags: team unset -> team=a"), timeout)).orElseThrow();

        assertThat(failure.code()).isEqualTo(ExitCode.PARTIAL);
        assertThat(failure.message()).isEqualTo("table Orders exists; applied: capacity: read 1, write 1 -> read 2, write 1; "
                + "NOT applied: tags: team unset -> team=a (" + timeout.getMessage() + "); run the same command again to finish");
    }
}
