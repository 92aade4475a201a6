package dev.dynoctl.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * {@link TablePlanner#plan}: one declared table against the table as read, as plain values (no endpoint). Every test
 * checks the whole plan: action, steps (as printed), blockers and skipped settings.
 */
class TablePlannerTest {
    private static final String NAME = "Orders";

    // --- declarations -------------------------------------------------------------------------------------------

    /** Orders keyed by id (S), on demand, plus the given settings (pairs: setting, value, ...). */
    private static TableSpec declared(String... settings) {
        List<String> pairs = new ArrayList<>(List.of("name", NAME, "pk", "id:S"));
        pairs.addAll(Arrays.asList(settings));
        return SpecParserTest.parse(pairs.toArray(String[]::new));
    }

    // --- tables as read -----------------------------------------------------------------------------------------

    /** An ACTIVE on-demand table; keys as NAME:TYPE, the first the partition key, the second (if any) the sort key. */
    private static TableDescription.Builder table(String... keys) {
        List<KeySchemaElement> schema = new ArrayList<>();
        List<AttributeDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            String[] key = keys[i].split(":");
            schema.add(KeySchemaElement.builder().attributeName(key[0]).keyType(i == 0 ? KeyType.HASH : KeyType.RANGE).build());
            definitions.add(definition(key[0], key[1]));
        }
        return TableDescription.builder().tableName(NAME).tableArn("arn:aws:dynamodb:us-east-1:123456789012:table/" + NAME)
                .tableStatus("ACTIVE").keySchema(schema).attributeDefinitions(definitions)
                .billingModeSummary(b -> b.billingMode("PAY_PER_REQUEST"))
                .provisionedThroughput(p -> p.readCapacityUnits(0L).writeCapacityUnits(0L))
                .deletionProtectionEnabled(false); // DynamoDB always reports it
    }

    private static AttributeDefinition definition(String attribute, String type) {
        return AttributeDefinition.builder().attributeName(attribute).attributeType(type).build();
    }

    /** The table keyed like {@link #declared}: id (S). */
    private static TableDescription.Builder table() {
        return table("id:S");
    }

    /** The table with nothing read besides DescribeTable. */
    private static TableState state(TableDescription.Builder table) {
        return new TableState(table.build(), Lookup.notRead(), Lookup.notRead(), Lookup.notRead(), Lookup.notRead(),
                Lookup.notRead());
    }

    private static TableState withTtl(TableState s, Lookup<TimeToLiveDescription> ttl) {
        return new TableState(s.table(), ttl, s.continuousBackups(), s.tags(), s.contributorInsights(), s.resourcePolicy());
    }

    private static TableState withBackups(TableState s, Lookup<ContinuousBackupsDescription> backups) {
        return new TableState(s.table(), s.timeToLive(), backups, s.tags(), s.contributorInsights(), s.resourcePolicy());
    }

    private static TableState withTags(TableState s, Map<String, String> tags) {
        return new TableState(s.table(), s.timeToLive(), s.continuousBackups(), Lookup.found(tags), s.contributorInsights(),
                s.resourcePolicy());
    }

    private static TableState withContributorInsights(TableState s, Lookup<String> status) {
        return new TableState(s.table(), s.timeToLive(), s.continuousBackups(), s.tags(), status, s.resourcePolicy());
    }

    private static Lookup<TimeToLiveDescription> ttl(String status, String attribute) {
        return Lookup.found(TimeToLiveDescription.builder().timeToLiveStatus(status).attributeName(attribute).build());
    }

    private static Lookup<ContinuousBackupsDescription> pitr(String status, Integer recoveryDays) {
        return Lookup.found(ContinuousBackupsDescription.builder().continuousBackupsStatus("ENABLED")
                .pointInTimeRecoveryDescription(p -> p.pointInTimeRecoveryStatus(status).recoveryPeriodInDays(recoveryDays))
                .build());
    }

    private static GlobalSecondaryIndexDescription index(String name, String partitionKey) {
        return GlobalSecondaryIndexDescription.builder().indexName(name).indexStatus("ACTIVE")
                .keySchema(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build())
                .projection(p -> p.projectionType("ALL")).build();
    }

    // --- planning and checking ----------------------------------------------------------------------------------

    private static TablePlan plan(TableSpec spec, TableState state) {
        return TablePlanner.plan(spec, Optional.of(state), PlanOptions.NONE);
    }

    private static TablePlan planAddingIndexes(TableSpec spec, TableState state) {
        return TablePlanner.plan(spec, Optional.of(state), PlanOptions.NONE);
    }

    private static void assertInSync(TablePlan plan, String... skipped) {
        assertThat(plan.action()).isEqualTo(TablePlan.Action.IN_SYNC);
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.blockers()).isEmpty();
        assertThat(plan.skipped()).containsExactly(skipped);
    }

    private static void assertChange(TablePlan plan, String... steps) {
        assertThat(plan.action()).isEqualTo(TablePlan.Action.CHANGE);
        assertThat(plan.steps()).extracting(Step::toString).containsExactly(steps);
        assertThat(plan.blockers()).isEmpty();
        assertThat(plan.skipped()).isEmpty();
    }

    /** Blocked by exactly this one difference, nothing else planned; returns it. */
    private static Difference assertBlockedBy(TablePlan plan, String blocker) {
        assertThat(plan.action()).isEqualTo(TablePlan.Action.BLOCKED);
        assertThat(plan.blockers()).extracting(Difference::toString).containsExactly(blocker);
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.skipped()).isEmpty();
        return plan.blockers().get(0);
    }

    // --- create and in sync -------------------------------------------------------------------------------------

    @Test
    void an_absent_table_is_created_without_steps() {
        TablePlan plan = TablePlanner.plan(declared("ttl-attribute", "expires", "pitr", "true"), Optional.empty(), PlanOptions.NONE);

        assertThat(plan.table()).isEqualTo(NAME);
        assertThat(plan.action()).isEqualTo(TablePlan.Action.CREATE);
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.blockers()).isEmpty();
        assertThat(plan.skipped()).isEmpty();
        assertThat(plan.existing()).isEmpty();
        assertThat(plan.pending()).isTrue();
    }

    @Test
    void same_keys_and_billing_with_nothing_else_declared_is_in_sync() {
        TableState state = state(table());

        TablePlan plan = plan(declared(), state);

        assertInSync(plan);
        assertThat(plan.table()).isEqualTo(NAME);
        assertThat(plan.existing()).contains(state.table());
        assertThat(plan.pending()).isFalse();
    }

    @Test
    void a_table_that_already_has_every_declared_setting_is_in_sync() {
        TableSpec spec = declared("gsi", "ByEmail:email:S", "stream", "new_image", "deletion-protection", "true",
                "tag", "team=data", "ttl-attribute", "expires", "pitr", "true", "pitr-recovery-days", "14",
                "contributor-insights", "true");
        TableState state = state(table()
                .attributeDefinitions(definition("id", "S"), definition("email", "S"))
                .globalSecondaryIndexes(index("ByEmail", "email"))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_IMAGE"))
                .deletionProtectionEnabled(true));
        state = withTtl(state, ttl("ENABLED", "expires"));
        state = withBackups(state, pitr("ENABLED", 14));
        state = withTags(state, Map.of("team", "data", "other", "kept"));
        state = withContributorInsights(state, Lookup.found("ENABLED"));

        assertInSync(plan(spec, state));
    }

    // --- blocked ------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"DELETING", "ARCHIVED"})
    void a_table_that_never_becomes_active_again_is_blocked_by_its_status_alone(String status) {
        // The keys differ too: the status is the only blocker, nothing else is compared.
        TablePlan plan = plan(declared(), state(table("user:S").tableStatus(status)));

        Difference blocker = assertBlockedBy(plan, "status: declared ACTIVE, actual " + status + " (it never becomes ACTIVE again)");
        assertThat(blocker.requiresReplacement()).isFalse();
    }

    @Test
    void another_partition_key_name_requires_replacing_the_table() {
        Difference blocker = assertBlockedBy(plan(declared(), state(table("user:S"))),
                "partition key: declared id (S), actual user (S)");

        assertThat(blocker.requiresReplacement()).isTrue();
    }

    @Test
    void another_partition_key_type_requires_replacing_the_table() {
        Difference blocker = assertBlockedBy(plan(declared(), state(table("id:N"))),
                "partition key: declared id (S), actual id (N)");

        assertThat(blocker.requiresReplacement()).isTrue();
    }

    @Test
    void a_declared_sort_key_the_table_lacks_requires_replacing_the_table() {
        Difference blocker = assertBlockedBy(plan(declared("sk", "ts:N"), state(table("id:S"))),
                "sort key: declared ts (N), actual none");

        assertThat(blocker.requiresReplacement()).isTrue();
    }

    @Test
    void another_sort_key_type_requires_replacing_the_table() {
        Difference blocker = assertBlockedBy(plan(declared("sk", "ts:N"), state(table("id:S", "ts:S"))),
                "sort key: declared ts (N), actual ts (S)");

        assertThat(blocker.requiresReplacement()).isTrue();
    }

    @Test
    void a_declared_local_index_the_table_lacks_requires_replacing_the_table() {
        Difference blocker = assertBlockedBy(plan(declared("sk", "ts:N", "lsi", "ByDay:day:S"), state(table("id:S", "ts:N"))),
                "local secondary index ByDay: declared keys id (S), day (S), projection ALL, actual none");

        assertThat(blocker.requiresReplacement()).isTrue();
    }

    @Test
    void another_billing_mode_is_blocked_without_requiring_replacement() {
        TableSpec provisioned = declared("billing-mode", "provisioned", "read-capacity", "5", "write-capacity", "5");

        Difference blocker = assertBlockedBy(plan(provisioned, state(table())),
                "billing mode: declared provisioned (read 5, write 5), actual on-demand");

        assertThat(blocker.requiresReplacement()).isFalse();
    }

    // --- one setting changed in place ---------------------------------------------------------------------------

    @Test
    void ttl_declared_on_a_table_with_ttl_disabled_is_enabled() {
        TablePlan plan = plan(declared("ttl-attribute", "expires"), withTtl(state(table()), ttl("DISABLED", null)));

        assertChange(plan, "TTL: off -> on (attribute expires)");
        assertThat(plan.steps().get(0).change()).isEqualTo(new Change.TimeToLive(true, "expires"));
    }

    @Test
    void ttl_enabled_on_another_attribute_is_blocked() {
        TablePlan plan = plan(declared("ttl-attribute", "expires"), withTtl(state(table()), ttl("ENABLED", "valid_until")));

        Difference blocker = assertBlockedBy(plan, "TTL attribute: declared expires, actual valid_until "
                + "(ENABLED; DynamoDB allows one TTL change per hour: disable it first)");
        assertThat(blocker.requiresReplacement()).isFalse();
    }

    @Test
    void ttl_being_disabled_on_the_declared_attribute_is_blocked() {
        // Not "off": DynamoDB refuses to enable TTL again until the disabling is done.
        TablePlan plan = plan(declared("ttl-attribute", "expires"), withTtl(state(table()), ttl("DISABLING", "expires")));

        assertBlockedBy(plan, "TTL attribute: declared expires, actual expires "
                + "(DISABLING; DynamoDB allows one TTL change per hour: disable it first)");
    }

    @Test
    void pitr_declared_on_a_table_with_pitr_disabled_is_enabled() {
        TablePlan plan = plan(declared("pitr", "true"), withBackups(state(table()), pitr("DISABLED", null)));

        assertChange(plan, "point-in-time recovery: off -> on");
    }

    @Test
    void another_pitr_recovery_period_is_changed() {
        TableSpec spec = declared("pitr", "true", "pitr-recovery-days", "14");

        TablePlan plan = plan(spec, withBackups(state(table()), pitr("ENABLED", 35)));

        assertChange(plan, "point-in-time recovery: on (35 days) -> on (14 days)");
        assertThat(plan.steps().get(0).change()).isEqualTo(new Change.PointInTimeRecovery(true, Optional.of(14)));
    }

    @Test
    void deletion_protection_declared_on_a_table_without_it_is_turned_on() {
        TablePlan plan = plan(declared("deletion-protection", "true"), state(table().deletionProtectionEnabled(false)));

        assertChange(plan, "deletion protection: off -> on");
    }

    @Test
    void missing_and_different_tags_are_one_step_naming_both() {
        TableSpec spec = declared("tag", "team=data", "tag", "env=prod", "tag", "owner=ops");
        TableState state = withTags(state(table()), Map.of("team", "core", "owner", "ops", "extra", "ignored"));

        TablePlan plan = plan(spec, state);

        // Declared order; the tag already right (owner) and the undeclared one (extra) are not mentioned.
        assertChange(plan, "tags: team=core, env unset -> team=data, env=prod");
        assertThat(plan.steps().get(0).change()).isEqualTo(new Change.AddTags(Map.of("team", "data", "env", "prod")));
    }

    @Test
    void a_declared_stream_on_a_table_without_one_is_enabled() {
        TablePlan plan = plan(declared("stream", "new_image"), state(table()));

        assertChange(plan, "stream: off -> NEW_IMAGE");
    }

    @Test
    void a_stream_with_another_view_type_is_blocked() {
        TableState state = state(table().streamSpecification(s -> s.streamEnabled(true).streamViewType("KEYS_ONLY")));

        Difference blocker = assertBlockedBy(plan(declared("stream", "new_image"), state),
                "stream: declared NEW_IMAGE, actual KEYS_ONLY (changing the view type replaces the stream: disable it first)");
        assertThat(blocker.requiresReplacement()).isFalse();
    }

    @Test
    void contributor_insights_declared_on_a_table_with_them_disabled_are_enabled() {
        TablePlan plan = plan(declared("contributor-insights", "true"),
                withContributorInsights(state(table()), Lookup.found("DISABLED")));

        assertChange(plan, "contributor insights: off -> on");
    }

    // --- global secondary indexes -------------------------------------------------------------------------------

    @Test
    void a_missing_global_index_is_blocked_without_add_missing_indexes() {
        Difference blocker = assertBlockedBy(plan(declared("gsi", "ByEmail:email:S"), state(table())),
                "global secondary index ByEmail: declared keys email (S), projection ALL, actual none (--add-missing-indexes adds it)");

        assertThat(blocker.requiresReplacement()).isFalse();
    }

    @Test
    void a_missing_global_index_is_a_step_with_add_missing_indexes() {
        TableSpec spec = declared("gsi", "ByEmail:email:S");

        TablePlan plan = planAddingIndexes(spec, state(table()));

        assertChange(plan, "global secondary index ByEmail: none -> keys email (S), projection ALL");
        assertThat(plan.steps().get(0).change()).isEqualTo(new Change.CreateIndex(spec.globalIndexes().get(0), spec.keyAttributes()));
    }

    // --- settings the endpoint cannot report --------------------------------------------------------------------

    @Test
    void aspects_the_endpoint_cannot_report_are_skipped_not_planned() {
        TableState state = withBackups(withTtl(state(table()), Lookup.notAvailable("UnknownOperationException")), Lookup.denied());

        TablePlan plan = plan(declared("ttl-attribute", "expires", "pitr", "true"), state);

        assertInSync(plan,
                "TTL: not available from this endpoint (UnknownOperationException); not compared or applied",
                "point-in-time recovery: not permitted to read it (AccessDeniedException); not compared or applied");
    }

    @Test
    void a_skipped_aspect_does_not_hide_the_other_steps() {
        TableState state = withContributorInsights(withTtl(state(table()), ttl("DISABLED", null)),
                Lookup.notAvailable("HTTP 501"));

        TablePlan plan = plan(declared("ttl-attribute", "expires", "contributor-insights", "true"), state);

        assertThat(plan.action()).isEqualTo(TablePlan.Action.CHANGE);
        assertThat(plan.steps()).extracting(Step::toString).containsExactly("TTL: off -> on (attribute expires)");
        assertThat(plan.blockers()).isEmpty();
        assertThat(plan.skipped()).containsExactly(
                "contributor insights: not available from this endpoint (HTTP 501); not compared or applied");
    }

    @Test
    void infrequent_access_class_without_a_class_summary_is_skipped_and_in_sync() {
        TablePlan plan = plan(declared("table-class", "standard-ia"), state(table()));

        assertInSync(plan, "table class: not reported by this endpoint; not compared");
    }

    // --- several steps ------------------------------------------------------------------------------------------

    /**
     * Apply executes the steps in this order, which is SpecComparison's, not the declaration's: the UpdateTable
     * changes first (global indexes, stream, deletion protection), then tags, then the follow-ups that have their own
     * calls (TTL, point-in-time recovery, contributor insights).
     */
    @Test
    void steps_come_as_indexes_stream_deletion_protection_tags_ttl_pitr_contributor_insights() {
        TableSpec spec = declared("contributor-insights", "true", "pitr", "true", "ttl-attribute", "expires",
                "tag", "team=data", "deletion-protection", "true", "stream", "new_image",
                "gsi", "ByEmail:email:S", "gsi", "ByDay:day:S");
        TableState state = state(table().deletionProtectionEnabled(false));
        state = withTtl(state, ttl("DISABLED", null));
        state = withBackups(state, pitr("DISABLED", null));
        state = withTags(state, Map.of());
        state = withContributorInsights(state, Lookup.found("DISABLED"));

        TablePlan plan = planAddingIndexes(spec, state);

        assertChange(plan,
                "global secondary index ByEmail: none -> keys email (S), projection ALL",
                "global secondary index ByDay: none -> keys day (S), projection ALL",
                "stream: off -> NEW_IMAGE",
                "deletion protection: off -> on",
                "tags: team unset -> team=data",
                "TTL: off -> on (attribute expires)",
                "point-in-time recovery: off -> on",
                "contributor insights: off -> on");
    }

    @Test
    void a_matching_table_that_is_still_creating_is_waited_for() {
        TablePlan plan = plan(declared(), state(table().tableStatus("CREATING")));

        assertThat(plan.action()).isEqualTo(TablePlan.Action.WAIT);
        assertThat(plan.pending()).as("apply waits for it").isTrue();
        assertThat(plan.steps()).isEmpty();
    }

    @Test
    void a_matching_table_whose_index_is_still_being_built_is_waited_for() {
        TablePlan plan = plan(declared("gsi", "ByEmail:email:S"), state(table("id:S").attributeDefinitions(definition("id", "S"),
                definition("email", "S")).globalSecondaryIndexes(index("ByEmail", "email").toBuilder().indexStatus("CREATING").build())));

        assertThat(plan.action()).isEqualTo(TablePlan.Action.WAIT);
    }

    @Test
    void an_endpoint_that_does_not_report_deletion_protection_gets_neither_it_nor_a_stream_compared() {
        TablePlan plan = plan(declared("deletion-protection", "true", "stream", "NEW_IMAGE"),
                state(table().deletionProtectionEnabled(null)));

        assertInSync(plan, "deletion protection: not reported by this endpoint; not compared",
                "stream: not reported by this endpoint; not compared");
    }
}
