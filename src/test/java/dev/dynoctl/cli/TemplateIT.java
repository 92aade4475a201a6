package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynoctl.support.CliRun;
import dev.dynoctl.support.Emulator;
import dev.dynoctl.support.EmulatorExtension;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * CloudFormation and SAM templates applied on moto: the tables made as the template declares them (checked with an
 * independent client), then plan in sync; create-table --spec with a template; cdk synth output; what a template
 * leaves out is CloudFormation's default, so apply turns a stream off that the template does not declare.
 */
@ExtendWith(EmulatorExtension.class)
// Failsafe's: the unit tests' -Dtest='Template*' matches this name too, and only Failsafe says which emulator to use.
@EnabledIfSystemProperty(named = "dynoctl.emulator", matches = ".+")
class TemplateIT {
    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: "2010-09-09"
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Prefix: {Type: String}
              Env: {Type: String, Default: dev, AllowedValues: [dev, prod]}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
            Mappings:
              Capacity:
                dev: {read: 2}
                prod: {read: 20}
            Resources:
              OrdersTable:
                Type: AWS::DynamoDB::Table
                DeletionPolicy: Retain
                Properties:
                  TableName: !Sub "${Prefix}-orders-${Env}"
                  BillingMode: PROVISIONED
                  ProvisionedThroughput:
                    ReadCapacityUnits: !FindInMap [Capacity, !Ref Env, read]
                    WriteCapacityUnits: 1
                  AttributeDefinitions:
                    - {AttributeName: customer, AttributeType: S}
                    - {AttributeName: order_id, AttributeType: S}
                    - {AttributeName: status, AttributeType: S}
                  KeySchema:
                    - {AttributeName: customer, KeyType: HASH}
                    - {AttributeName: order_id, KeyType: RANGE}
                  GlobalSecondaryIndexes:
                    - IndexName: ByStatus
                      KeySchema: [{AttributeName: status, KeyType: HASH}]
                      Projection: {ProjectionType: KEYS_ONLY}
                      ProvisionedThroughput: {ReadCapacityUnits: 1, WriteCapacityUnits: 1}
                  StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}
                  TimeToLiveSpecification: {AttributeName: expires_at, Enabled: true}
                  PointInTimeRecoverySpecification:
                    PointInTimeRecoveryEnabled: !If [IsProd, true, false]
                  Tags:
                    - {Key: env, Value: !Ref Env}
                    - {Key: account, Value: !Ref AWS::AccountId}
              SessionsTable:
                Type: AWS::Serverless::SimpleTable
                Properties:
                  TableName: !Join ["-", [!Ref Prefix, sessions]]
              AuditTable:
                Type: AWS::DynamoDB::Table
                Condition: IsProd
                Properties:
                  TableName: !Sub "${Prefix}-audit"
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
              Handler:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.handler
                  Runtime: python3.12
                  Environment:
                    Variables: {TABLE: !GetAtt OrdersTable.Arn}
            """;

    private final Emulator ddb;
    @TempDir
    Path dir;

    TemplateIT(Emulator ddb) {
        this.ddb = ddb;
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private TableDescription describe(String table) {
        return ddb.client().describeTable(r -> r.tableName(table)).table();
    }

    private Map<String, String> tagsOf(String table) {
        Map<String, String> tags = new TreeMap<>();
        ddb.client().listTagsOfResource(r -> r.resourceArn(describe(table).tableArn())).tags()
                .forEach(tag -> tags.put(tag.key(), tag.value()));
        return tags;
    }

    @Test
    void apply_makes_the_templates_tables_and_plan_is_then_in_sync() throws Exception {
        String prefix = Emulator.uniqueTableName("shop");
        Path file = write("template.yaml", TEMPLATE);
        String orders = prefix + "-orders-dev";
        String sessions = prefix + "-sessions";

        CliRun planned = ddb.run("plan", "-f", dir.toString(), "--parameter", "Prefix=" + prefix).expect(ExitCode.CHANGES_PENDING);
        assertThat(planned.out().lines()).containsExactly(
                orders + " (OrdersTable): create (" + file + ":13)",
                sessions + " (SessionsTable): create (" + file + ":41)",
                "Plan: 2 to create.");

        CliRun applied = ddb.run("apply", "-f", dir.toString(), "--parameter", "Prefix=" + prefix).expect(ExitCode.OK);
        assertThat(applied.out()).contains("Apply: 2 created.");
        assertThat(applied.errLines()).contains("dynoctl apply: warning: AWS::AccountId is 123456789012 (the endpoint is not "
                + "AWS's own; --account-id gives another)");

        TableDescription table = describe(orders);
        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(2);
        assertThat(table.keySchema()).extracting(k -> k.attributeName()).containsExactly("customer", "order_id");
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("ByStatus");
            assertThat(index.projection().projectionTypeAsString()).isEqualTo("KEYS_ONLY");
        });
        assertThat(table.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(ddb.client().describeTimeToLive(r -> r.tableName(orders)).timeToLiveDescription().attributeName())
                .isEqualTo("expires_at");
        assertThat(tagsOf(orders)).containsExactly(Map.entry("account", "123456789012"), Map.entry("env", "dev"));
        assertThat(describe(sessions).keySchema()).singleElement().satisfies(key -> assertThat(key.attributeName()).isEqualTo("id"));
        assertThat(describe(sessions).billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
        assertThat(ddb.tableExists(prefix + "-audit")).as("its Condition is false").isFalse();

        CliRun again = ddb.run("plan", "-f", file.toString(), "--parameter", "Prefix=" + prefix).expect(ExitCode.OK);
        assertThat(again.out()).endsWith("Plan: 2 in sync." + System.lineSeparator());
    }

    @Test
    void with_ignore_unsupported_a_key_or_policy_only_a_deployment_knows_is_left_undeclared_and_the_table_applied() throws Exception {
        String table = Emulator.uniqueTableName("Keyed");
        Path file = write("keyed.yaml", """
                Resources:
                  Key:
                    Type: AWS::KMS::Key
                  Reader:
                    Type: AWS::IAM::Role
                  Keyed:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: %s
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                      SSESpecification: {SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !GetAtt Key.Arn}
                      ResourcePolicy:
                        PolicyDocument:
                          Statement: [{Effect: Allow, Principal: {AWS: !GetAtt Reader.Arn}, Action: 'dynamodb:GetItem', Resource: '*'}]
                """.formatted(table));

        CliRun refused = ddb.run("apply", "-f", file.toString()).expect(ExitCode.INVALID_INPUT);
        assertThat(refused.err()).contains("SSESpecification.KMSMasterKeyId.Fn::GetAtt", "or --ignore-unsupported leaves "
                + "SSESpecification undeclared", "or --ignore-unsupported leaves ResourcePolicy undeclared");
        assertThat(ddb.tableExists(table)).isFalse();

        CliRun applied = ddb.run("apply", "-f", file.toString(), "--ignore-unsupported").expect(ExitCode.OK);
        assertThat(applied.out()).contains("Apply: 1 created.");
        assertThat(applied.errLines()).anySatisfy(line -> assertThat(line).contains("SSESpecification left undeclared: plan "
                + "neither compares nor changes it (--ignore-unsupported)")).anySatisfy(line -> assertThat(line)
                .contains("ResourcePolicy left undeclared"));
        assertThat(describe(table).keySchema()).singleElement().satisfies(key -> assertThat(key.attributeName()).isEqualTo("id"));
        ddb.run("plan", "-f", file.toString(), "--ignore-unsupported").expect(ExitCode.OK);
    }

    @Test
    void a_template_whose_every_table_is_switched_off_applies_no_tables() throws Exception {
        Path file = write("off.yaml", """
                Conditions:
                  Never: !Equals [a, b]
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                    Condition: Never
                    Properties:
                      TableName: never-made
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                """);

        assertThat(ddb.run("apply", "-f", file.toString()).expect(ExitCode.OK).out().lines()).containsExactly("Apply: no tables.");
        assertThat(ddb.tableExists("never-made")).isFalse();
    }

    @Test
    void a_parameter_changes_what_the_template_declares() throws Exception {
        String prefix = Emulator.uniqueTableName("shop");
        Path file = write("template.yaml", TEMPLATE);
        ddb.run("apply", "-f", file.toString(), "--parameter", "Prefix=" + prefix, "--parameter", "Env=prod").expect(ExitCode.OK);

        assertThat(ddb.tableExists(prefix + "-audit")).isTrue();
        assertThat(describe(prefix + "-orders-prod").provisionedThroughput().readCapacityUnits()).isEqualTo(20);
        assertThat(ddb.client().describeContinuousBackups(r -> r.tableName(prefix + "-orders-prod")).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString()).isEqualTo("ENABLED");
        ddb.run("plan", "-f", file.toString(), "--parameter", "Prefix=" + prefix, "--parameter", "Env=prod", "-o", "json")
                .expect(ExitCode.OK);
    }

    @Test
    void create_table_takes_a_template_with_one_table() throws Exception {
        String table = Emulator.uniqueTableName("Single");
        Path file = write("single.yaml", """
                Parameters:
                  Name: {Type: String}
                Resources:
                  Single:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Ref Name
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: N}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                      DeletionProtectionEnabled: false
                """);

        CliRun created = ddb.run("create-table", "--spec", file.toString(), "--parameter", "Name=" + table).expect(ExitCode.OK);
        assertThat(created.out()).startsWith("Created table " + table + ": ACTIVE");
        assertThat(describe(table).attributeDefinitions()).singleElement()
                .satisfies(definition -> assertThat(definition.attributeTypeAsString()).isEqualTo("N"));

        assertThat(ddb.run("create-table", "--spec", file.toString(), "--parameter", "Name=" + table).expect(ExitCode.OK).out())
                .startsWith("Table " + table + " already exists as declared: ACTIVE.");
    }

    @Test
    void cdk_synth_output_is_applied_with_the_logical_ids_as_names() throws Exception {
        Path cdk = Path.of(sample("cdk-synth.template.json"));
        // The logical IDs are the names here, so each run of the test gets tables of its own: a fresh copy, renamed.
        String suffix = Emulator.uniqueTableName("").substring(1);
        String json = Files.readString(cdk).replace("UsersTable9725E9C8", "Users" + suffix).replace("OrdersTableA1B2C3D4", "Orders" + suffix);
        Path file = write("Shop.template.json", json);

        ddb.run("apply", "-f", file.toString(), "--name-from-logical-id").expect(ExitCode.OK);

        assertThat(describe("Users" + suffix).globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("byEmail");
        assertThat(describe("Orders" + suffix).deletionProtectionEnabled()).isTrue();
        assertThat(ddb.run("plan", "-f", file.toString(), "--name-from-logical-id").expect(ExitCode.OK).out())
                .contains("Users" + suffix + ": in sync (" + file + ":3)");
        ddb.run("apply", "-f", file.toString(), "--name-from-logical-id", "-q").expect(ExitCode.OK);
        ddb.client().updateTable(r -> r.tableName("Orders" + suffix).deletionProtectionEnabled(false)); // so other runs may clean up
    }

    @Test
    void a_cdk_table_v2_global_table_with_one_replica_here_is_applied_as_a_table() throws Exception {
        String table = Emulator.uniqueTableName("V2");
        Path file = write("v2.yaml", """
                Resources:
                  UsersTableV2:
                    Type: AWS::DynamoDB::GlobalTable
                    Properties:
                      TableName: %s
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                      BillingMode: PAY_PER_REQUEST
                      StreamSpecification: {StreamViewType: NEW_IMAGE}
                      Replicas:
                        - Region: !Ref AWS::Region
                          PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
                          Tags: [{Key: team, Value: identity}]
                """.formatted(table));

        ddb.run("apply", "-f", file.toString()).expect(ExitCode.OK);

        assertThat(describe(table).streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_IMAGE");
        assertThat(tagsOf(table)).containsEntry("team", "identity");
        assertThat(ddb.run("plan", "-f", file.toString()).expect(ExitCode.OK).out()).contains(table + " (UsersTableV2): in sync");
    }

    private static String sample(String name) throws URISyntaxException {
        return Path.of(TemplateIT.class.getResource("/templates/" + name).toURI()).toString();
    }

    @Test
    void what_a_template_leaves_out_is_cloudformations_default_so_apply_turns_a_stream_off() throws Exception {
        String table = Emulator.uniqueTableName("Streamed");
        ddb.run("create-table", "--name", table, "--pk", "id:S", "--stream", "NEW_IMAGE", "--tag", "team=a").expect(ExitCode.OK);
        Path file = write("streamless.yaml", """
                Resources:
                  Streamed:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: %s
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                """.formatted(table));

        CliRun planned = ddb.run("plan", "-f", file.toString()).expect(ExitCode.CHANGES_PENDING);
        assertThat(planned.out().lines()).containsExactly(table + " (Streamed): change (" + file + ":2)", "  stream: NEW_IMAGE -> off",
                "Plan: 1 to change.");

        ddb.run("apply", "-f", file.toString()).expect(ExitCode.OK);
        TableDescription after = describe(table);
        assertThat(after.streamSpecification() == null || !after.streamSpecification().streamEnabled()).as("stream off").isTrue();
        assertThat(tagsOf(table)).as("tags beyond the template's stay without --prune-tags").containsEntry("team", "a");
        ddb.run("plan", "-f", file.toString()).expect(ExitCode.OK);
    }
}
