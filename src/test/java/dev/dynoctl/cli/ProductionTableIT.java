package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynoctl.support.CliRun;
import dev.dynoctl.support.EmulatorExtension;
import dev.dynoctl.support.FollowUpReplay;
import dev.dynoctl.support.Emulator;
import dev.dynoctl.support.RefusedCalls;
import dev.dynoctl.support.Terminals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsRequest;

/**
 * create-table's whole surface against moto's server, checked with an independent client.
 * moto has no contributor insights, makes PITR ENABLED at once and accepts a table class without reporting it: for
 * those the tests check the request dynoctl sent ({@link FollowUpReplay} answers as DynamoDB does) and the warnings
 * it prints.
 */
@ExtendWith(EmulatorExtension.class)
class ProductionTableIT {
    private final Emulator ddb;
    private final ObjectMapper json = new ObjectMapper();
    @TempDir
    Path dir;

    ProductionTableIT(Emulator ddb) {
        this.ddb = ddb;
    }

    private TableDescription describe(String table) {
        return ddb.client().describeTable(r -> r.tableName(table)).table();
    }

    private String ttlOf(String table) {
        var ttl = ddb.client().describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
        return ttl.attributeName() + " " + ttl.timeToLiveStatusAsString();
    }

    private List<String> tagsOf(String arn) {
        return ddb.client().listTagsOfResource(r -> r.resourceArn(arn)).tags().stream()
                .map(t -> t.key() + "=" + t.value()).sorted().toList();
    }

    private CliRun run(FollowUpReplay replay, String... args) {
        return ddb.run(Terminals.NONE, List.of(replay), args);
    }

    private static String[] args(String table, String... more) {
        List<String> all = new ArrayList<>(List.of("create-table", "--name", table));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private void disableProtectionAndDelete(String table) {
        ddb.client().updateTable(r -> r.tableName(table).deletionProtectionEnabled(false));
        ddb.client().deleteTable(r -> r.tableName(table));
    }

    @Test
    void one_command_provisions_a_production_table() throws Exception {
        String table = Emulator.uniqueTableName("Orders");
        FollowUpReplay replay = new FollowUpReplay();
        String[] full = args(table, "--pk", "customer:S", "--sk", "order_id:S",
                "--gsi", "ByStatus:status:S,created:N:projection=include(total,currency)",
                "--gsi", "ByEmail:email:S:projection=keys_only",
                "--lsi", "ByCreated:created:N",
                "--ttl-attribute", "expires_at", "--stream", "new_and_old_images",
                "--tag", "team=payments", "--tag", "env=prod",
                "--pitr", "--pitr-recovery-days", "14", "--contributor-insights", "--deletion-protection",
                "--sse", "aws-managed", "--table-class", "standard-ia", "-o", "json");
        try {
            JsonNode result = json.readTree(run(replay, full).expect(ExitCode.OK).out());

            assertThat(result.path("Outcome").asText()).isEqualTo("CREATED");
            TableDescription actual = describe(table);
            assertThat(actual.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                    .containsExactlyInAnyOrder("ByStatus", "ByEmail");
            GlobalSecondaryIndexDescription byStatus = actual.globalSecondaryIndexes().stream()
                    .filter(i -> i.indexName().equals("ByStatus")).findFirst().orElseThrow();
            assertThat(byStatus.keySchema()).extracting(k -> k.attributeName() + "/" + k.keyTypeAsString())
                    .containsExactly("status/HASH", "created/RANGE");
            assertThat(byStatus.projection().nonKeyAttributes()).containsExactlyInAnyOrder("total", "currency");
            assertThat(byStatus.indexStatusAsString()).isEqualTo("ACTIVE");
            assertThat(actual.localSecondaryIndexes()).singleElement()
                    .satisfies(lsi -> assertThat(lsi.keySchema()).extracting(k -> k.attributeName()).containsExactly("customer", "created"));
            assertThat(actual.attributeDefinitions()).extracting(a -> a.attributeName() + ":" + a.attributeTypeAsString())
                    .containsExactlyInAnyOrder("customer:S", "order_id:S", "status:S", "created:N", "email:S");
            assertThat(actual.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
            assertThat(actual.deletionProtectionEnabled()).isTrue();
            assertThat(ttlOf(table)).isEqualTo("expires_at ENABLED");
            assertThat(tagsOf(actual.tableArn())).containsExactly("env=prod", "team=payments");
            assertThat(actual.sseDescription().sseTypeAsString()).isEqualTo("KMS");
            // What moto cannot show: the requests dynoctl sent.
            CreateTableRequest create = replay.sent(CreateTableRequest.class).get(0);
            assertThat(create.tableClassAsString()).isEqualTo("STANDARD_INFREQUENT_ACCESS");
            assertThat(replay.sent(UpdateContinuousBackupsRequest.class)).singleElement().satisfies(pitr -> {
                assertThat(pitr.pointInTimeRecoverySpecification().pointInTimeRecoveryEnabled()).isTrue();
                assertThat(pitr.pointInTimeRecoverySpecification().recoveryPeriodInDays()).isEqualTo(14);
            });
            assertThat(replay.pitrStatus()).as("waited until PITR was ENABLED").isEqualTo("ENABLED");
            assertThat(replay.sent(UpdateContributorInsightsRequest.class)).singleElement()
                    .satisfies(ci -> assertThat(ci.contributorInsightsActionAsString()).isEqualTo("ENABLE"));
            assertThat(result.path("Changes")).extracting(JsonNode::asText).containsExactly(
                    "TTL: off -> on (attribute expires_at)", "point-in-time recovery: off -> on (14 days)",
                    "contributor insights: off -> on");

            // moto takes a table class and keeps none: it describes every table as DynamoDB does one whose class was never
            // set (STANDARD), so the re-run changes the class again. Against DynamoDB it is EXISTS.
            JsonNode again = json.readTree(run(replay, full).expect(ExitCode.OK).out());
            assertThat(again.path("Outcome").asText()).isEqualTo("UPDATED");
            assertThat(again.path("Changes")).extracting(JsonNode::asText).containsExactly("table class: standard -> standard-ia");
            assertThat(replay.sent(UpdateContinuousBackupsRequest.class)).hasSize(1);
            assertThat(replay.sent(TagResourceRequest.class)).isEmpty();
        } finally {
            disableProtectionAndDelete(table);
        }
    }

    @Test
    void rerun_applies_missing_in_place_settings_and_reports_them() throws Exception {
        String table = Emulator.uniqueTableName("Users");
        FollowUpReplay replay = new FollowUpReplay();
        ddb.run("create-table", "--name", table, "--pk", "id:S").expect(ExitCode.OK);

        CliRun updated = run(replay, args(table, "--pk", "id:S", "--ttl-attribute", "expires_at", "--stream", "KEYS_ONLY",
                "--deletion-protection", "--tag", "team=identity")).expect(ExitCode.OK);
        try {
            assertThat(updated.out()).startsWith("Table " + table + " exists; applied 4 changes: ACTIVE after ")
                    .contains("Applied: stream: off -> KEYS_ONLY", "Applied: deletion protection: off -> on",
                            "Applied: TTL: off -> on (attribute expires_at)", "Applied: tags: team unset -> team=identity");
            assertThat(ttlOf(table)).isEqualTo("expires_at ENABLED");
            assertThat(describe(table).streamSpecification().streamViewTypeAsString()).isEqualTo("KEYS_ONLY");
            assertThat(describe(table).deletionProtectionEnabled()).isTrue();
            assertThat(replay.sent(TagResourceRequest.class)).singleElement()
                    .satisfies(tag -> assertThat(tag.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("team=identity"));

            CliRun again = run(replay, args(table, "--pk", "id:S", "--ttl-attribute", "expires_at", "--stream", "KEYS_ONLY",
                    "--deletion-protection", "--tag", "team=identity")).expect(ExitCode.OK);
            assertThat(again.out()).startsWith("Table " + table + " already exists as declared: ACTIVE.");
            assertThat(replay.sent(TagResourceRequest.class)).hasSize(1);
        } finally {
            disableProtectionAndDelete(table);
        }
    }

    @Test
    void a_table_that_needs_replacing_or_an_index_rebuild_exits_3_with_the_diff_and_changes_nothing() {
        String table = Emulator.uniqueTableName("Posts");
        ddb.run("create-table", "--name", table, "--pk", "id:S", "--sk", "ts:N", "--gsi", "ByAuthor:author:S",
                "--lsi", "ByScore:score:N", "--stream", "NEW_IMAGE", "--ttl-attribute", "expires").expect(ExitCode.OK);
        TableDescription before = describe(table);

        CliRun run = ddb.run("create-table", "--name", table, "--pk", "id:S", "--sk", "ts:N",
                "--gsi", "ByAuthor:author:N", "--gsi", "ByDay:day:S", "--lsi", "ByScore:score:N:projection=keys_only",
                "--stream", "OLD_IMAGE", "--ttl-attribute", "deadline", "--deletion-protection").expect(ExitCode.TABLE_DIFFERS);

        assertThat(run.errLines()).containsExactly(
                "dynoctl create-table: table " + table + " exists but differs from what was declared (nothing was changed):",
                "  local secondary index ByScore: declared keys id (S), score (N), projection KEYS_ONLY, "
                        + "actual keys id (S), score (N), projection ALL (requires replacing the table)",
                "  global secondary index ByAuthor: declared keys author (N), projection ALL, actual keys author (S), projection ALL "
                        + "(--allow-index-rebuild deletes and re-creates it)");
        TableDescription after = describe(table);
        assertThat(after.deletionProtectionEnabled()).as("nothing applied").isFalse();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void a_declared_index_the_table_lacks_is_created_and_waited_for() throws Exception {
        String table = Emulator.uniqueTableName("Posts");
        ddb.run("create-table", "--name", table, "--pk", "id:S", "--gsi", "ByAuthor:author:S").expect(ExitCode.OK);

        JsonNode result = json.readTree(ddb.run("create-table", "--name", table, "--pk", "id:S", "--gsi", "ByAuthor:author:S",
                "--gsi", "ByDay:day:S,ts:N:projection=keys_only", "-o", "json").expect(ExitCode.OK).out());

        assertThat(result.path("Outcome").asText()).isEqualTo("UPDATED");
        assertThat(result.path("Changes").get(0).asText()).isEqualTo("global secondary index ByDay: none -> keys day (S), ts (N), projection KEYS_ONLY");
        assertThat(result.path("Table").path("GlobalSecondaryIndexes")).extracting(i -> i.path("IndexStatus").asText())
                .containsOnly("ACTIVE");
        assertThat(describe(table).globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("ByAuthor", "ByDay");
    }

    @Test
    void a_failed_follow_up_exits_10_saying_what_is_done_and_a_rerun_finishes() {
        String table = Emulator.uniqueTableName("Half");
        RefusedCalls ttlRefused = new RefusedCalls("UpdateTimeToLive", "ValidationException",
                "Time to live has been modified multiple times within a fixed interval", 1);

        CliRun first = ddb.run(Terminals.NONE, List.of(ttlRefused), "create-table", "--name", table, "--pk", "id:S",
                "--ttl-attribute", "expires").expect(ExitCode.PARTIAL);

        assertThat(first.errLines()).singleElement().asString().isEqualTo("dynoctl create-table: table " + table
                + " was created; NOT applied: TTL: off -> on (attribute expires) (UpdateTimeToLive failed: ValidationException: "
                + "Time to live has been modified multiple times within a fixed interval; DynamoDB allows one TTL change per table "
                + "per hour); run the same command again to finish");
        assertThat(describe(table).tableStatusAsString()).isEqualTo("ACTIVE");

        CliRun second = ddb.run("create-table", "--name", table, "--pk", "id:S", "--ttl-attribute", "expires").expect(ExitCode.OK);
        assertThat(second.out()).contains("Applied: TTL: off -> on (attribute expires)");
        assertThat(ttlOf(table)).isEqualTo("expires ENABLED");
    }

    @Test
    void pitr_is_retried_while_aws_says_backups_are_still_being_enabled() {
        String table = Emulator.uniqueTableName("Backups");
        RefusedCalls notYet = new RefusedCalls("UpdateContinuousBackups", "ContinuousBackupsUnavailableException",
                "Backups are being enabled for the table: " + table + ". Please retry later", 2);
        FollowUpReplay replay = new FollowUpReplay();

        CliRun run = ddb.run(Terminals.NONE, List.of(notYet, replay), "create-table", "--name", table, "--pk", "id:S", "--pitr")
                .expect(ExitCode.OK);

        assertThat(notYet.refused()).isEqualTo(2);
        assertThat(replay.pitrStatus()).isEqualTo("ENABLED");
        assertThat(run.out()).contains("Applied: point-in-time recovery: off -> on");
    }

    @Test
    void concurrent_creators_with_follow_ups_all_exit_0() throws Exception {
        String table = Emulator.uniqueTableName("Racing");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<CliRun>> runs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                runs.add(pool.submit(() -> ddb.run("create-table", "--name", table, "--pk", "id:S", "--ttl-attribute", "expires",
                        "--stream", "NEW_IMAGE")));
            }
            for (java.util.concurrent.Future<CliRun> run : runs) {
                run.get().expect(ExitCode.OK);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ttlOf(table)).isEqualTo("expires ENABLED");
    }

    @Test
    void spec_file_in_yaml_with_flags_overriding_it() throws Exception {
        String table = Emulator.uniqueTableName("FromYaml");
        Path spec = dir.resolve("table.yaml");
        Files.writeString(spec, String.join("\n",
                "name: " + table,
                "pk: user_id:S",
                "sk: created:N",
                "billing-mode: provisioned",
                "read-capacity: 5",
                "write-capacity: 5",
                "gsi:",
                "  - ByEmail:email:S:rcu=2:wcu=2",
                "stream: NEW_IMAGE",
                "ttl-attribute: expires_at",
                "tag:",
                "  team: identity",
                "deletion-protection: false",
                ""));

        ddb.run("create-table", "--spec", spec.toString(), "--write-capacity", "9").expect(ExitCode.OK);

        TableDescription actual = describe(table);
        assertThat(actual.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(actual.provisionedThroughput().writeCapacityUnits()).as("flag overrides the file").isEqualTo(9L);
        assertThat(actual.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
            assertThat(gsi.indexName()).isEqualTo("ByEmail");
            assertThat(gsi.provisionedThroughput().readCapacityUnits()).isEqualTo(2L);
        });
        assertThat(actual.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_IMAGE");
        assertThat(ttlOf(table)).isEqualTo("expires_at ENABLED");
        ddb.run("create-table", "--spec", spec.toString(), "--write-capacity", "9").expect(ExitCode.OK);
        CliRun back = ddb.run("create-table", "--spec", spec.toString()).expect(ExitCode.OK);
        assertThat(back.out()).contains("Applied: capacity: read 5, write 9 -> read 5, write 5");
        assertThat(describe(table).provisionedThroughput().writeCapacityUnits()).as("the file's capacity, in place").isEqualTo(5L);
    }

    @Test
    void spec_file_in_json() throws Exception {
        String table = Emulator.uniqueTableName("FromJson");
        Path spec = dir.resolve("table.json");
        Files.writeString(spec, "{\"table-name\": \"" + table + "\", \"pk\": \"id:S\", \"lsi\": [\"ByTs:ts:N\"], \"sk\": \"k:S\","
                + " \"tag\": [\"a=b\"], \"contributor-insights\": false}");

        CliRun run = ddb.run("create-table", "--spec", spec.toString()).expect(ExitCode.OK);

        assertThat(run.err()).contains("warning: contributor insights: not available from this endpoint (HTTP 500)");
        assertThat(describe(table).localSecondaryIndexes()).singleElement()
                .satisfies(lsi -> assertThat(lsi.indexName()).isEqualTo("ByTs"));
    }

    @Test
    void bad_spec_files_exit_2_naming_the_problem() throws Exception {
        Path unknown = dir.resolve("unknown.yaml");
        Files.writeString(unknown, "name: Users\npk: id:S\ncolour: blue\n");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"name\": ");
        Path twice = dir.resolve("twice.yaml");
        Files.writeString(twice, "name: Abc\npk: id:S\nname: Def\n");
        Path list = dir.resolve("list.yaml");
        Files.writeString(list, "- name: Users\n");

        assertThat(ddb.run("create-table", "--spec", unknown.toString()).expect(ExitCode.INVALID_INPUT).errLines())
                .singleElement().asString().contains("--spec", "unknown setting 'colour'");
        assertThat(ddb.run("create-table", "--spec", broken.toString()).expect(ExitCode.INVALID_INPUT).errLines())
                .singleElement().asString().contains("--spec", "broken.json:1: not valid JSON");
        assertThat(ddb.run("create-table", "--spec", twice.toString()).expect(ExitCode.INVALID_INPUT).errLines())
                .singleElement().asString().contains("--spec", "twice.yaml:3: name: given twice (first at line 1)");
        assertThat(ddb.run("create-table", "--spec", list.toString()).expect(ExitCode.INVALID_INPUT).errLines())
                .singleElement().asString().contains("must hold a mapping");
        assertThat(ddb.run("create-table", "--spec", dir.resolve("missing.yaml").toString()).expect(ExitCode.INVALID_INPUT)
                .errLines()).singleElement().asString().contains("cannot read");
    }

    @Test
    void describe_shows_indexes_stream_ttl_and_the_rest_in_text_and_json() throws Exception {
        String table = Emulator.uniqueTableName("Shown");
        ddb.run("create-table", "--name", table, "--pk", "id:S", "--sk", "ts:N", "--gsi", "ByEmail:email:S:projection=keys_only",
                "--lsi", "ByKind:kind:S", "--stream", "NEW_IMAGE", "--ttl-attribute", "expires").expect(ExitCode.OK);

        CliRun text = ddb.run("describe-table", "--name", table).expect(ExitCode.OK);
        JsonNode described = json.readTree(ddb.run("describe-table", "--name", table, "-o", "json").expect(ExitCode.OK).out());

        assertThat(text.out()).contains(TableCommandsIT.row("TTL", "expires (ENABLED)"),
                TableCommandsIT.row("Stream", "NEW_IMAGE (" + describe(table).latestStreamArn() + ")"),
                "  ByEmail: ACTIVE, keys email (S), projection KEYS_ONLY",
                "  ByKind: keys id (S), kind (S), projection ALL");
        assertThat(described.path("Table").path("GlobalSecondaryIndexes").get(0).path("IndexName").asText()).isEqualTo("ByEmail");
        assertThat(described.path("Table").path("LatestStreamArn").asText()).isNotEmpty();
        assertThat(described.path("TimeToLiveDescription").path("AttributeName").asText()).isEqualTo("expires");
    }

    @Test
    void wait_command_waits_for_active_or_deleted() {
        String table = Emulator.uniqueTableName("Waited");
        ddb.run("wait", "--name", table, "--until", "active").expect(ExitCode.NOT_FOUND);
        ddb.run("wait", "--name", table, "--until", "deleted").expect(ExitCode.OK);
        ddb.run("create-table", "--name", table, "--pk", "id:S").expect(ExitCode.OK);

        assertThat(ddb.run("wait", "--name", table, "--until", "active").expect(ExitCode.OK).out())
                .isEqualTo("Table " + table + " is ACTIVE.\n");
        ddb.run("wait", "--name", table, "--until", "deleted", "--timeout", "1s").expect(ExitCode.TIMEOUT);
        ddb.client().deleteTable(r -> r.tableName(table));
        ddb.run("wait", "--name", table, "--until", "deleted").expect(ExitCode.OK);
    }
}
