package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dynoctl.aws.DynamoDbClients;
import dev.dynoctl.export.CloudFormationTable;
import dev.dynoctl.support.CliRun;
import dev.dynoctl.support.Emulator;
import dev.dynoctl.support.EmulatorExtension;
import dev.dynoctl.support.Terminals;
import dev.dynoctl.table.WaitClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * export-table on moto, checked with an independent client: the exported spec file is in sync with its table (plan
 * exits 0) and, applied under another name, makes the same table; --all writes one file per table of the region; a
 * missing table exits 4; what moto cannot report (contributor insights) is a warning, not a failure.
 */
@ExtendWith(EmulatorExtension.class)
class ExportTableIT {
    private static final String KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private final Emulator ddb;
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    @TempDir
    Path dir;

    ExportTableIT(Emulator ddb) {
        this.ddb = ddb;
    }

    /** Two GSIs, an LSI, stream, TTL, tags, PITR with its period, a KMS key, protection, warm throughput, a policy. */
    private String richTable() {
        String table = Emulator.uniqueTableName("Orders");
        ddb.run("create-table", "--name", table, "--pk", "customer:S", "--sk", "order_id:S",
                "--gsi", "ByStatus:status:S,created:N:projection=include(total,currency)", "--gsi", "ByEmail:email:S:projection=keys_only",
                "--lsi", "ByScore:score:N", "--stream", "NEW_AND_OLD_IMAGES", "--ttl-attribute", "expires_at",
                "--tag", "team=payments", "--tag", "env=prod", "--pitr", "--pitr-recovery-days", "14", "--sse", "kms:" + KMS_KEY,
                "--deletion-protection", "--warm-read-units", "15000", "--warm-write-units", "5000").expect(ExitCode.OK);
        // As set by hand in the console: the policy is not part of the declaration that made the table.
        ddb.client().putResourcePolicy(r -> r.resourceArn(describe(ddb.client(), table).tableArn()).policy(
                "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Deny\",\n      \"Principal\": \"*\",\n"
                        + "      \"Action\": \"dynamodb:DeleteTable\",\n      \"Resource\": \"*\"\n    }\n  ]\n}"));
        return table;
    }

    private static TableDescription describe(DynamoDbClient client, String table) {
        return client.describeTable(r -> r.tableName(table)).table();
    }

    private static List<String> motoWarnings(String table) {
        return List.of("dynoctl export-table: warning: " + table + ": contributor insights: not available from this endpoint "
                + "(HTTP 500); not exported");
    }

    @Test
    void an_exported_spec_is_in_sync_with_its_table_and_applied_under_another_name_makes_the_same_table() throws Exception {
        String table = richTable();

        CliRun exported = ddb.run("export-table", "--name", table).expect(ExitCode.OK);

        assertThat(exported.errLines()).containsExactlyElementsOf(motoWarnings(table));
        assertThat(exported.out()).startsWith("name: " + table + "\npk: customer:S\nsk: order_id:S\nbilling-mode: on-demand\n"
                + "gsi:\n  - ByEmail:email:S:projection=keys_only\n  - \"ByStatus:status:S,created:N:projection=include(currency,total)\"\n"
                + "lsi:\n  - ByScore:score:N\nstream: NEW_AND_OLD_IMAGES\nttl-attribute: expires_at\ntag:\n  env: prod\n"
                + "  team: payments\nsse: kms:" + KMS_KEY + "\ntable-class: standard\ndeletion-protection: true\npitr: true\npitr-recovery-days: 14\n"
                + "warm-read-units: 15000\nwarm-write-units: 5000\nresource-policy: |-\n  {\n    \"Version\": \"2012-10-17\",\n");
        Path file = Files.writeString(dir.resolve("orders.yaml"), exported.out());
        CliRun plan = ddb.run("plan", "-f", file.toString()).expect(ExitCode.OK);
        assertThat(plan.out()).isEqualTo(table + ": in sync (" + file + ":1)\nPlan: 1 in sync.\n");

        String copy = Emulator.uniqueTableName("Copy");
        Path copyFile = Files.writeString(dir.resolve("copy.yaml"), exported.out().replace("name: " + table + "\n", "name: " + copy + "\n"));
        assertThat(ddb.run("apply", "-f", copyFile.toString()).expect(ExitCode.OK).out()).contains(copy + ": created");
        // moto keeps no ResourcePolicy given to CreateTable (DynamoDB does): the next apply puts it.
        assertThat(ddb.run("apply", "-f", copyFile.toString()).expect(ExitCode.OK).out())
                .contains(copy + ": updated (resource policy: none -> the declared policy");
        ddb.run("plan", "-f", copyFile.toString()).expect(ExitCode.OK);

        assertThat(shape(copy)).isEqualTo(shape(table));
        assertThat(ddb.run("export-table", "--name", copy).expect(ExitCode.OK).out())
                .isEqualTo(exported.out().replace("name: " + table + "\n", "name: " + copy + "\n"));
    }

    /** What the table is, without what differs between any two tables (name, ARN, creation time, stream label). */
    private Map<String, Object> shape(String table) throws Exception {
        DynamoDbClient client = ddb.client();
        TableDescription description = describe(client, table);
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("keys", description.keySchema());
        shape.put("attributes", description.attributeDefinitions().stream().map(AttributeDefinition::toString).sorted().toList());
        shape.put("billing", description.billingModeSummary());
        shape.put("gsis", description.globalSecondaryIndexes().stream()
                .map(index -> index.indexName() + " " + index.keySchema() + " " + index.projection().projectionTypeAsString() + " "
                        + index.projection().nonKeyAttributes().stream().sorted().toList() + " " + index.provisionedThroughput())
                .sorted().toList());
        shape.put("lsis", description.localSecondaryIndexes().stream()
                .map(index -> index.indexName() + " " + index.keySchema() + " " + index.projection()).sorted().toList());
        shape.put("stream", description.streamSpecification());
        shape.put("sse", description.sseDescription());
        shape.put("protection", description.deletionProtectionEnabled());
        shape.put("warm", description.warmThroughput());
        shape.put("ttl", client.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription());
        var pitr = client.describeContinuousBackups(r -> r.tableName(table)).continuousBackupsDescription()
                .pointInTimeRecoveryDescription();
        shape.put("pitr", pitr.pointInTimeRecoveryStatusAsString() + " " + pitr.recoveryPeriodInDays());
        Map<String, String> tags = new TreeMap<>();
        client.listTagsOfResource(r -> r.resourceArn(description.tableArn())).tags().forEach(tag -> tags.put(tag.key(), tag.value()));
        shape.put("tags", tags);
        shape.put("policy", json.readTree(client.getResourcePolicy(r -> r.resourceArn(description.tableArn())).policy()));
        assertThat(shape.get("gsis")).asList().hasSize(2);
        assertThat(shape.get("lsis")).asList().hasSize(1);
        return shape;
    }

    @Test
    void a_template_has_one_table_resource_with_cloudformation_property_names() throws Exception {
        String table = richTable();

        CliRun exported = ddb.run("export-table", "--name", table, "--format", "cloudformation").expect(ExitCode.OK);

        assertThat(exported.errLines()).containsExactlyElementsOf(motoWarnings(table));
        JsonNode template = yaml.readTree(exported.out());
        assertThat(template.path("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
        String logicalId = CloudFormationTable.logicalId(table);
        assertThat(logicalId).matches("Orders[A-Z0-9][a-z0-9]{7}");
        assertThat(fieldNames(template.path("Resources"))).containsExactly(logicalId);
        JsonNode resource = template.path("Resources").path(logicalId);
        assertThat(resource.path("Type").asText()).isEqualTo("AWS::DynamoDB::Table");
        assertThat(resource.path("DeletionPolicy").asText()).isEqualTo("Retain");
        JsonNode properties = resource.path("Properties");
        assertThat(fieldNames(properties)).containsExactly("TableName", "KeySchema", "AttributeDefinitions", "BillingMode",
                "GlobalSecondaryIndexes", "LocalSecondaryIndexes", "StreamSpecification", "TimeToLiveSpecification",
                "PointInTimeRecoverySpecification", "SSESpecification", "TableClass", "DeletionProtectionEnabled", "WarmThroughput", "Tags",
                "ResourcePolicy");
        assertThat(properties.path("TableName").asText()).isEqualTo(table);
        assertThat(properties.path("KeySchema")).isEqualTo(json.readTree("[{\"AttributeName\": \"customer\", \"KeyType\": \"HASH\"},"
                + " {\"AttributeName\": \"order_id\", \"KeyType\": \"RANGE\"}]"));
        assertThat(properties.path("AttributeDefinitions").findValuesAsText("AttributeName"))
                .containsExactlyInAnyOrder("customer", "order_id", "status", "created", "email", "score");
        assertThat(properties.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(properties.path("GlobalSecondaryIndexes").findValuesAsText("IndexName")).containsExactly("ByEmail", "ByStatus");
        assertThat(properties.path("GlobalSecondaryIndexes").get(1).path("Projection")).isEqualTo(json.readTree(
                "{\"ProjectionType\": \"INCLUDE\", \"NonKeyAttributes\": [\"currency\", \"total\"]}"));
        assertThat(properties.path("LocalSecondaryIndexes").get(0).path("KeySchema").get(1).path("AttributeName").asText())
                .isEqualTo("score");
        assertThat(properties.path("StreamSpecification")).isEqualTo(json.readTree("{\"StreamViewType\": \"NEW_AND_OLD_IMAGES\"}"));
        assertThat(properties.path("TimeToLiveSpecification"))
                .isEqualTo(json.readTree("{\"AttributeName\": \"expires_at\", \"Enabled\": true}"));
        assertThat(properties.path("PointInTimeRecoverySpecification"))
                .isEqualTo(json.readTree("{\"PointInTimeRecoveryEnabled\": true, \"RecoveryPeriodInDays\": 14}"));
        assertThat(properties.path("SSESpecification"))
                .isEqualTo(json.readTree("{\"SSEEnabled\": true, \"SSEType\": \"KMS\", \"KMSMasterKeyId\": \"" + KMS_KEY + "\"}"));
        assertThat(properties.path("DeletionProtectionEnabled").asBoolean()).isTrue();
        assertThat(properties.path("WarmThroughput"))
                .isEqualTo(json.readTree("{\"ReadUnitsPerSecond\": 15000, \"WriteUnitsPerSecond\": 5000}"));
        assertThat(properties.path("Tags")).isEqualTo(json.readTree(
                "[{\"Key\": \"env\", \"Value\": \"prod\"}, {\"Key\": \"team\", \"Value\": \"payments\"}]"));
        assertThat(properties.path("ResourcePolicy").path("PolicyDocument")).isEqualTo(json.readTree(
                ddb.client().getResourcePolicy(r -> r.resourceArn(describe(ddb.client(), table).tableArn())).policy()));
    }

    @Test
    void an_exported_template_read_back_by_plan_is_in_sync_and_applied_elsewhere_makes_the_same_table() throws Exception {
        String table = richTable();
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, ddb.run("export-table", "--name", table, "--format", "cloudformation").expect(ExitCode.OK).out());

        ddb.run("plan", "-f", template.toString()).expect(ExitCode.OK);

        String copy = Emulator.uniqueTableName("Copy");
        Path renamed = dir.resolve("copy.yaml");
        Files.writeString(renamed, Files.readString(template).replace("TableName: " + table, "TableName: " + copy)
                .replace("table/" + table, "table/" + copy));
        ddb.run("apply", "-f", renamed.toString()).expect(ExitCode.OK);
        TableDescription original = describe(ddb.client(), table);
        TableDescription made = describe(ddb.client(), copy);
        assertThat(made.keySchema()).isEqualTo(original.keySchema());
        // Projected attributes are a set: compared sorted.
        java.util.function.Function<software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription, String> shape =
                index -> index.indexName() + " " + index.projection().projectionTypeAsString() + " "
                        + new java.util.TreeSet<>(index.projection().nonKeyAttributes());
        assertThat(made.globalSecondaryIndexes()).extracting(shape)
                .containsExactlyInAnyOrderElementsOf(original.globalSecondaryIndexes().stream().map(shape).toList());
        assertThat(made.streamSpecification()).isEqualTo(original.streamSpecification());
    }

    @Test
    void all_tables_of_the_region_go_one_file_each_and_plan_finds_them_in_sync() throws Exception {
        // A region of its own: the other tests' tables are in us-east-1.
        Region region = Region.EU_WEST_3;
        List<String> tables = List.of("Alpha", "Beta-2", "gamma.3");
        runIn(region, "create-table", "--name", tables.get(0), "--pk", "id:S").expect(ExitCode.OK);
        runIn(region, "create-table", "--name", tables.get(1), "--pk", "id:S", "--sk", "ts:N", "--billing-mode", "provisioned",
                "--read-capacity", "3", "--write-capacity", "2", "--gsi", "ByKind:kind:S:rcu=1:wcu=1").expect(ExitCode.OK);
        runIn(region, "create-table", "--name", tables.get(2), "--pk", "id:B", "--ttl-attribute", "expires").expect(ExitCode.OK);
        Path out = dir.resolve("tables");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "kept");

        CliRun exported = runIn(region, "export-table", "--all", "--dir", out.toString()).expect(ExitCode.OK);

        assertThat(exported.out().lines()).containsExactly(
                "Alpha: " + out.resolve("Alpha.yaml"),
                "Beta-2: " + out.resolve("Beta-2.yaml"),
                "gamma.3: " + out.resolve("gamma.3.yaml"),
                "Export: 3 tables written to " + out + ".");
        assertThat(exported.errLines()).containsExactlyElementsOf(tables.stream().flatMap(table -> motoWarnings(table).stream()).toList());
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("Alpha.yaml", "Beta-2.yaml", "gamma.3.yaml", "notes.txt");
        }
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("kept");
        assertThat(Files.readString(out.resolve("Beta-2.yaml"))).isEqualTo("""
                name: Beta-2
                pk: id:S
                sk: ts:N
                billing-mode: provisioned
                read-capacity: 3
                write-capacity: 2
                gsi:
                  - ByKind:kind:S:rcu=1:wcu=1
                stream: off
                ttl-attribute: off
                sse: aws-owned
                table-class: standard
                deletion-protection: false
                pitr: false
                resource-policy: off
                """);
        assertThat(runIn(region, "plan", "-f", out.toString()).expect(ExitCode.OK).out()).endsWith("Plan: 3 in sync.\n");

        JsonNode listed = json.readTree(runIn(region, "export-table", "--all", "--dir", out.toString(), "--format", "cloudformation",
                "-o", "json", "-q").expect(ExitCode.OK).out());
        assertThat(listed.path("Tables").findValuesAsText("TableName")).containsExactlyElementsOf(tables);
        assertThat(listed.path("Tables").get(0).path("File").asText()).isEqualTo(out.resolve("Alpha.yaml").toString());
        assertThat(listed.path("Tables").get(0).path("Skipped")).hasSize(1);
        assertThat(yaml.readTree(out.resolve("gamma.3.yaml").toFile()).path("Resources").path("Gamma3").path("Properties")
                .path("TimeToLiveSpecification")).isEqualTo(json.readTree("{\"AttributeName\": \"expires\", \"Enabled\": true}"));

        try (DynamoDbClient client = clientIn(Region.SA_EAST_1)) {
            assertThat(client.listTables().tableNames()).isEmpty();
        }
        assertThat(runIn(Region.SA_EAST_1, "export-table", "--all", "--dir", dir.resolve("none").toString())
                .expect(ExitCode.OK).out()).isEqualTo("Export: no tables in the region.\n");
    }

    @Test
    void a_missing_table_exits_4_and_prints_nothing() {
        String table = Emulator.uniqueTableName("Missing");

        CliRun run = ddb.run("export-table", "--name", table).expect(ExitCode.NOT_FOUND);

        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("dynoctl export-table: table " + table + " not found");
    }

    @Test
    void quiet_prints_the_document_and_no_warnings() {
        String table = Emulator.uniqueTableName("Quiet");
        ddb.run("create-table", "--name", table, "--pk", "id:S").expect(ExitCode.OK);

        CliRun run = ddb.run("export-table", "--table-name", table, "-q").expect(ExitCode.OK);

        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("name: " + table + "\npk: id:S\n");
    }

    private CliRun runIn(Region region, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", ddb.endpoint().toString(), "--region", region.id()));
        return CliRun.run(new CliContext(new DynamoDbClients(Map.of(), List.of()), Terminals.NONE, WaitClock.SYSTEM),
                all.toArray(String[]::new));
    }

    private DynamoDbClient clientIn(Region region) {
        return DynamoDbClient.builder().endpointOverride(ddb.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("checker", "checker")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
