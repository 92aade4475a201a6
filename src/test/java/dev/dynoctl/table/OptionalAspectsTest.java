package dev.dynoctl.table;

import static dev.dynoctl.table.CannedEndpoint.ACTIVE_TABLE;
import static dev.dynoctl.table.CannedEndpoint.ARN;
import static dev.dynoctl.table.CannedEndpoint.TABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynoctl.aws.DynamoDbClients;
import dev.dynoctl.cli.CliContext;
import dev.dynoctl.cli.ExitCode;
import dev.dynoctl.support.CliRun;
import dev.dynoctl.support.Terminals;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each way an endpoint answers less than DynamoDB, from a real loopback endpoint through dynoctl's real SDK client:
 * the optional aspect is "not available from this endpoint (...)" and the command goes on; DynamoDB's own errors
 * still fail and throttling is still retried.
 */
class OptionalAspectsTest {
    private static final WaitPolicy POLICY = WaitPolicy.withTimeout(Duration.ofSeconds(30));

    private CannedEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        endpoint = new CannedEndpoint().answer("DescribeTable", ACTIVE_TABLE);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    /** The five optional reads, each as the text of its lookup: the value found, or why not. */
    private Map<String, String> readAll() {
        DynamoDbTables tables = endpoint.tables();
        Function<Lookup<?>, String> text = lookup -> lookup.found() ? "found " + lookup.value() : lookup.why();
        return Map.of("DescribeTimeToLive", text.apply(tables.describeTimeToLive(TABLE)),
                "DescribeContinuousBackups", text.apply(tables.describeContinuousBackups(TABLE)),
                "ListTagsOfResource", text.apply(tables.listTags(ARN)),
                "DescribeContributorInsights", text.apply(tables.contributorInsightsStatus(TABLE)),
                "GetResourcePolicy", text.apply(tables.resourcePolicy(ARN)));
    }

    @Test
    void unknown_operation_makes_each_aspect_not_available() {
        // CannedEndpoint answers UnknownOperationException for every operation it was given nothing for.
        assertThat(readAll()).allSatisfy((operation, text) ->
                assertThat(text).as(operation).isEqualTo("not available from this endpoint (UnknownOperationException)"));
    }

    @Test
    void html_500_is_not_available_after_the_sdks_three_attempts() {
        endpoint.answer("DescribeContributorInsights", CannedEndpoint.Answer.html(500));

        assertThat(endpoint.tables().contributorInsightsStatus(TABLE).why()).isEqualTo("not available from this endpoint (HTTP 500)");
        assertThat(endpoint.calls("DescribeContributorInsights")).isEqualTo(3);
    }

    @Test
    void http_501_is_not_available() {
        endpoint.answer("DescribeTimeToLive", CannedEndpoint.Answer.html(501));
        endpoint.answer("GetResourcePolicy", CannedEndpoint.Answer.error(501, "NotImplemented"));

        assertThat(endpoint.tables().describeTimeToLive(TABLE).why()).isEqualTo("not available from this endpoint (HTTP 501)");
        assertThat(endpoint.tables().resourcePolicy(ARN).why()).isEqualTo("not available from this endpoint (HTTP 501)");
    }

    @Test
    void an_answer_without_its_fields_is_not_available() {
        for (String operation : List.of("DescribeTimeToLive", "DescribeContinuousBackups", "DescribeContributorInsights",
                "GetResourcePolicy", "ListTagsOfResource")) {
            endpoint.answer(operation, CannedEndpoint.Answer.json("{}"));
        }
        endpoint.answer("DescribeTimeToLive", CannedEndpoint.Answer.json("{\"TimeToLiveDescription\":{}}"));

        assertThat(readAll()).containsOnly(
                Map.entry("DescribeTimeToLive", "not available from this endpoint (answer without its fields)"),
                Map.entry("DescribeContinuousBackups", "not available from this endpoint (answer without its fields)"),
                Map.entry("DescribeContributorInsights", "not available from this endpoint (answer without its fields)"),
                Map.entry("GetResourcePolicy", "not available from this endpoint (answer without its fields)"),
                // DynamoDB may leave an empty list out: no Tags is a table without tags.
                Map.entry("ListTagsOfResource", "found {}"));
    }

    @Test
    void access_denied_is_not_permitted() {
        endpoint.answer("GetResourcePolicy", CannedEndpoint.Answer.error(400, "AccessDeniedException"));

        assertThat(endpoint.tables().resourcePolicy(ARN).why()).isEqualTo("not permitted to read it (AccessDeniedException)");
    }

    @Test
    void dynamodbs_own_server_error_still_fails_the_call() {
        endpoint.answer("DescribeContinuousBackups", CannedEndpoint.Answer.error(500, "InternalServerError"));
        endpoint.answer("DescribeTable", CannedEndpoint.Answer.html(500));

        assertThatThrownBy(() -> endpoint.tables().describeContinuousBackups(TABLE))
                .isInstanceOf(AwsCallException.class).hasMessage("DescribeContinuousBackups failed");
        assertThatThrownBy(() -> endpoint.tables().describe(TABLE))
                .isInstanceOf(AwsCallException.class).hasMessage("DescribeTable failed");
        assertThat(endpoint.calls("DescribeTable")).isEqualTo(3);
    }

    @Test
    void throttling_is_still_retried() {
        endpoint.answer("DescribeTimeToLive", CannedEndpoint.Answer.error(400, "ThrottlingException"),
                CannedEndpoint.Answer.json("{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"DISABLED\"}}"));

        assertThat(endpoint.tables().describeTimeToLive(TABLE).found()).isTrue();
        assertThat(endpoint.calls("DescribeTimeToLive")).isEqualTo(2);
    }

    @Test
    void describe_table_shows_why_each_aspect_is_missing_and_exits_0() {
        endpoint.answer("DescribeTimeToLive", CannedEndpoint.Answer.json("{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"DISABLED\"}}"))
                .answer("DescribeContinuousBackups", CannedEndpoint.Answer.json("{}"))
                .answer("DescribeContributorInsights", CannedEndpoint.Answer.html(500));

        CliRun text = describeTable().expect(ExitCode.OK);
        CliRun json = describeTable("-o", "json").expect(ExitCode.OK);

        assertThat(text.out().lines()).contains(
                "TTL:                     off",
                "Point-in-time recovery:  not available from this endpoint (answer without its fields)",
                "Contributor insights:    not available from this endpoint (HTTP 500)",
                "Tags:                    not available from this endpoint (UnknownOperationException)");
        assertThat(json.out()).contains("\"TimeToLiveDescription\"")
                .doesNotContain("ContinuousBackupsDescription", "ContributorInsightsStatus", "\"Tags\"");
    }

    private CliRun describeTable(String... more) {
        // The SDK's default chain reads these; no credentials of the machine are used or needed.
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        try {
            CliContext context = new CliContext(new DynamoDbClients(Map.of(), List.of()), Terminals.NONE, WaitClock.SYSTEM);
            List<String> args = new java.util.ArrayList<>(List.of("describe-table", "--name", TABLE,
                    "--endpoint-url", endpoint.uri().toString(), "--region", "us-east-1"));
            args.addAll(List.of(more));
            return CliRun.run(context, args.toArray(String[]::new));
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void waiting_for_ttl_the_endpoint_cannot_report_ends_at_once() {
        TableWaiter waiter = new TableWaiter(endpoint.tables(), duration -> { throw new AssertionError("slept " + duration); });

        assertThat(waiter.untilTimeToLiveEnabled(TABLE, POLICY, WaitListener.NONE).why())
                .isEqualTo("not available from this endpoint (UnknownOperationException)");
    }

    @Test
    void waiting_for_pitr_on_an_answer_without_its_fields_ends_at_once() {
        endpoint.answer("DescribeContinuousBackups", CannedEndpoint.Answer.json("{}"));
        TableWaiter waiter = new TableWaiter(endpoint.tables(), duration -> { throw new AssertionError("slept " + duration); });

        assertThat(waiter.untilPointInTimeRecovery(TABLE, true, POLICY, WaitListener.NONE).why())
                .isEqualTo("not available from this endpoint (answer without its fields)");
    }

    @Test
    void a_setting_the_endpoint_has_no_operation_for_is_skipped_with_a_warning() {
        // dynalite: DescribeTimeToLive answers, UpdateTimeToLive is UnknownOperationException.
        endpoint.answer("DescribeTimeToLive", CannedEndpoint.Answer.json("{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"DISABLED\"}}"));
        DynamoDbTables tables = endpoint.tables();
        TableProvisioner provisioner = new TableProvisioner(tables, new TableWaiter(tables, WaitClock.SYSTEM), WaitClock.SYSTEM);

        ProvisionResult.Done result = (ProvisionResult.Done) provisioner.provision(SpecParserTest.parse("name", TABLE, "pk", "id:S", "ttl-attribute", "expires"),
                POLICY, new TableProvisioner.Options(true, PlanOptions.NONE), WaitListener.NONE);

        assertThat(result.outcome()).isEqualTo(ProvisionResult.Done.Outcome.EXISTS);
        assertThat(result.changes()).isEmpty();
        assertThat(result.skipped()).containsExactly(
                "TTL: off -> on (attribute expires): not available from this endpoint (UnknownOperationException); not applied");
        assertThat(endpoint.calls("UpdateTimeToLive")).isEqualTo(1);
    }

    @Test
    void a_setting_applied_but_not_reported_is_not_waited_for() {
        // DescribeTimeToLive answers DISABLED, then, once UpdateTimeToLive has been sent, nothing it can tell.
        endpoint.answer("DescribeTimeToLive", CannedEndpoint.Answer.json("{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"DISABLED\"}}"),
                        CannedEndpoint.Answer.html(501))
                .answer("UpdateTimeToLive", CannedEndpoint.Answer.json("{\"TimeToLiveSpecification\":{\"Enabled\":true,\"AttributeName\":\"expires\"}}"));
        DynamoDbTables tables = endpoint.tables();
        TableProvisioner provisioner = new TableProvisioner(tables, new TableWaiter(tables, WaitClock.SYSTEM), WaitClock.SYSTEM);

        ProvisionResult.Done result = (ProvisionResult.Done) provisioner.provision(SpecParserTest.parse("name", TABLE, "pk", "id:S", "ttl-attribute", "expires"),
                POLICY, new TableProvisioner.Options(true, PlanOptions.NONE), WaitListener.NONE);

        assertThat(result.outcome()).isEqualTo(ProvisionResult.Done.Outcome.UPDATED);
        assertThat(result.changes()).containsExactly("TTL: off -> on (attribute expires)");
        assertThat(result.skipped()).containsExactly("TTL: off -> on (attribute expires): not available from this endpoint (HTTP 501); not waited for");
    }
}
