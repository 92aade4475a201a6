package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynoctl.aws.DynamoDbClients;
import dev.dynoctl.support.CliRun;
import dev.dynoctl.support.EmulatorExtension;
import dev.dynoctl.support.FaultProxy;
import dev.dynoctl.support.Emulator;
import dev.dynoctl.support.Terminals;
import dev.dynoctl.table.WaitClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real command through {@link FaultProxy}, a loopback proxy in front of moto's server that injects faults.
 * Retries are bounded by the SDK's standard mode (3 attempts per call) and the call timeout; the tests count the
 * attempts that reached the proxy. Short timeouts (attempt 1 s, call 5 s) keep the slow cases fast.
 */
@ExtendWith(EmulatorExtension.class)
class FaultInjectionIT {
    private static final DynamoDbClients.Timeouts SHORT = new DynamoDbClients.Timeouts(Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(5));
    private final Emulator ddb;
    private FaultProxy proxy;

    FaultInjectionIT(Emulator ddb) {
        this.ddb = ddb;
    }

    @BeforeEach
    void startProxy() throws Exception {
        proxy = new FaultProxy(ddb.endpoint());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private CliRun dynoctl(String... args) {
        CliContext context = new CliContext(new DynamoDbClients(Map.of(), List.of(), SHORT), Terminals.NONE, WaitClock.SYSTEM);
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1")).toArray(String[]::new);
        return CliRun.run(context, all);
    }

    private CliRun create(String table, String... more) {
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("create-table", "--name", table, "--pk", "id:S"),
                java.util.Arrays.stream(more)).toArray(String[]::new);
        return dynoctl(args);
    }

    private void assertOneActiveTable(String table) {
        assertThat(ddb.client().listTables().tableNames()).containsOnlyOnce(table);
        assertThat(ddb.client().describeTable(r -> r.tableName(table)).table().tableStatusAsString()).isEqualTo("ACTIVE");
    }


    @Test
    void a_create_table_answer_that_says_active_needs_no_describe_table_after_it() {
        String table = Emulator.uniqueTableName("AtOnce");

        CliRun run = create(table).expect(ExitCode.OK); // moto's CreateTable answer says ACTIVE

        assertThat(run.out()).startsWith("Created table " + table + ": ACTIVE");
        assertThat(proxy.calls("DescribeTable")).as("only the look before CreateTable").isEqualTo(1);
        assertOneActiveTable(table);
    }

    @Test
    void service_unavailable_twice_on_create_table_is_retried_and_creates_once() {
        String table = Emulator.uniqueTableName("Flaky");
        proxy.on("CreateTable", 1, 2, FaultProxy.serviceUnavailable());

        create(table).expect(ExitCode.OK);

        assertOneActiveTable(table);
        assertThat(proxy.calls("CreateTable")).isEqualTo(3);
    }

    @Test
    void throttling_and_throughput_errors_on_describe_table_are_retried() {
        String table = Emulator.uniqueTableName("Throttled");
        proxy.on("CreateTable", 1, 1, FaultProxy.creating()) // so it polls
                .on("DescribeTable", 1, 1, FaultProxy.throttling())
                .on("DescribeTable", 2, 2, FaultProxy.throughputExceeded())
                .on("DescribeTable", 4, 4, FaultProxy.internalError());

        CliRun run = create(table).expect(ExitCode.OK);

        assertThat(run.out()).startsWith("Created table " + table + ": ACTIVE");
        assertOneActiveTable(table);
    }

    @Test
    void a_reset_connection_is_retried() {
        String table = Emulator.uniqueTableName("Reset");
        proxy.on("CreateTable", 1, 1, new FaultProxy.Reset(false));

        create(table).expect(ExitCode.OK);

        assertOneActiveTable(table);
        assertThat(proxy.calls("CreateTable")).isEqualTo(2);
    }

    @Test
    void one_answer_slower_than_the_attempt_timeout_is_retried() {
        String table = Emulator.uniqueTableName("Slow");
        proxy.on("DescribeTable", 1, 1, new FaultProxy.Slow(Duration.ofSeconds(3)));

        create(table).expect(ExitCode.OK);

        assertOneActiveTable(table);
        assertThat(proxy.calls("DescribeTable")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_lost_create_table_response_is_understood_on_retry() {
        String table = Emulator.uniqueTableName("Lost");
        proxy.on("CreateTable", 1, 1, new FaultProxy.Reset(true));

        CliRun run = create(table, "-o", "json").expect(ExitCode.OK);

        assertOneActiveTable(table);
        assertThat(proxy.calls("CreateTable")).isEqualTo(2);
        assertThat(run.out()).as("our first attempt created it; its answer was lost")
                .contains("\"TableStatus\": \"ACTIVE\"").contains("\"Outcome\": \"CREATED\"");
    }

    @Test
    void limit_exceeded_on_create_table_backs_off_until_it_clears() {
        String table = Emulator.uniqueTableName("Limited");
        proxy.on("CreateTable", 1, 2, FaultProxy.limitExceeded());

        create(table).expect(ExitCode.OK);

        assertOneActiveTable(table);
        assertThat(proxy.calls("CreateTable")).isEqualTo(3);
    }

    @Test
    void limit_exceeded_that_never_clears_gives_up_with_exit_9_after_the_wait_timeout() {
        String table = Emulator.uniqueTableName("Limited");
        proxy.always("CreateTable", FaultProxy.limitExceeded());

        CliRun run = create(table, "--wait-timeout", "2s").expect(ExitCode.LIMIT_EXCEEDED);

        assertThat(run.errLines()).singleElement().asString().contains("LimitExceededException", "gave up after 2.");
        assertThat(ddb.tableExists(table)).isFalse();
    }

    @Test
    void not_found_for_a_while_right_after_create_table_is_tolerated() {
        String table = Emulator.uniqueTableName("Eventual");
        proxy.always("CreateTable", FaultProxy.creating()); // as DynamoDB answers
        proxy.on("DescribeTable", 2, 4, FaultProxy.notFound());

        create(table).expect(ExitCode.OK);

        assertOneActiveTable(table);
        assertThat(proxy.calls("DescribeTable")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void a_persistent_failure_is_one_line_naming_the_operation_in_bounded_time() {
        String table = Emulator.uniqueTableName("Down");
        proxy.always("DescribeTable", FaultProxy.serviceUnavailable());
        long start = System.nanoTime();

        CliRun run = create(table).expect(ExitCode.FAILURE);

        assertThat(run.errLines()).singleElement().asString().startsWith("dynoctl create-table: DescribeTable failed: ");
        assertThat(proxy.calls("DescribeTable")).as("standard retry mode: 3 attempts").isEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(ddb.tableExists(table)).as("nothing created after a failed DescribeTable").isFalse();
    }

    @Test
    void persistent_resets_are_one_line_too() {
        proxy.always("ListTables", new FaultProxy.Reset(false));

        CliRun run = dynoctl("list-tables").expect(ExitCode.FAILURE);

        assertThat(run.errLines()).singleElement().asString().startsWith("dynoctl list-tables: ListTables failed: ");
        assertThat(proxy.calls("ListTables")).isEqualTo(3);
    }

    @Test
    void access_denied_is_reported_and_never_taken_for_absent() {
        String table = Emulator.uniqueTableName("Denied");
        proxy.always("DescribeTable", new FaultProxy.Answer(400, "com.amazon.coral.service#AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: dynamodb:DescribeTable"));

        CliRun run = create(table).expect(ExitCode.FAILURE);

        assertThat(run.errLines()).singleElement().asString()
                .contains("DescribeTable failed: AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not authorized");
        assertThat(proxy.calls("CreateTable")).isZero();
    }
}
