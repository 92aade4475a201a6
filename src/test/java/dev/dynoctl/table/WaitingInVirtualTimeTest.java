package dev.dynoctl.table;

import static dev.dynoctl.table.CannedEndpoint.TABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Waiting, pacing and back-off on a {@link VirtualClock}: the schedule dynoctl keeps is asserted exactly, and a
 * ten-minute timeout takes no real time. DescribeTable answers come from a {@link CannedEndpoint} over real HTTP.
 */
class WaitingInVirtualTimeTest {
    private static final CannedEndpoint.Answer CREATING = CannedEndpoint.Answer.json(
            CannedEndpoint.ACTIVE_TABLE.body().replace("\"ACTIVE\"", "\"CREATING\""));
    private final VirtualClock clock = new VirtualClock();
    private final CannedEndpoint endpoint;

    WaitingInVirtualTimeTest() throws Exception {
        endpoint = new CannedEndpoint();
    }

    @AfterEach
    void close() {
        endpoint.close();
    }

    @Test
    void polls_at_once_then_every_quarter_second_until_active() {
        endpoint.answer("DescribeTable", CREATING, CREATING, CREATING, CannedEndpoint.ACTIVE_TABLE);
        List<String> seen = new ArrayList<>();

        new TableWaiter(endpoint.tables(), clock).untilActive(TABLE, WaitPolicy.withTimeout(Duration.ofMinutes(10)), false,
                (table, status, elapsed) -> seen.add(status + " at " + elapsed.toMillis() + " ms"));

        assertThat(seen).containsExactly("CREATING at 0 ms", "CREATING at 250 ms", "CREATING at 500 ms", "ACTIVE at 750 ms");
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250));
    }

    @Test
    void the_gap_grows_to_a_tenth_of_the_wait_and_the_timeout_ends_it_on_time() {
        endpoint.answer("DescribeTable", CREATING);

        assertThatThrownBy(() -> new TableWaiter(endpoint.tables(), clock).untilActive(TABLE,
                WaitPolicy.withTimeout(Duration.ofMinutes(10)), false, WaitListener.NONE))
                .isInstanceOf(WaitTimeoutException.class).hasMessageContaining("last status seen: CREATING");

        assertThat(clock.slept()).isEqualTo(Duration.ofMinutes(10));
        List<Duration> gaps = clock.sleeps();
        assertThat(gaps.subList(0, 10)).as("a quarter second while the wait is short").containsOnly(Duration.ofMillis(250));
        assertThat(gaps.subList(0, gaps.size() - 1)).as("growing, never shrinking").isSorted();
        assertThat(gaps).as("capped at five seconds").contains(Duration.ofSeconds(5))
                .allMatch(gap -> gap.compareTo(Duration.ofSeconds(5)) <= 0);
        assertThat(endpoint.calls("DescribeTable")).as("a ten-minute wait costs about 150 polls").isBetween(130, 170);
    }

    @Test
    void polls_of_many_tables_together_stay_at_forty_a_second() throws Exception {
        PollPacer pacer = new PollPacer(clock);
        for (int poll = 0; poll < 200; poll++) {
            pacer.acquire();
        }

        assertThat(clock.slept()).as("200 polls at 40 a second").isEqualTo(Duration.ofMillis(199 * 25));
    }

    @Test
    void one_table_polled_a_quarter_second_apart_is_never_held_back() throws Exception {
        PollPacer pacer = new PollPacer(clock);
        for (int poll = 0; poll < 10; poll++) {
            pacer.acquire();
            clock.advance(Duration.ofMillis(250));
        }

        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void limit_exceeded_holds_every_worker_and_the_back_off_doubles_to_twenty_seconds() throws Exception {
        ControlPlaneGate gate = new ControlPlaneGate(clock);
        gate.awaitClear(Duration.ofMinutes(1));
        assertThat(clock.sleeps()).as("nothing to wait for before any LimitExceeded").isEmpty();

        List<Duration> waits = new ArrayList<>();
        for (int hit = 0; hit < 8; hit++) {
            gate.limitExceeded();
            long before = clock.nanoTime();
            gate.awaitClear(Duration.ofMinutes(1)); // the worker that hit it
            gate.awaitClear(Duration.ofMinutes(1)); // another worker: already clear, it does not wait again
            waits.add(clock.since(before));
        }

        List<Duration> ceilings = List.of(1, 2, 4, 8, 16, 20, 20, 20).stream().map(Duration::ofSeconds).toList();
        for (int i = 0; i < waits.size(); i++) {
            assertThat(waits.get(i)).as("wait %d", i).isBetween(ceilings.get(i).dividedBy(2), ceilings.get(i));
        }
        gate.succeeded();
        gate.limitExceeded();
        long before = clock.nanoTime();
        gate.awaitClear(Duration.ofMinutes(1));
        assertThat(clock.since(before)).as("a success resets the back-off").isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a_worker_that_arrives_while_another_backs_off_waits_for_the_same_clear_time() throws Exception {
        ControlPlaneGate gate = new ControlPlaneGate(clock);
        gate.limitExceeded();
        clock.advance(Duration.ofMillis(100));

        gate.awaitClear(Duration.ofMinutes(1));

        assertThat(clock.sleeps()).singleElement().satisfies(wait ->
                assertThat(wait).isBetween(Duration.ofMillis(400), Duration.ofMillis(900)));
    }
}
