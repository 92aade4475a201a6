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
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * {@link TablePlanner#plan}: one declared table against the table as read, as plain values (no endpoint). Every test
 * checks the whole plan: action, steps (as printed), blockers and skipped settings; where it matters also the calls
 * ({@link Plan#changes()} order: several steps can share one {@link Change.UpdateSettings}) and the cautions.
 */
class TablePlannerTest {
    private static final String NAME = "Orders";
    private static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/" + KEY_ID;
    /** 39 bytes. */
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
    /** 119 bytes. */
    private static final String DENY_DELETE_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Principal\":\"*\",\"Action\":\"dynamodb:DeleteTable\",\"Resource\":\"*\"}]}";

    private static final String TO_ON_DEMAND = "DynamoDB allows 4 switches to on-demand per table in 24 hours";
    private static final String DECREASE = "DynamoDB limits how often a table's capacity can be decreased in a day";
    private static final String TABLE_CLASS = "DynamoDB allows 2 table class changes per table in 30 days";
    private static final String TTL_CHANGE = "DynamoDB allows one TTL change per table per hour";
    private static final String PROTECTED = " (deletion protection is on: apply deletes nothing from a protected table; "
            + "turn it off first with a declaration that has deletion-protection: false and not this change)";

    private static final PlanOptions PRUNE_TAGS = new PlanOptions(true, false, false);
    private static final PlanOptions PRUNE_INDEXES = new PlanOptions(false, true, false);
    private static final PlanOptions REBUILD_INDEXES = new PlanOptions(false, false, true);

    // --- declarations -------------------------------------------------------------------------------------------

    /** Orders keyed by id (S), on demand, plus the given settings (pairs: spec-file key, value, ...). */
    private static TableSpec declared(String... settings) {
        List<String> pairs = new ArrayList<>(List.of("name", NAME, "pk", "id:S"));
        pairs.addAll(Arrays.asList(settings));
        return SpecParserTest.parse(pairs.toArray(String[]::new));
    }

    /** Orders keyed by id (S), provisioned with this capacity, plus the given settings. */
    private static TableSpec declaredProvisioned(long read, long write, String... settings) {
        List<String> pairs = new ArrayList<>(List.of("billing-mode", "provisioned", "read-capacity", String.valueOf(read),
                "write-capacity", String.valueOf(write)));
        pairs.addAll(Arrays.asList(settings));
        return declared(pairs.toArray(String[]::new));
    }

    // --- tables as read -----------------------------------------------------------------------------------------

    /** An ACTIVE on-demand table; keys as NAME:TYPE, the first the partition key, the second (if any) the sort key. */
    private static TableDescription.Builder table(String... keys) {
        List<KeySchemaElement> schema = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            schema.add(key(keys[i].split(":")[0], i == 0 ? KeyType.HASH : KeyType.RANGE));
        }
        return TableDescription.builder().tableName(NAME).tableArn("arn:aws:dynamodb:us-east-1:123456789012:table/" + NAME)
                .tableStatus("ACTIVE").keySchema(schema).attributeDefinitions(definitions(keys))
                .billingModeSummary(b -> b.billingMode("PAY_PER_REQUEST"))
                .provisionedThroughput(p -> p.readCapacityUnits(0L).writeCapacityUnits(0L))
                .deletionProtectionEnabled(false); // DynamoDB always reports it
    }

    /** The table keyed like {@link #declared}: id (S). */
    private static TableDescription.Builder table() {
        return table("id:S");
    }

    /** The table keyed by id (S), provisioned with this capacity. */
    private static TableDescription.Builder provisioned(long read, long write) {
        return table().billingModeSummary(b -> b.billingMode("PROVISIONED"))
                .provisionedThroughput(p -> p.readCapacityUnits(read).writeCapacityUnits(write));
    }

    /** AttributeDefinitions of NAME:TYPE keys. */
    private static List<AttributeDefinition> definitions(String... keys) {
        return Arrays.stream(keys).map(k -> k.split(":"))
                .map(k -> AttributeDefinition.builder().attributeName(k[0]).attributeType(k[1]).build()).toList();
    }

    private static KeySchemaElement key(String attribute, KeyType type) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
    }

    /** An ACTIVE global index projecting ALL, keyed by these attribute names (partition key, then sort key if any). */
    private static GlobalSecondaryIndexDescription index(String name, String... keys) {
        List<KeySchemaElement> schema = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            schema.add(key(keys[i], i == 0 ? KeyType.HASH : KeyType.RANGE));
        }
        return GlobalSecondaryIndexDescription.builder().indexName(name).indexStatus("ACTIVE").keySchema(schema)
                .projection(p -> p.projectionType("ALL")).build();
    }

    private static GlobalSecondaryIndexDescription withStatus(GlobalSecondaryIndexDescription index, String status) {
        return index.toBuilder().indexStatus(status).build();
    }

    private static GlobalSecondaryIndexDescription withCapacity(GlobalSecondaryIndexDescription index, long read, long write) {
        return index.toBuilder().provisionedThroughput(p -> p.readCapacityUnits(read).writeCapacityUnits(write)).build();
    }

    /** A local index of the table keyed id (S) with this sort key attribute. */
    private static LocalSecondaryIndexDescription localIndex(String name, String sortKey, String projection) {
        return LocalSecondaryIndexDescription.builder().indexName(name)
                .keySchema(key("id", KeyType.HASH), key(sortKey, KeyType.RANGE))
                .projection(p -> p.projectionType(projection)).build();
    }

    private static TableDescription.Builder withStream(TableDescription.Builder table, String view) {
        return table.streamSpecification(s -> s.streamEnabled(true).streamViewType(view));
    }

    private static TableDescription.Builder withKmsKey(TableDescription.Builder table, String keyArn) {
        return table.sseDescription(s -> s.status("ENABLED").sseType("KMS").kmsMasterKeyArn(keyArn));
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
        return withTags(s, Lookup.found(tags));
    }

    private static TableState withTags(TableState s, Lookup<Map<String, String>> tags) {
        return new TableState(s.table(), s.timeToLive(), s.continuousBackups(), tags, s.contributorInsights(), s.resourcePolicy());
    }

    private static TableState withContributorInsights(TableState s, Lookup<String> status) {
        return new TableState(s.table(), s.timeToLive(), s.continuousBackups(), s.tags(), status, s.resourcePolicy());
    }

    /** @param policy the table's policy, or null for a table without one */
    private static TableState withPolicy(TableState s, String policy) {
        return new TableState(s.table(), s.timeToLive(), s.continuousBackups(), s.tags(), s.contributorInsights(),
                Lookup.found(Optional.ofNullable(policy)));
    }

    private static Lookup<TimeToLiveDescription> ttl(String status, String attribute) {
        return Lookup.found(TimeToLiveDescription.builder().timeToLiveStatus(status).attributeName(attribute).build());
    }

    private static Lookup<ContinuousBackupsDescription> pitr(String status, Integer recoveryDays) {
        return Lookup.found(ContinuousBackupsDescription.builder().continuousBackupsStatus("ENABLED")
                .pointInTimeRecoveryDescription(p -> p.pointInTimeRecoveryStatus(status).recoveryPeriodInDays(recoveryDays))
                .build());
    }

    // --- the calls expected -------------------------------------------------------------------------------------

    private static Change.UpdateSettings billingUpdate(Billing billing, Map<String, Throughput> indexCapacity) {
        return new Change.UpdateSettings(Optional.of(billing), indexCapacity, Map.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Change.UpdateSettings indexCapacityUpdate(Map<String, Throughput> indexCapacity) {
        return new Change.UpdateSettings(Optional.empty(), indexCapacity, Map.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Change.UpdateSettings onDemandMaxUpdate(Optional<UnitLimits> table, Map<String, UnitLimits> indexes) {
        return new Change.UpdateSettings(Optional.empty(), Map.of(), indexes, Optional.empty(), Optional.empty(),
                Optional.empty(), table, Optional.empty());
    }

    private static Change.UpdateSettings warmUpdate(UnitLimits warm) {
        return new Change.UpdateSettings(Optional.empty(), Map.of(), Map.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(warm));
    }

    private static Change.UpdateSettings streamUpdate(Toggle<StreamView> stream) {
        return new Change.UpdateSettings(Optional.empty(), Map.of(), Map.of(), Optional.of(stream), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Change.UpdateSettings tableClassUpdate(TableClass tableClass) {
        return new Change.UpdateSettings(Optional.empty(), Map.of(), Map.of(), Optional.empty(), Optional.of(tableClass),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Change.UpdateSettings protectionUpdate(boolean on) {
        return new Change.UpdateSettings(Optional.empty(), Map.of(), Map.of(), Optional.empty(), Optional.empty(),
                Optional.of(on), Optional.empty(), Optional.empty());
    }

    private static UnitLimits units(Long read, Long write) {
        return new UnitLimits(Optional.ofNullable(read), Optional.ofNullable(write));
    }

    // --- planning and checking ----------------------------------------------------------------------------------

    private static TablePlan plan(TableSpec spec, TableState state) {
        return plan(spec, state, PlanOptions.NONE);
    }

    private static TablePlan plan(TableSpec spec, TableState state, PlanOptions options) {
        return TablePlanner.plan(spec, Optional.of(state), options);
    }

    /** The calls of a plan's steps, in order (what apply makes), as {@link Plan#changes()} counts them. */
    private static List<Change> changes(TablePlan plan) {
        return new Plan(List.of(), plan.steps(), List.of()).changes();
    }

    private static void assertInSync(TablePlan plan, String... skipped) {
        assertThat(plan.action()).isEqualTo(TablePlan.Action.IN_SYNC);
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.blockers()).isEmpty();
        assertThat(plan.skipped()).containsExactly(skipped);
    }

    private static void assertChange(TablePlan plan, String... steps) {
        assertChangeSkipping(plan, List.of(steps));
    }

    private static void assertChangeSkipping(TablePlan plan, List<String> steps, String... skipped) {
        assertThat(plan.action()).isEqualTo(TablePlan.Action.CHANGE);
        assertThat(plan.steps()).extracting(Step::toString).containsExactlyElementsOf(steps);
        assertThat(plan.blockers()).isEmpty();
        assertThat(plan.skipped()).containsExactly(skipped);
    }

    /** A change of exactly these steps, all made by one call; returns it. */
    private static Change assertOneCall(TablePlan plan, String... steps) {
        assertChange(plan, steps);
        assertThat(changes(plan)).hasSize(1);
        return plan.steps().get(0).change();
    }

    /** The cautions of the plan's steps, in order; empty ones as null. */
    private static void assertCautions(TablePlan plan, String... cautions) {
        assertThat(plan.steps()).extracting(step -> step.caution().orElse(null)).containsExactly(cautions);
    }

    /** Blocked by exactly these differences, nothing planned. */
    private static List<Difference> assertBlocked(TablePlan plan, String... blockers) {
        assertThat(plan.action()).isEqualTo(TablePlan.Action.BLOCKED);
        // Without toString's "(requires replacing the table)": the tests assert requiresReplacement() themselves.
        assertThat(plan.blockers()).extracting(d -> d.setting() + ": declared " + d.declared() + ", actual " + d.actual()
                + d.remedy().map(remedy -> " (" + remedy + ")").orElse("")).containsExactly(blockers);
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.skipped()).isEmpty();
        return plan.blockers();
    }

    /** Blocked by exactly this one difference, nothing else planned; returns it. */
    private static Difference assertBlockedBy(TablePlan plan, String blocker) {
        return assertBlocked(plan, blocker).get(0);
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
        TableSpec spec = declared("sk", "ts:N", "gsi", "ByEmail:email:S", "lsi", "ByDay:day:S", "stream", "new_image",
                "deletion-protection", "true", "tag", "team=data", "ttl-attribute", "expires", "pitr", "true",
                "pitr-recovery-days", "14", "contributor-insights", "true", "table-class", "standard-ia", "sse", "kms:" + KEY_ID,
                "max-read-units", "100", "warm-read-units", "1000", "resource-policy", POLICY);
        TableDescription.Builder table = withKmsKey(withStream(table("id:S", "ts:N"), "NEW_IMAGE"), KEY_ARN)
                .attributeDefinitions(definitions("id:S", "ts:N", "email:S", "day:S"))
                .globalSecondaryIndexes(index("ByEmail", "email"))
                .localSecondaryIndexes(localIndex("ByDay", "day", "ALL"))
                .deletionProtectionEnabled(true)
                .tableClassSummary(c -> c.tableClass("STANDARD_INFREQUENT_ACCESS"))
                .onDemandThroughput(o -> o.maxReadRequestUnits(100L).maxWriteRequestUnits(-1L))
                .warmThroughput(w -> w.readUnitsPerSecond(12000L).writeUnitsPerSecond(4000L).status("ACTIVE"));
        TableState state = withTtl(state(table), ttl("ENABLED", "expires"));
        state = withBackups(state, pitr("ENABLED", 14));
        state = withTags(state, Map.of("team", "data", "other", "kept"));
        state = withContributorInsights(state, Lookup.found("ENABLED"));
        state = withPolicy(state, POLICY);

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
    void a_blocked_table_gets_none_of_its_in_place_steps() {
        // TTL alone would be a step; the other partition key blocks the table, and a blocked table is not changed at all.
        TablePlan plan = plan(declared("ttl-attribute", "expires"), withTtl(state(table("id:N")), ttl("DISABLED", null)));

        assertBlockedBy(plan, "partition key: declared id (S), actual id (N)");
    }

    // --- local secondary indexes: fixed at CreateTable ----------------------------------------------------------

    @Test
    void a_declared_local_index_the_table_lacks_requires_replacing_the_table() {
        Difference blocker = assertBlockedBy(plan(declared("sk", "ts:N", "lsi", "ByDay:day:S"), state(table("id:S", "ts:N"))),
                "local secondary index ByDay: declared keys id (S), day (S), projection ALL, actual none");

        assertThat(blocker.requiresReplacement()).isTrue();
    }

    @Test
    void a_local_index_the_declaration_lacks_requires_replacing_the_table() {
        TableState state = state(table("id:S", "ts:N").attributeDefinitions(definitions("id:S", "ts:N", "day:S"))
                .localSecondaryIndexes(localIndex("ByDay", "day", "ALL")));

        // Even with --prune-indexes: that deletes global indexes only.
        Difference blocker = assertBlockedBy(plan(declared("sk", "ts:N"), state, PRUNE_INDEXES),
                "local secondary index ByDay: declared none, actual keys id (S), day (S), projection ALL");

        assertThat(blocker.requiresReplacement()).isTrue();
    }

    @Test
    void a_local_index_with_another_projection_requires_replacing_the_table() {
        TableState state = state(table("id:S", "ts:N").attributeDefinitions(definitions("id:S", "ts:N", "day:S"))
                .localSecondaryIndexes(localIndex("ByDay", "day", "ALL")));

        Difference blocker = assertBlockedBy(plan(declared("sk", "ts:N", "lsi", "ByDay:day:S:projection=keys_only"), state,
                        REBUILD_INDEXES),
                "local secondary index ByDay: declared keys id (S), day (S), projection KEYS_ONLY, "
                        + "actual keys id (S), day (S), projection ALL");

        assertThat(blocker.requiresReplacement()).isTrue();
    }

    @Test
    void a_local_index_with_another_sort_key_type_requires_replacing_the_table() {
        TableState state = state(table("id:S", "ts:N").attributeDefinitions(definitions("id:S", "ts:N", "day:N"))
                .localSecondaryIndexes(localIndex("ByDay", "day", "ALL")));

        Difference blocker = assertBlockedBy(plan(declared("sk", "ts:N", "lsi", "ByDay:day:S"), state),
                "local secondary index ByDay: declared keys id (S), day (S), projection ALL, "
                        + "actual keys id (S), day (N), projection ALL");

        assertThat(blocker.requiresReplacement()).isTrue();
    }

    @Test
    void other_table_keys_and_a_local_index_are_all_named_and_all_require_replacement() {
        TableState state = state(table("id:S", "ts:S").attributeDefinitions(definitions("id:S", "ts:S", "day:S"))
                .localSecondaryIndexes(localIndex("ByDay", "day", "ALL")));

        List<Difference> blockers = assertBlocked(plan(declared("sk", "ts:N", "lsi", "ByWeek:week:S"), state),
                "sort key: declared ts (N), actual ts (S)",
                "local secondary index ByDay: declared none, actual keys id (S), day (S), projection ALL",
                "local secondary index ByWeek: declared keys id (S), week (S), projection ALL, actual none");

        assertThat(blockers).allMatch(Difference::requiresReplacement);
    }

    // --- billing and capacity -----------------------------------------------------------------------------------

    @Test
    void an_on_demand_table_declared_provisioned_gives_every_kept_index_its_capacity_in_the_same_call() {
        TableSpec spec = declaredProvisioned(5, 5, "gsi", "ByEmail:email:S:rcu=2:wcu=3", "gsi", "ByDay:day:S:rcu=4:wcu=1",
                "gsi", "ByStatus:status:S:rcu=1:wcu=1");
        TableState state = state(table().attributeDefinitions(definitions("id:S", "email:S", "day:S"))
                .globalSecondaryIndexes(index("ByEmail", "email"), index("ByDay", "day")));

        TablePlan plan = plan(spec, state);

        // ByStatus is created after the switch, with its own capacity in its CreateIndex.
        assertChange(plan,
                "billing mode: on-demand -> provisioned (read 5, write 5)",
                "global secondary index ByEmail capacity: none -> read 2, write 3",
                "global secondary index ByDay capacity: none -> read 4, write 1",
                "global secondary index ByStatus: none -> keys status (S), projection ALL");
        assertCautions(plan, null, null, null, null);
        assertThat(changes(plan)).containsExactly(
                billingUpdate(new Billing.Provisioned(5, 5), Map.of("ByEmail", new Throughput(2, 3), "ByDay", new Throughput(4, 1))),
                new Change.CreateIndex(spec.globalIndexes().get(2), spec.keyAttributes()));
        assertThat(new Plan(List.of(), plan.steps(), List.of()).stepsOf(changes(plan).get(0))).hasSize(3);
    }

    @Test
    void a_provisioned_table_declared_on_demand_is_switched_with_the_switch_limit_as_caution() {
        TableState state = state(provisioned(5, 5).attributeDefinitions(definitions("id:S", "email:S"))
                .globalSecondaryIndexes(withCapacity(index("ByEmail", "email"), 2, 3)));

        TablePlan plan = plan(declared("gsi", "ByEmail:email:S"), state);

        // The index's capacity goes with the table's: no step of its own.
        Change update = assertOneCall(plan, "billing mode: provisioned (read 5, write 5) -> on-demand");
        assertCautions(plan, TO_ON_DEMAND);
        assertThat(update).isEqualTo(billingUpdate(new Billing.OnDemand(), Map.of()));
    }

    @Test
    void more_provisioned_capacity_is_an_increase_without_caution() {
        TablePlan plan = plan(declaredProvisioned(10, 5), state(provisioned(5, 5)));

        Change update = assertOneCall(plan, "capacity: read 5, write 5 -> read 10, write 5");
        assertCautions(plan, (String) null);
        assertThat(update).isEqualTo(billingUpdate(new Billing.Provisioned(10, 5), Map.of()));
    }

    @Test
    void less_of_either_capacity_is_a_decrease_with_the_decrease_limit_as_caution() {
        // Write goes up, read goes down: it counts as a decrease.
        TablePlan plan = plan(declaredProvisioned(5, 20), state(provisioned(10, 10)));

        Change update = assertOneCall(plan, "capacity: read 10, write 10 -> read 5, write 20");
        assertCautions(plan, DECREASE);
        assertThat(update).isEqualTo(billingUpdate(new Billing.Provisioned(5, 20), Map.of()));
    }

    @Test
    void the_same_provisioned_capacity_is_in_sync() {
        assertInSync(plan(declaredProvisioned(5, 5), state(provisioned(5, 5))));
    }

    @Test
    void index_capacity_on_a_provisioned_table_is_changed_index_by_index_in_one_call() {
        TableSpec spec = declaredProvisioned(5, 5, "gsi", "ByEmail:email:S:rcu=4:wcu=1", "gsi", "ByDay:day:S:rcu=1:wcu=4",
                "gsi", "ByStatus:status:S:rcu=3:wcu=5", "gsi", "ByName:name:S:rcu=3:wcu=3");
        TableState state = state(provisioned(5, 5)
                .attributeDefinitions(definitions("id:S", "email:S", "day:S", "status:S", "name:S"))
                .globalSecondaryIndexes(withCapacity(index("ByEmail", "email"), 2, 2), withCapacity(index("ByDay", "day"), 4, 4),
                        withCapacity(index("ByStatus", "status"), 3, 3), withCapacity(index("ByName", "name"), 3, 3)));

        TablePlan plan = plan(spec, state);

        // Less write or less read is a decrease; ByName has its capacity already.
        Change update = assertOneCall(plan,
                "global secondary index ByEmail capacity: read 2, write 2 -> read 4, write 1",
                "global secondary index ByDay capacity: read 4, write 4 -> read 1, write 4",
                "global secondary index ByStatus capacity: read 3, write 3 -> read 3, write 5");
        assertCautions(plan, DECREASE, DECREASE, null);
        assertThat(update).isEqualTo(indexCapacityUpdate(Map.of("ByEmail", new Throughput(4, 1), "ByDay", new Throughput(1, 4),
                "ByStatus", new Throughput(3, 5))));
    }

    @Test
    void table_and_index_capacity_are_one_update_table() {
        TableState state = state(provisioned(5, 5).attributeDefinitions(definitions("id:S", "email:S"))
                .globalSecondaryIndexes(withCapacity(index("ByEmail", "email"), 2, 2)));

        TablePlan plan = plan(declaredProvisioned(10, 10, "gsi", "ByEmail:email:S:rcu=4:wcu=2"), state);

        Change update = assertOneCall(plan,
                "global secondary index ByEmail capacity: read 2, write 2 -> read 4, write 2",
                "capacity: read 5, write 5 -> read 10, write 10");
        assertThat(update).isEqualTo(billingUpdate(new Billing.Provisioned(10, 10), Map.of("ByEmail", new Throughput(4, 2))));
    }

    // --- on-demand maximum and warm throughput ------------------------------------------------------------------

    @Test
    void an_on_demand_maximum_on_a_table_without_one_is_set() {
        TablePlan plan = plan(declared("max-read-units", "100"), state(table()));

        Change update = assertOneCall(plan, "on-demand maximum throughput: read none -> read 100");
        assertThat(update).isEqualTo(onDemandMaxUpdate(Optional.of(units(100L, null)), Map.of()));
    }

    @Test
    void a_maximum_reported_as_minus_one_is_no_maximum() {
        TableState state = state(table().onDemandThroughput(o -> o.maxReadRequestUnits(-1L).maxWriteRequestUnits(-1L)));

        TablePlan plan = plan(declared("max-read-units", "100", "max-write-units", "50"), state);

        Change update = assertOneCall(plan, "on-demand maximum throughput: read none, write none -> read 100, write 50");
        assertThat(update).isEqualTo(onDemandMaxUpdate(Optional.of(units(100L, 50L)), Map.of()));
    }

    @Test
    void another_on_demand_maximum_is_changed() {
        TableState state = state(table().onDemandThroughput(o -> o.maxReadRequestUnits(200L).maxWriteRequestUnits(50L)));

        TablePlan plan = plan(declared("max-read-units", "100", "max-write-units", "50"), state);

        assertOneCall(plan, "on-demand maximum throughput: read 200, write 50 -> read 100, write 50");
    }

    @Test
    void only_the_declared_on_demand_maximum_figures_are_compared() {
        TableState state = state(table().onDemandThroughput(o -> o.maxReadRequestUnits(100L).maxWriteRequestUnits(50L)));

        assertInSync(plan(declared("max-read-units", "100"), state));
    }

    @Test
    void an_index_on_demand_maximum_is_set_in_the_update_table() {
        TableState state = state(table().attributeDefinitions(definitions("id:S", "email:S"))
                .globalSecondaryIndexes(index("ByEmail", "email").toBuilder()
                        .onDemandThroughput(o -> o.maxReadRequestUnits(50L).maxWriteRequestUnits(-1L)).build()));

        TablePlan plan = plan(declared("gsi", "ByEmail:email:S:max-rcu=50:max-wcu=20"), state);

        Change update = assertOneCall(plan, "global secondary index ByEmail on-demand maximum: read 50, write none -> read 50, write 20");
        assertThat(update).isEqualTo(onDemandMaxUpdate(Optional.empty(), Map.of("ByEmail", units(50L, 20L))));
    }

    @Test
    void more_warm_throughput_than_the_table_has_is_raised() {
        TableState state = state(table().warmThroughput(w -> w.readUnitsPerSecond(12000L).writeUnitsPerSecond(4000L)
                .status("ACTIVE")));

        TablePlan plan = plan(declared("warm-read-units", "20000"), state);

        Change update = assertOneCall(plan, "warm throughput: read 12000, write 4000 -> at least read 20000");
        assertCautions(plan, (String) null);
        assertThat(update).isEqualTo(warmUpdate(units(20000L, null)));
    }

    @Test
    void less_warm_throughput_than_the_table_has_is_in_sync_as_it_only_goes_up() {
        TableState state = state(table().warmThroughput(w -> w.readUnitsPerSecond(12000L).writeUnitsPerSecond(4000L)
                .status("ACTIVE")));

        assertInSync(plan(declared("warm-read-units", "2000", "warm-write-units", "4000"), state));
    }

    @Test
    void warm_throughput_the_endpoint_does_not_report_is_skipped() {
        assertInSync(plan(declared("warm-read-units", "20000"), state(table())),
                "warm read units: not reported by this endpoint; not compared or applied");
    }

    // --- stream -------------------------------------------------------------------------------------------------

    @Test
    void a_declared_stream_on_a_table_without_one_is_enabled() {
        TablePlan plan = plan(declared("stream", "new_image"), state(table()));

        Change update = assertOneCall(plan, "stream: off -> NEW_IMAGE");
        assertThat(update).isEqualTo(streamUpdate(Toggle.on(StreamView.NEW_IMAGE)));
    }

    @Test
    void a_stream_declared_off_is_disabled() {
        TablePlan plan = plan(declared("stream", "off"), state(withStream(table(), "KEYS_ONLY")));

        Change update = assertOneCall(plan, "stream: KEYS_ONLY -> off");
        assertThat(update).isEqualTo(streamUpdate(Toggle.off()));
    }

    @Test
    void another_view_type_is_the_stream_disabled_then_enabled_again_with_a_new_arn() {
        TablePlan plan = plan(declared("stream", "new_image"), state(withStream(table(), "KEYS_ONLY")));

        assertChange(plan,
                "stream: KEYS_ONLY -> off (its view type changes)",
                "stream: off -> NEW_IMAGE (a new stream, with a new ARN)");
        assertThat(changes(plan)).containsExactly(streamUpdate(Toggle.off()), new Change.EnableStream(StreamView.NEW_IMAGE));
    }

    @Test
    void a_stream_declared_off_on_a_table_without_one_is_in_sync() {
        assertInSync(plan(declared("stream", "off"), state(table())));
    }

    @Test
    void an_endpoint_that_does_not_report_deletion_protection_gets_neither_it_nor_a_stream_compared() {
        TablePlan plan = plan(declared("deletion-protection", "true", "stream", "NEW_IMAGE"),
                state(table().deletionProtectionEnabled(null)));

        assertInSync(plan, "stream: not reported by this endpoint; not compared or applied",
                "deletion protection: not reported by this endpoint; not compared or applied");
    }

    @Test
    void a_reported_stream_without_deletion_protection_has_the_stream_compared_and_protection_skipped() {
        // An endpoint that keeps streams but not deletion protection (older DynamoDB Local).
        TableState state = state(withStream(table(), "KEYS_ONLY").deletionProtectionEnabled(null));

        TablePlan plan = plan(declared("deletion-protection", "true", "stream", "KEYS_ONLY"), state);

        assertInSync(plan, "deletion protection: not reported by this endpoint; not compared or applied");
    }

    // --- TTL ----------------------------------------------------------------------------------------------------

    @Test
    void ttl_declared_on_a_table_with_ttl_disabled_is_enabled() {
        TablePlan plan = plan(declared("ttl-attribute", "expires"), withTtl(state(table()), ttl("DISABLED", null)));

        assertChange(plan, "TTL: off -> on (attribute expires)");
        assertCautions(plan, TTL_CHANGE);
        assertThat(changes(plan)).containsExactly(new Change.TimeToLive(true, "expires"));
    }

    @Test
    void ttl_declared_off_is_disabled_naming_the_attribute_it_is_on() {
        TablePlan plan = plan(declared("ttl-attribute", "off"), withTtl(state(table()), ttl("ENABLED", "expires")));

        assertChange(plan, "TTL: on (attribute expires) -> off");
        assertCautions(plan, TTL_CHANGE);
        assertThat(changes(plan)).containsExactly(new Change.TimeToLive(false, "expires"));
    }

    @Test
    void ttl_on_another_attribute_is_disabled_then_enabled_on_the_declared_one() {
        TablePlan plan = plan(declared("ttl-attribute", "expires"), withTtl(state(table()), ttl("ENABLED", "valid_until")));

        assertChange(plan, "TTL: on (attribute valid_until) -> off", "TTL: off -> on (attribute expires)");
        assertCautions(plan, TTL_CHANGE,
                TTL_CHANGE + ": this second change fails until an hour after the first; apply again then");
        assertThat(changes(plan)).containsExactly(new Change.TimeToLive(false, "valid_until"),
                new Change.TimeToLive(true, "expires"));
    }

    @Test
    void ttl_being_disabled_counts_as_off_so_the_declared_attribute_is_enabled() {
        TablePlan plan = plan(declared("ttl-attribute", "expires"), withTtl(state(table()), ttl("DISABLING", "expires")));

        assertChange(plan, "TTL: off -> on (attribute expires)");
        assertThat(changes(plan)).containsExactly(new Change.TimeToLive(true, "expires"));
    }

    @Test
    void ttl_being_disabled_is_in_sync_with_ttl_declared_off() {
        assertInSync(plan(declared("ttl-attribute", "off"), withTtl(state(table()), ttl("DISABLING", "expires"))));
    }

    @Test
    void ttl_being_enabled_on_the_declared_attribute_is_in_sync() {
        assertInSync(plan(declared("ttl-attribute", "expires"), withTtl(state(table()), ttl("ENABLING", "expires"))));
    }

    // --- table class, deletion protection, encryption -----------------------------------------------------------

    @Test
    void another_table_class_is_changed_with_the_class_change_limit_as_caution() {
        TableState state = state(table().tableClassSummary(c -> c.tableClass("STANDARD")));

        TablePlan plan = plan(declared("table-class", "standard-ia"), state);

        Change update = assertOneCall(plan, "table class: standard -> standard-ia");
        assertCautions(plan, TABLE_CLASS);
        assertThat(update).isEqualTo(tableClassUpdate(TableClass.STANDARD_INFREQUENT_ACCESS));
    }

    @Test
    void without_a_class_summary_dynamodb_means_standard_so_infrequent_access_is_a_step() {
        // DynamoDB leaves the summary out for a table whose class was never set.
        TablePlan plan = plan(declared("table-class", "standard-ia"), state(table()));

        assertOneCall(plan, "table class: standard -> standard-ia");
    }

    @Test
    void an_endpoint_reporting_no_table_settings_leaves_the_class_uncompared() {
        // dynalite: no DeletionProtectionEnabled, no class summary.
        TablePlan plan = plan(declared("table-class", "standard-ia"), state(table().deletionProtectionEnabled(null)));

        assertInSync(plan, "table class: not reported by this endpoint; not compared or applied");
    }

    @Test
    void the_standard_class_without_a_class_summary_is_in_sync_unmentioned() {
        // DynamoDB itself leaves the summary out for some STANDARD tables.
        assertInSync(plan(declared("table-class", "standard"), state(table())));
    }

    @Test
    void deletion_protection_declared_on_a_table_without_it_is_turned_on() {
        TablePlan plan = plan(declared("deletion-protection", "true"), state(table().deletionProtectionEnabled(false)));

        Change update = assertOneCall(plan, "deletion protection: off -> on");
        assertThat(update).isEqualTo(protectionUpdate(true));
    }

    @Test
    void deletion_protection_declared_off_on_a_protected_table_is_turned_off() {
        TablePlan plan = plan(declared("deletion-protection", "off"), state(table().deletionProtectionEnabled(true)));

        Change update = assertOneCall(plan, "deletion protection: on -> off");
        assertThat(update).isEqualTo(protectionUpdate(false));
    }

    @Test
    void a_kms_key_declared_on_a_table_with_the_aws_owned_key_is_set_in_a_call_of_its_own() {
        TablePlan plan = plan(declared("sse", "kms:" + KEY_ID), state(table()));

        assertChange(plan, "encryption: aws-owned -> kms:" + KEY_ID);
        assertThat(changes(plan)).containsExactly(new Change.Encrypt(new Encryption.Kms(KEY_ID)));
    }

    @ParameterizedTest
    @ValueSource(strings = {KEY_ID, KEY_ARN})
    void the_table_key_arn_matches_its_declared_key_id_or_arn(String declaredKey) {
        assertInSync(plan(declared("sse", "kms:" + declaredKey), state(withKmsKey(table(), KEY_ARN))));
    }

    @Test
    void another_kms_key_is_changed() {
        String other = "99999999-12ab-34cd-56ef-1234567890ab";

        TablePlan plan = plan(declared("sse", "kms:" + other), state(withKmsKey(table(), KEY_ARN)));

        assertChange(plan, "encryption: kms:" + KEY_ARN + " -> kms:" + other);
        assertThat(changes(plan)).containsExactly(new Change.Encrypt(new Encryption.Kms(other)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws-managed", "kms:alias/orders", "kms:arn:aws:kms:us-east-1:123456789012:alias/orders"})
    void an_aws_managed_key_or_an_alias_matches_any_kms_key_and_says_it_was_not_checked(String declaredKey) {
        assertInSync(plan(declared("sse", declaredKey), state(withKmsKey(table(), KEY_ARN))),
                "encryption: which KMS key (AWS managed, or which alias) is not checked without KMS; only that the table uses KMS");
    }

    @Test
    void the_aws_owned_key_declared_on_a_kms_table_is_set_back() {
        TablePlan plan = plan(declared("sse", "aws-owned"), state(withKmsKey(table(), KEY_ARN)));

        assertChange(plan, "encryption: kms:" + KEY_ARN + " -> aws-owned");
        assertThat(changes(plan)).containsExactly(new Change.Encrypt(new Encryption.AwsOwned()));
    }

    @Test
    void a_disabled_kms_description_is_the_aws_owned_key() {
        TableState state = state(table().sseDescription(s -> s.status("DISABLED").sseType("KMS").kmsMasterKeyArn(KEY_ARN)));

        assertInSync(plan(declared("sse", "aws-owned"), state));
    }

    // --- global secondary indexes -------------------------------------------------------------------------------

    @Test
    void a_missing_global_index_is_created() {
        TableSpec spec = declared("gsi", "ByEmail:email:S");

        TablePlan plan = plan(spec, state(table()));

        assertChange(plan, "global secondary index ByEmail: none -> keys email (S), projection ALL");
        assertThat(changes(plan)).containsExactly(new Change.CreateIndex(spec.globalIndexes().get(0), spec.keyAttributes()));
    }

    @Test
    void a_missing_index_is_created_on_a_protected_table_too() {
        TableSpec spec = declared("gsi", "ByEmail:email:S");

        TablePlan plan = plan(spec, state(table().deletionProtectionEnabled(true)), PRUNE_INDEXES);

        assertChange(plan, "global secondary index ByEmail: none -> keys email (S), projection ALL");
    }

    @Test
    void an_index_the_declaration_lacks_is_blocked_without_prune_indexes() {
        TableState state = state(table().attributeDefinitions(definitions("id:S", "old:S"))
                .globalSecondaryIndexes(index("ByOld", "old")));

        Difference blocker = assertBlockedBy(plan(declared(), state),
                "global secondary index ByOld: declared none, actual keys old (S), projection ALL (--prune-indexes deletes it)");

        assertThat(blocker.requiresReplacement()).isFalse();
    }

    @Test
    void an_index_the_declaration_lacks_is_deleted_with_prune_indexes() {
        TableState state = state(table().attributeDefinitions(definitions("id:S", "old:S"))
                .globalSecondaryIndexes(index("ByOld", "old")));

        TablePlan plan = plan(declared(), state, PRUNE_INDEXES);

        assertChange(plan, "global secondary index ByOld: keys old (S), projection ALL -> none");
        assertThat(changes(plan)).containsExactly(new Change.DeleteIndex("ByOld"));
    }

    @Test
    void an_index_with_other_keys_is_blocked_without_allow_index_rebuild() {
        TableState state = state(table().attributeDefinitions(definitions("id:S", "mail:S"))
                .globalSecondaryIndexes(index("ByEmail", "mail")));

        Difference blocker = assertBlockedBy(plan(declared("gsi", "ByEmail:email:S"), state, PRUNE_INDEXES),
                "global secondary index ByEmail: declared keys email (S), projection ALL, "
                        + "actual keys mail (S), projection ALL (--allow-index-rebuild deletes and re-creates it)");

        assertThat(blocker.requiresReplacement()).isFalse();
    }

    @Test
    void an_index_with_another_projection_is_blocked_without_allow_index_rebuild() {
        TableState state = state(table().attributeDefinitions(definitions("id:S", "email:S"))
                .globalSecondaryIndexes(index("ByEmail", "email").toBuilder()
                        .projection(p -> p.projectionType("INCLUDE").nonKeyAttributes("name")).build()));

        assertBlockedBy(plan(declared("gsi", "ByEmail:email:S:projection=include(name,total)"), state),
                "global secondary index ByEmail: declared keys email (S), projection INCLUDE(name,total), "
                        + "actual keys email (S), projection INCLUDE(name) (--allow-index-rebuild deletes and re-creates it)");
    }

    @Test
    void projected_attributes_in_another_order_are_the_same_projection() {
        TableState state = state(table().attributeDefinitions(definitions("id:S", "email:S"))
                .globalSecondaryIndexes(index("ByEmail", "email").toBuilder()
                        .projection(p -> p.projectionType("INCLUDE").nonKeyAttributes("total", "name")).build()));

        assertInSync(plan(declared("gsi", "ByEmail:email:S:projection=include(name,total)"), state));
    }

    @Test
    void an_index_with_other_keys_is_deleted_then_created_again_with_allow_index_rebuild() {
        TableSpec spec = declared("gsi", "ByEmail:email:S,ts:N");
        TableState state = state(table().attributeDefinitions(definitions("id:S", "email:S")).itemCount(1234L)
                .globalSecondaryIndexes(index("ByEmail", "email")));

        TablePlan plan = plan(spec, state, REBUILD_INDEXES);

        assertChange(plan,
                "global secondary index ByEmail: keys email (S), projection ALL -> none "
                        + "(re-created below: backfills the index from 1234 items again)",
                "global secondary index ByEmail: none -> keys email (S), ts (N), projection ALL");
        assertThat(changes(plan)).containsExactly(new Change.DeleteIndex("ByEmail"),
                new Change.CreateIndex(spec.globalIndexes().get(0), spec.keyAttributes()));
    }

    @Test
    void a_rebuild_of_a_table_without_an_item_count_backfills_every_item() {
        TableState state = state(table().attributeDefinitions(definitions("id:S", "email:S"))
                .globalSecondaryIndexes(index("ByEmail", "email")));

        TablePlan plan = plan(declared("gsi", "ByEmail:email:S:projection=keys_only"), state, REBUILD_INDEXES);

        assertChange(plan,
                "global secondary index ByEmail: keys email (S), projection ALL -> none "
                        + "(re-created below: backfills the index from every item again)",
                "global secondary index ByEmail: none -> keys email (S), projection KEYS_ONLY");
    }

    @Test
    void a_protected_table_gets_no_index_deleted_even_with_prune_indexes() {
        TableState state = state(table().deletionProtectionEnabled(true).attributeDefinitions(definitions("id:S", "old:S"))
                .globalSecondaryIndexes(index("ByOld", "old")));

        assertBlockedBy(plan(declared(), state, new PlanOptions(false, true, true)),
                "global secondary index ByOld: declared none, actual keys old (S), projection ALL" + PROTECTED);
    }

    @Test
    void a_protected_table_gets_no_index_rebuilt_even_with_allow_index_rebuild() {
        TableState state = state(table().deletionProtectionEnabled(true).attributeDefinitions(definitions("id:S", "mail:S"))
                .globalSecondaryIndexes(index("ByEmail", "mail")));

        assertBlockedBy(plan(declared("gsi", "ByEmail:email:S"), state, REBUILD_INDEXES),
                "global secondary index ByEmail: declared keys email (S), projection ALL, actual keys mail (S), projection ALL"
                        + PROTECTED);
    }

    @Test
    void an_index_being_deleted_is_gone_so_the_declared_one_of_that_name_is_created() {
        TableSpec spec = declared("gsi", "ByEmail:email:S");
        TableState state = state(table().attributeDefinitions(definitions("id:S", "mail:S"))
                .globalSecondaryIndexes(withStatus(index("ByEmail", "mail"), "DELETING")));

        TablePlan plan = plan(spec, state);

        // Apply waits for the table (and so for the deleting index) before the call.
        assertChange(plan, "global secondary index ByEmail: none -> keys email (S), projection ALL");
        assertThat(changes(plan)).containsExactly(new Change.CreateIndex(spec.globalIndexes().get(0), spec.keyAttributes()));
    }

    @Test
    void an_undeclared_index_being_deleted_is_no_difference_but_is_waited_for() {
        TableState state = state(table().attributeDefinitions(definitions("id:S", "old:S"))
                .globalSecondaryIndexes(withStatus(index("ByOld", "old"), "DELETING")));

        TablePlan plan = plan(declared(), state);

        assertThat(plan.action()).isEqualTo(TablePlan.Action.WAIT);
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.blockers()).isEmpty();
        assertThat(plan.skipped()).isEmpty();
    }

    @Test
    void a_matching_table_whose_index_is_still_being_built_is_waited_for() {
        TablePlan plan = plan(declared("gsi", "ByEmail:email:S"), state(table().attributeDefinitions(definitions("id:S", "email:S"))
                .globalSecondaryIndexes(withStatus(index("ByEmail", "email"), "CREATING"))));

        assertThat(plan.action()).isEqualTo(TablePlan.Action.WAIT);
        assertThat(plan.pending()).as("apply waits for it").isTrue();
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.blockers()).isEmpty();
        assertThat(plan.skipped()).isEmpty();
    }

    @Test
    void a_matching_table_that_is_still_creating_is_waited_for() {
        TablePlan plan = plan(declared(), state(table().tableStatus("CREATING")));

        assertThat(plan.action()).isEqualTo(TablePlan.Action.WAIT);
        assertThat(plan.pending()).as("apply waits for it").isTrue();
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.blockers()).isEmpty();
    }

    // --- tags ---------------------------------------------------------------------------------------------------

    @Test
    void missing_and_different_tags_are_one_step_naming_both() {
        TableSpec spec = declared("tag", "team=data", "tag", "env=prod", "tag", "owner=ops");
        TableState state = withTags(state(table()), Map.of("team", "core", "owner", "ops", "extra", "ignored"));

        TablePlan plan = plan(spec, state);

        // Declared order; the tag already right (owner) and the undeclared one (extra) are not mentioned.
        assertChange(plan, "tags: team=core, env unset -> team=data, env=prod");
        assertThat(changes(plan)).containsExactly(new Change.AddTags(Map.of("team", "data", "env", "prod")));
    }

    @Test
    void tags_beyond_the_declared_ones_are_ignored_without_prune_tags() {
        assertInSync(plan(declared("tag", "team=data"), withTags(state(table()), Map.of("team", "data", "extra", "kept"))));
    }

    @Test
    void tags_beyond_the_declared_ones_are_removed_with_prune_tags_in_key_order() {
        TableState state = withTags(state(table()), Map.of("zeta", "1", "team", "core", "alpha", "2"));

        TablePlan plan = plan(declared("tag", "team=data"), state, PRUNE_TAGS);

        assertChange(plan, "tags: team=core -> team=data", "tags: alpha=2, zeta=1 -> removed (--prune-tags)");
        assertThat(changes(plan)).containsExactly(new Change.AddTags(Map.of("team", "data")),
                new Change.RemoveTags(List.of("alpha", "zeta")));
    }

    @Test
    void prune_tags_without_declared_tags_removes_every_tag() {
        TablePlan plan = plan(declared(), withTags(state(table()), Map.of("team", "core", "env", "dev")), PRUNE_TAGS);

        assertChange(plan, "tags: env=dev, team=core -> removed (--prune-tags)");
        assertThat(changes(plan)).containsExactly(new Change.RemoveTags(List.of("env", "team")));
    }

    @Test
    void prune_tags_on_a_table_without_tags_is_in_sync() {
        assertInSync(plan(declared(), withTags(state(table()), Map.of()), PRUNE_TAGS));
    }

    @Test
    void tags_that_could_not_be_read_are_skipped() {
        TablePlan plan = plan(declared("tag", "team=data"), withTags(state(table()), Lookup.denied()), PRUNE_TAGS);

        assertInSync(plan, "tags: not permitted to read it (AccessDeniedException); not compared or applied");
    }

    @Test
    void undeclared_tags_are_not_read_nor_mentioned_without_prune_tags() {
        // Not read (no tags declared, no --prune-tags): nothing to say about them either.
        assertInSync(plan(declared(), state(table())));
    }

    // --- point-in-time recovery, contributor insights -----------------------------------------------------------

    @Test
    void pitr_declared_on_a_table_with_pitr_disabled_is_enabled() {
        TablePlan plan = plan(declared("pitr", "true"), withBackups(state(table()), pitr("DISABLED", null)));

        assertChange(plan, "point-in-time recovery: off -> on");
        assertThat(changes(plan)).containsExactly(new Change.PointInTimeRecovery(true, Optional.empty()));
    }

    @Test
    void pitr_declared_off_on_a_table_with_pitr_is_disabled() {
        TablePlan plan = plan(declared("pitr", "false"), withBackups(state(table()), pitr("ENABLED", 35)));

        assertChange(plan, "point-in-time recovery: on (35 days) -> off");
        assertThat(changes(plan)).containsExactly(new Change.PointInTimeRecovery(false, Optional.empty()));
    }

    @Test
    void another_pitr_recovery_period_is_changed() {
        TableSpec spec = declared("pitr", "true", "pitr-recovery-days", "14");

        TablePlan plan = plan(spec, withBackups(state(table()), pitr("ENABLED", 35)));

        assertChange(plan, "point-in-time recovery: on (35 days) -> on (14 days)");
        assertThat(changes(plan)).containsExactly(new Change.PointInTimeRecovery(true, Optional.of(14)));
    }

    @Test
    void pitr_declared_on_without_a_period_is_in_sync_with_any_period() {
        assertInSync(plan(declared("pitr", "on"), withBackups(state(table()), pitr("ENABLED", 35))));
    }

    @Test
    void contributor_insights_declared_on_a_table_with_them_disabled_are_enabled() {
        TablePlan plan = plan(declared("contributor-insights", "true"),
                withContributorInsights(state(table()), Lookup.found("DISABLED")));

        assertChange(plan, "contributor insights: off -> on");
        assertThat(changes(plan)).containsExactly(new Change.ContributorInsights(true));
    }

    @Test
    void contributor_insights_declared_off_are_disabled() {
        TablePlan plan = plan(declared("contributor-insights", "off"),
                withContributorInsights(state(table()), Lookup.found("ENABLED")));

        assertChange(plan, "contributor insights: on -> off");
        assertThat(changes(plan)).containsExactly(new Change.ContributorInsights(false));
    }

    @Test
    void contributor_insights_being_enabled_are_in_sync_with_them_declared_on() {
        assertInSync(plan(declared("contributor-insights", "true"),
                withContributorInsights(state(table()), Lookup.found("ENABLING"))));
    }

    // --- resource policy ----------------------------------------------------------------------------------------

    @Test
    void a_resource_policy_declared_on_a_table_without_one_is_put() {
        TablePlan plan = plan(declared("resource-policy", POLICY), withPolicy(state(table()), null));

        assertChange(plan, "resource policy: none -> the declared policy (39 bytes)");
        assertThat(changes(plan)).containsExactly(new Change.ResourcePolicy(Optional.of(POLICY)));
    }

    @Test
    void another_resource_policy_is_replaced() {
        TablePlan plan = plan(declared("resource-policy", POLICY), withPolicy(state(table()), DENY_DELETE_POLICY));

        assertChange(plan, "resource policy: a policy of 119 bytes -> the declared policy (39 bytes)");
        assertThat(changes(plan)).containsExactly(new Change.ResourcePolicy(Optional.of(POLICY)));
    }

    @Test
    void a_resource_policy_that_differs_only_in_whitespace_is_in_sync() {
        String spaced = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [ ]\n}\n";

        assertInSync(plan(declared("resource-policy", POLICY), withPolicy(state(table()), spaced)));
    }

    @Test
    void a_resource_policy_declared_off_is_deleted() {
        TablePlan plan = plan(declared("resource-policy", "off"), withPolicy(state(table()), DENY_DELETE_POLICY));

        assertChange(plan, "resource policy: a policy of 119 bytes -> none");
        assertThat(changes(plan)).containsExactly(new Change.ResourcePolicy(Optional.empty()));
    }

    @Test
    void a_resource_policy_declared_off_on_a_table_without_one_is_in_sync() {
        assertInSync(plan(declared("resource-policy", "off"), withPolicy(state(table()), null)));
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

        assertChangeSkipping(plan, List.of("TTL: off -> on (attribute expires)"),
                "contributor insights: not available from this endpoint (HTTP 501); not compared or applied");
    }

    @Test
    void a_resource_policy_not_read_is_skipped() {
        assertInSync(plan(declared("resource-policy", "off"), state(table())),
                "resource policy: not read; not compared or applied");
    }

    // --- a table created a moment ago ---------------------------------------------------------------------------

    @Test
    void a_table_just_created_compares_only_what_create_table_cannot_set() {
        // Keys, indexes, tags, encryption and policy went into CreateTable: not compared again (the sort key would block).
        TableSpec spec = declared("sk", "ts:N", "gsi", "ByEmail:email:S", "tag", "team=data", "sse", "kms:" + KEY_ID,
                "resource-policy", POLICY, "table-class", "standard-ia", "ttl-attribute", "expires", "pitr", "true");
        TableState state = withBackups(withTtl(state(table()), ttl("DISABLED", null)), pitr("ENABLED", 35));

        Plan plan = SpecComparison.plan(spec, state, true, PlanOptions.NONE);

        assertThat(plan.differences()).isEmpty();
        assertThat(plan.steps()).extracting(Step::toString).containsExactly("TTL: off -> on (attribute expires)");
        assertThat(plan.skipped()).isEmpty();
    }

    @Test
    void a_table_just_created_on_an_endpoint_that_drops_stream_and_protection_says_so() {
        TableState state = state(table().deletionProtectionEnabled(null));

        Plan plan = SpecComparison.plan(declared("stream", "new_image", "deletion-protection", "true"), state, true,
                PlanOptions.NONE);

        assertThat(plan.differences()).isEmpty();
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.skipped()).containsExactly("stream: not reported by this endpoint; not compared or applied",
                "deletion protection: not reported by this endpoint; not compared or applied");
    }

    // --- several steps ------------------------------------------------------------------------------------------

    /**
     * Apply executes the steps in this order, which is SpecComparison's, not the declaration's: the one UpdateTable of
     * the table settings (stream, deletion protection), the index creates one by one, then the follow-ups that have
     * their own calls (TTL, tags, point-in-time recovery, contributor insights).
     */
    @Test
    void steps_come_as_settings_index_creates_ttl_tags_pitr_contributor_insights() {
        TableSpec spec = declared("contributor-insights", "true", "pitr", "true", "ttl-attribute", "expires",
                "tag", "team=data", "deletion-protection", "true", "stream", "new_image",
                "gsi", "ByEmail:email:S", "gsi", "ByDay:day:S");
        TableState state = state(table().deletionProtectionEnabled(false));
        state = withTtl(state, ttl("DISABLED", null));
        state = withBackups(state, pitr("DISABLED", null));
        state = withTags(state, Map.of());
        state = withContributorInsights(state, Lookup.found("DISABLED"));

        TablePlan plan = plan(spec, state);

        assertChange(plan,
                "stream: off -> NEW_IMAGE",
                "deletion protection: off -> on",
                "global secondary index ByEmail: none -> keys email (S), projection ALL",
                "global secondary index ByDay: none -> keys day (S), projection ALL",
                "TTL: off -> on (attribute expires)",
                "tags: team unset -> team=data",
                "point-in-time recovery: off -> on",
                "contributor insights: off -> on");
        assertThat(changes(plan)).hasSize(7);
    }

    /**
     * Every kind of call at once: index deletes, the one UpdateTable, the stream on again (right after, not after
     * hours of index backfill), index creates, encryption alone, TTL, tags, PITR, contributor insights, resource policy.
     */
    @Test
    void every_kind_of_change_comes_in_dynamodb_order() {
        TableSpec spec = declared("resource-policy", POLICY, "contributor-insights", "true", "pitr", "true",
                "tag", "team=data", "ttl-attribute", "expires", "sse", "kms:" + KEY_ID, "gsi", "ByEmail:email:S",
                "deletion-protection", "true", "table-class", "standard-ia", "stream", "new_image");
        TableState state = state(withStream(table(), "KEYS_ONLY").tableClassSummary(c -> c.tableClass("STANDARD"))
                .attributeDefinitions(definitions("id:S", "old:S")).globalSecondaryIndexes(index("ByOld", "old")));
        state = withTtl(state, ttl("DISABLED", null));
        state = withBackups(state, pitr("DISABLED", null));
        state = withTags(state, Map.of());
        state = withContributorInsights(state, Lookup.found("DISABLED"));
        state = withPolicy(state, null);

        TablePlan plan = plan(spec, state, PRUNE_INDEXES);

        assertChange(plan,
                "global secondary index ByOld: keys old (S), projection ALL -> none",
                "stream: KEYS_ONLY -> off (its view type changes)",
                "deletion protection: off -> on",
                "table class: standard -> standard-ia",
                "stream: off -> NEW_IMAGE (a new stream, with a new ARN)",
                "global secondary index ByEmail: none -> keys email (S), projection ALL",
                "encryption: aws-owned -> kms:" + KEY_ID,
                "TTL: off -> on (attribute expires)",
                "tags: team unset -> team=data",
                "point-in-time recovery: off -> on",
                "contributor insights: off -> on",
                "resource policy: none -> the declared policy (39 bytes)");
        assertCautions(plan, null, null, null, TABLE_CLASS, null, null, null, TTL_CHANGE, null, null, null, null);
        assertThat(changes(plan)).containsExactly(
                new Change.DeleteIndex("ByOld"),
                new Change.UpdateSettings(Optional.empty(), Map.of(), Map.of(), Optional.of(Toggle.off()),
                        Optional.empty(), Optional.of(true), Optional.empty(), Optional.empty()),
                // The class alone: DynamoDB changes it with nothing else.
                tableClassUpdate(TableClass.STANDARD_INFREQUENT_ACCESS),
                new Change.EnableStream(StreamView.NEW_IMAGE),
                new Change.CreateIndex(spec.globalIndexes().get(0), spec.keyAttributes()),
                new Change.Encrypt(new Encryption.Kms(KEY_ID)),
                new Change.TimeToLive(true, "expires"),
                new Change.AddTags(Map.of("team", "data")),
                new Change.PointInTimeRecovery(true, Optional.empty()),
                new Change.ContributorInsights(true),
                new Change.ResourcePolicy(Optional.of(POLICY)));
    }
}
