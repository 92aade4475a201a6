package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynoctl.support.CliRun;
import dev.dynoctl.support.EmulatorExtension;
import dev.dynoctl.support.HeldStatus;
import dev.dynoctl.support.RefusedCalls;
import dev.dynoctl.support.Emulator;
import dev.dynoctl.support.NotFoundAfterCreate;
import dev.dynoctl.support.Terminals;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The waiting path. moto makes tables ACTIVE at once, so these tests hold the status the service
 * reports (CREATING, DELETING, ...) with a test-only SDK interceptor on dynoctl's real client.
 * Bounds are deliberately loose (the machine is shared): they catch "returned before ACTIVE" and
 * "slept like the SDK's 20 s waiter", not milliseconds. DynaliteWaitIT has the real waits, on dynalite.
 */
@ExtendWith(EmulatorExtension.class)
class WaitingIT {
    private static final Duration CREATING_FOR = Duration.ofMillis(1500);
    private final Emulator ddb;

    WaitingIT(Emulator ddb) {
        this.ddb = ddb;
    }

    private CliRun run(HeldStatus held, String... args) {
        return ddb.run(Terminals.NONE, List.of(held), args);
    }

    @Test
    void waits_while_creating_and_reports_active_soon_after_not_20_s_later() {
        String table = Emulator.uniqueTableName("Slow");
        HeldStatus held = HeldStatus.afterCreate("CREATING", CREATING_FOR);
        long start = System.nanoTime();

        CliRun run = run(held, "create-table", "--name", table, "--pk", "id:S").expect(ExitCode.OK);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        List<HeldStatus.Poll> polls = held.polls();
        assertThat(polls).as("DescribeTable answers").extracting(HeldStatus.Poll::status).contains("CREATING").last()
                .isEqualTo("ACTIVE");
        assertThat(polls.get(polls.size() - 1).nanos()).as("returned only after the table was ACTIVE")
                .isGreaterThanOrEqualTo(held.releasedAt());
        assertThat(polls.size()).as("polls every fraction of a second, not every 20 s").isGreaterThanOrEqualTo(4);
        assertThat(took).as("well under the SDK waiter's 20 s sleep").isLessThan(Duration.ofSeconds(10));
        assertThat(run.out()).startsWith("Created table " + table + ": ACTIVE after ");
    }

    @Test
    void gives_up_after_the_wait_timeout_with_exit_5_and_the_last_status() {
        String table = Emulator.uniqueTableName("Stuck");
        HeldStatus held = HeldStatus.afterCreate("CREATING", HeldStatus.FOREVER);

        CliRun run = run(held, "create-table", "--name", table, "--pk", "id:S", "--wait-timeout", "1s")
                .expect(ExitCode.TIMEOUT);

        assertThat(run.errLines()).singleElement().asString()
                .matches("dynoctl create-table: timed out after 1\\.\\d s waiting for table " + table
                        + " to be ACTIVE; last status seen: CREATING");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void no_wait_returns_as_soon_as_create_table_is_accepted() {
        String table = Emulator.uniqueTableName("NoWait");
        HeldStatus held = HeldStatus.afterCreate("CREATING", HeldStatus.FOREVER);

        CliRun run = run(held, "create-table", "--name", table, "--pk", "id:S", "--no-wait").expect(ExitCode.OK);

        assertThat(run.out()).startsWith("Created table " + table + ": CREATING after ");
        assertThat(held.polls()).as("no DescribeTable after CreateTable").isEmpty();
    }

    @Test
    void stops_at_once_on_a_status_that_never_becomes_active() {
        String table = Emulator.uniqueTableName("Dead");
        HeldStatus held = HeldStatus.afterCreate("INACCESSIBLE_ENCRYPTION_CREDENTIALS", HeldStatus.FOREVER);

        CliRun run = run(held, "create-table", "--name", table, "--pk", "id:S").expect(ExitCode.UNUSABLE);

        assertThat(run.err()).contains("is INACCESSIBLE_ENCRYPTION_CREDENTIALS and will not become ACTIVE");
        assertThat(held.polls()).hasSize(1);
    }

    @Test
    void an_existing_table_being_deleted_is_not_taken_for_done() {
        String table = createWithClient("Deleting");
        HeldStatus held = HeldStatus.fromNow("DELETING", HeldStatus.FOREVER);

        CliRun run = run(held, "create-table", "--name", table, "--pk", "id:S").expect(ExitCode.UNUSABLE);

        assertThat(run.err()).contains("is DELETING");
    }

    @Test
    void an_existing_table_still_creating_is_waited_for() {
        String table = createWithClient("Creating");
        HeldStatus held = HeldStatus.fromNow("CREATING", Duration.ofMillis(800));

        CliRun run = run(held, "create-table", "--name", table, "--pk", "id:S").expect(ExitCode.OK);

        assertThat(run.out()).startsWith("Table " + table + " already exists as declared: ACTIVE.");
        assertThat(held.polls()).extracting(HeldStatus.Poll::status).contains("CREATING").last().isEqualTo("ACTIVE");
    }

    @Test
    void tolerates_not_found_for_a_while_right_after_create_table() {
        String table = Emulator.uniqueTableName("Eventual");
        NotFoundAfterCreate notFound = new NotFoundAfterCreate(Duration.ofMillis(800));
        HeldStatus creating = HeldStatus.afterCreate("CREATING", Duration.ofMillis(800)); // as DynamoDB answers CreateTable

        CliRun run = ddb.run(Terminals.NONE, List.of(notFound, creating), "create-table", "--name", table, "--pk", "id:S")
                .expect(ExitCode.OK);

        assertThat(notFound.notFoundAnswers()).isGreaterThanOrEqualTo(2);
        assertThat(run.out()).startsWith("Created table " + table + ": ACTIVE");
    }

    @Test
    void backs_off_on_limit_exceeded_and_creates_the_table_when_the_limit_clears() {
        String table = Emulator.uniqueTableName("Limited");
        RefusedCalls limit = RefusedCalls.limitExceededOnCreate(2);

        CliRun run = ddb.run(Terminals.NONE, List.of(limit), "create-table", "--name", table, "--pk", "id:S", "-o", "json")
                .expect(ExitCode.OK);

        assertThat(limit.refused()).isEqualTo(2);
        assertThat(run.out()).contains("\"Outcome\": \"CREATED\"");
        assertThat(ddb.client().describeTable(r -> r.tableName(table)).table().tableStatusAsString()).isEqualTo("ACTIVE");
    }

    @Test
    void gives_up_on_a_limit_that_never_clears_with_exit_9_after_the_wait_timeout() {
        String table = Emulator.uniqueTableName("Limited");
        RefusedCalls limit = RefusedCalls.limitExceededOnCreate(Integer.MAX_VALUE);

        CliRun run = ddb.run(Terminals.NONE, List.of(limit), "create-table", "--name", table, "--pk", "id:S",
                "--wait-timeout", "2s").expect(ExitCode.LIMIT_EXCEEDED);

        assertThat(run.errLines()).singleElement().asString().contains("LimitExceededException", "gave up after 2.");
        assertThat(limit.refused()).isGreaterThanOrEqualTo(2);
        assertThat(ddb.client().listTables().tableNames()).doesNotContain(table);
    }

    @Test
    void shows_status_and_elapsed_time_at_a_terminal_and_clears_it() {
        String table = Emulator.uniqueTableName("Progress");
        HeldStatus held = HeldStatus.afterCreate("CREATING", Duration.ofMillis(600));

        CliRun run = ddb.run(Terminals.typing("", Terminals.prompts()), List.of(held),
                "create-table", "--name", table, "--pk", "id:S").expect(ExitCode.OK);

        assertThat(run.err()).contains("\r\033[K" + table + ": CREATING (").endsWith("\r\033[K");
        assertThat(run.out()).doesNotContain("CREATING");
    }

    @Test
    void quiet_shows_no_progress_even_at_a_terminal() {
        String table = Emulator.uniqueTableName("Quiet");
        HeldStatus held = HeldStatus.afterCreate("CREATING", Duration.ofMillis(600));

        CliRun run = ddb.run(Terminals.typing("", Terminals.prompts()), List.of(held),
                "create-table", "--name", table, "--pk", "id:S", "-q").expect(ExitCode.OK);

        assertThat(run.err()).isEmpty();
    }

    private String createWithClient(String prefix) {
        String table = Emulator.uniqueTableName(prefix);
        ddb.client().createTable(r -> r.tableName(table)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        return table;
    }
}
