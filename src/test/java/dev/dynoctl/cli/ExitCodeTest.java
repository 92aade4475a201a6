package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How apply folds the tables' outcomes into one exit code. */
class ExitCodeTest {
    @Test
    void no_failed_table_is_ok() {
        assertThat(ExitCode.mostSerious(List.of())).isEqualTo(ExitCode.OK);
    }

    @Test
    void an_aws_failure_outranks_a_timeout_and_a_partial_table() {
        assertThat(ExitCode.mostSerious(List.of(ExitCode.PARTIAL, ExitCode.TIMEOUT, ExitCode.FAILURE))).isEqualTo(ExitCode.FAILURE);
    }

    @Test
    void a_timeout_outranks_a_partial_table_and_limit_exceeded_outranks_a_timeout() {
        assertThat(ExitCode.mostSerious(List.of(ExitCode.PARTIAL, ExitCode.TIMEOUT))).isEqualTo(ExitCode.TIMEOUT);
        assertThat(ExitCode.mostSerious(List.of(ExitCode.TIMEOUT, ExitCode.LIMIT_EXCEEDED))).isEqualTo(ExitCode.LIMIT_EXCEEDED);
        assertThat(ExitCode.mostSerious(List.of(ExitCode.PARTIAL))).isEqualTo(ExitCode.PARTIAL);
    }

    @Test
    void an_interrupted_table_counts_as_a_failure() {
        assertThat(ExitCode.mostSerious(List.of(ExitCode.INTERRUPTED))).isEqualTo(ExitCode.FAILURE);
    }
}
