package dev.dynoctl.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TableClassSummary;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** A setting an endpoint accepted but leaves out of DescribeTable: decided from the answer, not from the endpoint. */
class NotReportedSettingsTest {
    private static final TableDescription WITHOUT_SUMMARY = TableDescription.builder().tableName("Things")
            .tableArn("arn:aws:dynamodb:us-east-1:123456789012:table/Things").tableStatus("ACTIVE")
            .keySchema(k -> k.attributeName("id").keyType("HASH")).attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
            .billingModeSummary(b -> b.billingMode("PAY_PER_REQUEST")).build();

    private static Plan plan(String tableClass, TableDescription table) {
        TableSpec spec = SpecParserTest.parse("name", "Things", "pk", "id:S", "table-class", tableClass);
        return SpecComparison.plan(spec, new TableState(table, Lookup.notRead(), Lookup.notRead(), Lookup.notRead(),
                Lookup.notRead(), Lookup.notRead()), false, PlanOptions.NONE);
    }

    private static TableDescription withClass(String tableClass) {
        return WITHOUT_SUMMARY.toBuilder().tableClassSummary(TableClassSummary.builder().tableClass(tableClass).build()).build();
    }

    @Test
    void infrequent_access_without_a_class_summary_is_not_compared() {
        Plan plan = plan("standard-ia", WITHOUT_SUMMARY);

        assertThat(plan.differences()).isEmpty();
        assertThat(plan.skipped()).containsExactly("table class: not reported by this endpoint; not compared or applied");
    }

    @Test
    void standard_without_a_class_summary_is_in_sync() {
        // DynamoDB itself leaves the summary out for some STANDARD tables.
        Plan plan = plan("standard", WITHOUT_SUMMARY);

        assertThat(plan.differences()).isEmpty();
        assertThat(plan.skipped()).isEmpty();
    }

    @Test
    void a_reported_class_is_compared_and_changed_in_place() {
        assertThat(plan("standard-ia", withClass("STANDARD")).steps()).extracting(Step::toString)
                .containsExactly("table class: standard -> standard-ia");
        assertThat(plan("standard-ia", withClass("STANDARD_INFREQUENT_ACCESS")).steps()).isEmpty();
        assertThat(plan("standard", withClass("STANDARD_INFREQUENT_ACCESS")).steps()).extracting(Step::toString)
                .containsExactly("table class: standard-ia -> standard");
        assertThat(plan("standard", withClass("STANDARD_INFREQUENT_ACCESS")).steps().get(0).caution())
                .contains("DynamoDB allows 2 table class changes per table in 30 days");
    }

    @Test
    void encryption_is_compared_even_without_an_sse_description() {
        // Without SSEDescription DynamoDB means the AWS owned key: a declared KMS key differs.
        TableSpec spec = SpecParserTest.parse("name", "Things", "pk", "id:S", "sse", "aws-managed");
        Plan plan = SpecComparison.plan(spec, new TableState(WITHOUT_SUMMARY, Lookup.notRead(), Lookup.notRead(),
                Lookup.notRead(), Lookup.notRead(), Lookup.notRead()), false, PlanOptions.NONE);

        assertThat(plan.differences()).isEmpty();
        assertThat(plan.steps()).extracting(Step::toString).containsExactly("encryption: aws-owned -> aws-managed");
        assertThat(plan.steps().get(0).change()).isEqualTo(new Change.Encrypt(new Encryption.AwsManaged()));
    }

    @Test
    void a_stream_without_a_view_type_is_not_compared() {
        // moto accepts StreamEnabled without StreamViewType and describes it so.
        TableDescription table = WITHOUT_SUMMARY.toBuilder().deletionProtectionEnabled(false)
                .streamSpecification(stream -> stream.streamEnabled(true)).build();
        TableSpec spec = SpecParserTest.parse("name", "Things", "pk", "id:S", "stream", "KEYS_ONLY");

        Plan plan = SpecComparison.plan(spec, new TableState(table, Lookup.notRead(), Lookup.notRead(), Lookup.notRead(),
                Lookup.notRead(), Lookup.notRead()), false, PlanOptions.NONE);

        assertThat(plan.steps()).isEmpty();
        assertThat(plan.skipped()).containsExactly(
                "stream: not reported by this endpoint (a stream without a view type); not compared or applied");
    }

    @Test
    void ttl_enabled_without_its_attribute_is_not_compared() {
        TableSpec spec = SpecParserTest.parse("name", "Things", "pk", "id:S", "ttl-attribute", "expires");
        var ttl = software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription.builder().timeToLiveStatus("ENABLED").build();

        Plan plan = SpecComparison.plan(spec, new TableState(WITHOUT_SUMMARY, Lookup.found(ttl), Lookup.notRead(),
                Lookup.notRead(), Lookup.notRead(), Lookup.notRead()), false, PlanOptions.NONE);

        assertThat(plan.steps()).isEmpty();
        assertThat(plan.skipped()).containsExactly(
                "TTL: not reported by this endpoint (TTL on, without its attribute); not compared or applied");
    }
}
