package dev.dynoctl.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitPolicyTest {
    private final WaitPolicy policy = WaitPolicy.withTimeout(Duration.ofMinutes(10));

    @Test
    void polls_every_quarter_second_at_first() {
        assertThat(policy.nextDelay(Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.nextDelay(Duration.ofMillis(2400))).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void gap_grows_with_a_tenth_of_the_time_waited() {
        assertThat(policy.nextDelay(Duration.ofSeconds(4))).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.nextDelay(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void gap_is_capped_at_five_seconds() {
        assertThat(policy.nextDelay(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.nextDelay(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void a_table_active_after_t_is_seen_by_about_1_1_t() {
        // Simulate the schedule: a table that turns ACTIVE at 2.5 s is seen within 0.25 s of it.
        Duration active = Duration.ofMillis(2500);
        Duration now = Duration.ZERO;
        while (now.compareTo(active) < 0) {
            now = now.plus(policy.nextDelay(now));
        }
        assertThat(now.minus(active)).isLessThanOrEqualTo(Duration.ofMillis(250));
    }
}
