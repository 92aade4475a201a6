package dev.dynoctl.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How each table property of a CloudFormation or SAM template maps into the one table model, and each problem's line. */
class TemplateTablesTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private SpecSources.Result read(TemplateContext context, Path... files) {
        return SpecSources.read(List.of(files), context);
    }

    private TableSpec only(String template) throws IOException {
        SpecSources.Result result = read(Templates.none(), write("template.yaml", template));
        assertThat(result.problems()).as("problems").isEmpty();
        assertThat(result.tables()).hasSize(1);
        return result.tables().get(0).spec();
    }

    /** Each problem as printed, with paths relative to the temporary directory. */
    private List<String> problems(TemplateContext context, String name, String template) throws IOException {
        return read(context, write(name, template)).problems().stream().map(p -> p.toString().replace(dir + "/", "")).toList();
    }

    private List<String> problems(String template) throws IOException {
        return problems(Templates.none(), "template.yaml", template);
    }

    static final String EVERY_PROPERTY = """
            AWSTemplateFormatVersion: "2010-09-09"
            Description: every property dynoctl maps
            Resources:
              OrdersTable:
                Type: AWS::DynamoDB::Table
                DeletionPolicy: Retain
                Properties:
                  TableName: Orders
                  BillingMode: PROVISIONED
                  ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 4}
                  AttributeDefinitions:
                    - {AttributeName: customer, AttributeType: S}
                    - {AttributeName: order_id, AttributeType: S}
                    - {AttributeName: status, AttributeType: S}
                    - {AttributeName: created, AttributeType: N}
                    - {AttributeName: total, AttributeType: N}
                  KeySchema:
                    - {AttributeName: customer, KeyType: HASH}
                    - {AttributeName: order_id, KeyType: RANGE}
                  GlobalSecondaryIndexes:
                    - IndexName: ByStatus
                      KeySchema:
                        - {AttributeName: status, KeyType: HASH}
                        - {AttributeName: created, KeyType: RANGE}
                      Projection: {ProjectionType: INCLUDE, NonKeyAttributes: [currency, note]}
                      ProvisionedThroughput: {ReadCapacityUnits: 2, WriteCapacityUnits: 1}
                  LocalSecondaryIndexes:
                    - IndexName: ByTotal
                      KeySchema:
                        - {AttributeName: customer, KeyType: HASH}
                        - {AttributeName: total, KeyType: RANGE}
                      Projection: {ProjectionType: KEYS_ONLY}
                  StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}
                  TimeToLiveSpecification: {AttributeName: expires_at, Enabled: true}
                  PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 14}
                  SSESpecification: {SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: alias/orders}
                  TableClass: STANDARD_INFREQUENT_ACCESS
                  DeletionProtectionEnabled: true
                  WarmThroughput: {ReadUnitsPerSecond: 15000, WriteUnitsPerSecond: 5000}
                  ContributorInsightsSpecification: {Enabled: true}
                  Tags:
                    - {Key: team, Value: payments}
                    - {Key: env, Value: prod}
                  ResourcePolicy:
                    PolicyDocument:
                      Version: "2012-10-17"
                      Statement:
                        - Effect: Allow
                          Principal: {AWS: "arn:aws:iam::111122223333:root"}
                          Action: dynamodb:GetItem
                          Resource: "*"
            """;

    @Test
    void every_property_of_a_table_maps_to_its_setting() throws IOException {
        TableSpec spec = only(EVERY_PROPERTY);

        assertThat(spec.name()).isEqualTo("Orders");
        assertThat(spec.partitionKey()).isEqualTo(new KeyAttribute("customer", AttributeType.S));
        assertThat(spec.sortKey()).contains(new KeyAttribute("order_id", AttributeType.S));
        assertThat(spec.billing()).isEqualTo(new Billing.Provisioned(5, 4));
        assertThat(spec.globalIndexes()).containsExactly(new GlobalIndex("ByStatus", new KeyAttribute("status", AttributeType.S),
                Optional.of(new KeyAttribute("created", AttributeType.N)),
                new Projection(Projection.Type.INCLUDE, List.of("currency", "note")), Optional.of(new Throughput(2, 1)), Optional.empty()));
        assertThat(spec.localIndexes()).containsExactly(new LocalIndex("ByTotal", new KeyAttribute("total", AttributeType.N),
                new Projection(Projection.Type.KEYS_ONLY, List.of())));
        assertThat(spec.stream()).contains(Toggle.on(StreamView.NEW_AND_OLD_IMAGES));
        assertThat(spec.ttl()).contains(Toggle.on("expires_at"));
        assertThat(spec.pitr()).contains(new Pitr(true, Optional.of(14)));
        assertThat(spec.encryption()).contains(new Encryption.Kms("alias/orders"));
        assertThat(spec.tableClass()).contains(TableClass.STANDARD_INFREQUENT_ACCESS);
        assertThat(spec.deletionProtection()).contains(true);
        assertThat(spec.warmThroughput()).contains(new UnitLimits(Optional.of(15000L), Optional.of(5000L)));
        assertThat(spec.contributorInsights()).contains(true);
        assertThat(spec.tags()).containsExactly(Map.entry("team", "payments"), Map.entry("env", "prod"));
        assertThat(spec.resourcePolicy()).contains(Toggle.on("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}]}"));
    }

    @Test
    void a_table_is_declared_at_its_resource_with_its_logical_id() throws IOException {
        Path file = write("template.yaml", EVERY_PROPERTY);

        DeclaredTable table = read(Templates.none(), file).tables().get(0);

        assertThat(table.origin()).isEqualTo(new Origin(file, 4, 0, "OrdersTable"));
        assertThat(table.origin()).hasToString(file + ":4 (resource OrdersTable)");
        assertThat(table.origin().place()).isEqualTo(file + ":4");
    }

    private static final String USERS = """
            Resources:
              UsersTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: Users
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
            """;

    /** A template declares the whole table, as CloudFormation makes it: a property left out is CloudFormation's default. */
    @Test
    void a_property_left_out_declares_cloudformations_default() throws IOException {
        TableSpec spec = only(USERS);

        assertThat(spec.billing()).isEqualTo(new Billing.OnDemand());
        assertThat(spec.stream()).contains(Toggle.off());
        assertThat(spec.ttl()).contains(Toggle.off());
        assertThat(spec.pitr()).contains(new Pitr(false, Optional.empty()));
        assertThat(spec.encryption()).contains(new Encryption.AwsOwned());
        assertThat(spec.tableClass()).contains(TableClass.STANDARD);
        assertThat(spec.deletionProtection()).contains(false);
        assertThat(spec.contributorInsights()).contains(false);
        assertThat(spec.resourcePolicy()).contains(Toggle.off());
        assertThat(spec.tags()).isEmpty();
        assertThat(spec.onDemandMax()).as("no maximum: not declared (-1 in CloudFormation)").isEmpty();
        assertThat(spec.warmThroughput()).as("warm throughput only rises: not declared").isEmpty();
        assertThat(spec.hasFollowUps()).as("nothing to apply once ACTIVE: --no-wait works").isFalse();
    }

    @Test
    void settings_declared_off_in_the_template_are_off() throws IOException {
        TableSpec spec = only(USERS + """
                      TimeToLiveSpecification: {AttributeName: expires, Enabled: false}
                      SSESpecification: {SSEEnabled: false}
                      PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: false}
                      ContributorInsightsSpecification: {Enabled: false}
                      DeletionProtectionEnabled: false
                      OnDemandThroughput: {MaxReadRequestUnits: 100, MaxWriteRequestUnits: -1}
                """);

        assertThat(spec.ttl()).contains(Toggle.off());
        assertThat(spec.encryption()).contains(new Encryption.AwsOwned());
        assertThat(spec.pitr()).contains(new Pitr(false, Optional.empty()));
        assertThat(spec.contributorInsights()).contains(false);
        assertThat(spec.deletionProtection()).contains(false);
        assertThat(spec.onDemandMax()).contains(new UnitLimits(Optional.of(100L), Optional.empty()));
    }

    @Test
    void sse_enabled_without_a_key_is_the_aws_managed_key() throws IOException {
        assertThat(only(USERS + "      SSESpecification: {SSEEnabled: true}\n").encryption()).contains(new Encryption.AwsManaged());
    }

    @Test
    void an_on_demand_index_with_a_maximum_and_the_index_projections() throws IOException {
        TableSpec spec = only("""
                Resources:
                  Events:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: Events
                      BillingMode: PAY_PER_REQUEST
                      OnDemandThroughput: {MaxReadRequestUnits: 500, MaxWriteRequestUnits: 200}
                      AttributeDefinitions:
                        - {AttributeName: "device:id", AttributeType: S}
                        - {AttributeName: kind, AttributeType: S}
                      KeySchema: [{AttributeName: "device:id", KeyType: HASH}]
                      GlobalSecondaryIndexes:
                        - IndexName: ByKind
                          KeySchema: [{AttributeName: kind, KeyType: HASH}]
                          Projection: {ProjectionType: ALL}
                          OnDemandThroughput: {MaxReadRequestUnits: 50, MaxWriteRequestUnits: -1}
                """);

        assertThat(spec.partitionKey()).isEqualTo(new KeyAttribute("device:id", AttributeType.S));
        assertThat(spec.onDemandMax()).contains(new UnitLimits(Optional.of(500L), Optional.of(200L)));
        assertThat(spec.globalIndexes()).singleElement().satisfies(index -> {
            assertThat(index.projection()).isEqualTo(Projection.ALL);
            assertThat(index.onDemandMax()).contains(new UnitLimits(Optional.of(50L), Optional.empty()));
        });
    }

    @Test
    void a_sam_simple_table_has_an_id_string_key_and_is_on_demand_by_default() throws IOException {
        TableSpec spec = only("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Sessions:
                    Type: AWS::Serverless::SimpleTable
                    Properties:
                      TableName: sessions
                      Tags: {team: web}
                """);

        assertThat(spec.partitionKey()).isEqualTo(new KeyAttribute("id", AttributeType.S));
        assertThat(spec.sortKey()).isEmpty();
        assertThat(spec.billing()).isEqualTo(new Billing.OnDemand());
        assertThat(spec.tags()).containsExactly(Map.entry("team", "web"));
        assertThat(spec.stream()).contains(Toggle.off());
        assertThat(spec.pitr()).contains(new Pitr(false, Optional.empty()));
    }

    @Test
    void a_sam_simple_table_with_its_primary_key_capacity_encryption_and_globals() throws IOException {
        TableSpec spec = only("""
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  SimpleTable:
                    SSESpecification: {SSEEnabled: true}
                Resources:
                  Counters:
                    Type: AWS::Serverless::SimpleTable
                    Properties:
                      TableName: counters
                      PrimaryKey: {Name: counter, Type: Number}
                      ProvisionedThroughput: {ReadCapacityUnits: 3, WriteCapacityUnits: 2}
                      PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
                """);

        assertThat(spec.partitionKey()).isEqualTo(new KeyAttribute("counter", AttributeType.N));
        assertThat(spec.billing()).isEqualTo(new Billing.Provisioned(3, 2));
        assertThat(spec.encryption()).contains(new Encryption.AwsManaged());
        assertThat(spec.pitr()).contains(new Pitr(true, Optional.empty()));
    }

    @Test
    void a_json_template_is_read_like_a_yaml_one_and_other_resources_are_left_alone() throws IOException {
        Path file = write("stack.json", """
                {
                  "Resources": {
                    "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Fn::GetAtt": ["Nowhere", "Arn"]}}},
                    "Users": {
                      "Type": "AWS::DynamoDB::Table",
                      "Properties": {
                        "TableName": "users",
                        "BillingMode": "PAY_PER_REQUEST",
                        "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                        "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                        "StreamSpecification": {"StreamViewType": "KEYS_ONLY"}
                      }
                    }
                  }
                }
                """);

        SpecSources.Result result = read(Templates.none(), file);

        assertThat(result.problems()).isEmpty();
        assertThat(result.tables()).singleElement().satisfies(table -> {
            assertThat(table.spec().name()).isEqualTo("users");
            assertThat(table.spec().stream()).contains(Toggle.on(StreamView.KEYS_ONLY));
            assertThat(table.origin()).isEqualTo(new Origin(file, 4, 0, "Users"));
        });
    }

    @Test
    void a_template_sits_in_a_directory_among_spec_files() throws IOException {
        write("tables/a.yaml", "name: Audit\npk: id:S\n");
        write("tables/b-template.yaml", USERS);
        write("tables/c.json", "{\"name\": \"Carts\", \"pk\": \"id:S\"}");

        SpecSources.Result result = read(Templates.none(), dir.resolve("tables"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.tables()).extracting(table -> table.spec().name()).containsExactly("Audit", "Users", "Carts");
    }

    @Test
    void a_table_declared_by_a_template_and_a_spec_file_names_both_places() throws IOException {
        write("tables/a.yaml", "name: Users\npk: id:S\n");
        write("tables/b.yaml", USERS);

        assertThat(read(Templates.none(), dir.resolve("tables")).problems()).extracting(p -> p.toString().replace(dir + "/", ""))
                .containsExactly("tables/b.yaml:5: Resources.UsersTable.Properties.TableName: table Users is declared twice: "
                        + "here and at tables/a.yaml:1");
    }

    @Test
    void a_table_without_a_name_is_a_problem_unless_named_after_its_logical_id() throws IOException {
        String template = USERS.replace("      TableName: Users\n", "");

        assertThat(problems(template)).containsExactly("template.yaml:2: Resources.UsersTable.Properties.TableName: missing: "
                + "CloudFormation would make a name up when it deploys; give the table a TableName, or name it UsersTable with "
                + "--name-from-logical-id");
        TemplateContext named = new TemplateContext(Map.of(), Optional.empty(), Optional.empty(), () -> Templates.US_EAST_1, true, false);
        assertThat(read(named, write("named.yaml", template)).tables()).extracting(table -> table.spec().name())
                .containsExactly("UsersTable");
    }

    @Test
    void provisioned_is_cloudformations_default_billing_and_needs_its_throughput() throws IOException {
        assertThat(problems(USERS.replace("      BillingMode: PAY_PER_REQUEST\n", ""))).containsExactly(
                "template.yaml:2: Resources.UsersTable.Properties.ProvisionedThroughput: required: BillingMode is PROVISIONED "
                        + "(CloudFormation's default when BillingMode is not given); give ProvisionedThroughput, or BillingMode: "
                        + "PAY_PER_REQUEST");
        assertThat(only(USERS.replace("      BillingMode: PAY_PER_REQUEST\n",
                "      ProvisionedThroughput: {ReadCapacityUnits: 1, WriteCapacityUnits: 1}\n")).billing())
                .isEqualTo(new Billing.Provisioned(1, 1));
    }

    @Test
    void the_rules_of_every_declaration_name_the_property_and_its_line() throws IOException {
        assertThat(problems(USERS.replace("TableName: Users", "TableName: U") + """
                      Tags: [{Key: "aws:owner", Value: me}]
                """)).containsExactly("template.yaml:5: Resources.UsersTable.Properties.TableName: table name must be 3-255 "
                + "characters of a-z, A-Z, 0-9, '_', '-', '.' (got 'U')", "template.yaml:9: Resources.UsersTable.Properties.Tags: "
                + "keys starting with aws: are reserved for AWS (got 'aws:owner')"); // every problem, in one reading
        assertThat(problems(USERS + """
                      Tags: [{Key: "aws:owner", Value: me}]
                """)).containsExactly("template.yaml:9: Resources.UsersTable.Properties.Tags: keys starting with aws: are reserved "
                + "for AWS (got 'aws:owner')");
        assertThat(problems(USERS.replace("BillingMode: PAY_PER_REQUEST", "BillingMode: PAY_PER_REQUEST\n      "
                + "ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}"))).containsExactly(
                "template.yaml:7: Resources.UsersTable.Properties.ProvisionedThroughput.ReadCapacityUnits: only allowed with "
                        + "--billing-mode provisioned");
    }

    @Test
    void key_schema_and_attribute_definitions_must_agree() throws IOException {
        assertThat(problems(USERS.replace("AttributeDefinitions: [{AttributeName: id, AttributeType: S}]",
                "AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]"))).containsExactly(
                "template.yaml:7: Resources.UsersTable.Properties.AttributeDefinitions: has no AttributeType for the key attribute "
                        + "'id' (of Resources.UsersTable.Properties.KeySchema)");
        assertThat(problems(USERS.replace("AttributeDefinitions: [{AttributeName: id, AttributeType: S}]",
                "AttributeDefinitions: [{AttributeName: id, AttributeType: S}, {AttributeName: pk, AttributeType: S}]")))
                .containsExactly("template.yaml:7: Resources.UsersTable.Properties.AttributeDefinitions: attribute 'pk' is in no "
                        + "key schema (DynamoDB refuses definitions of attributes no table or index key uses)");
        assertThat(problems(USERS.replace("KeyType: HASH", "KeyType: PARTITION"))).containsExactly(
                "template.yaml:8: Resources.UsersTable.Properties.KeySchema[0].KeyType: expected HASH or RANGE, got 'PARTITION'");
        assertThat(problems(USERS.replace("AttributeType: S", "AttributeType: SS"))).containsExactly(
                "template.yaml:7: Resources.UsersTable.Properties.AttributeDefinitions[0].AttributeType: expected S, N or B "
                        + "(a key's type), got 'SS'");
    }

    @Test
    void an_unknown_property_is_a_problem_and_every_problem_of_a_template_is_collected() throws IOException {
        assertThat(problems(USERS + """
                      StreamSpecifications: {StreamViewType: KEYS_ONLY}
                  Other:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: Other
                      BillingMode: PAY_PER_REQUEST
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                """)).containsExactly(
                "template.yaml:9: Resources.UsersTable.Properties.StreamSpecifications: unknown property of AWS::DynamoDB::Table "
                        + "(known: AttributeDefinitions, BillingMode, ContributorInsightsSpecification, DeletionProtectionEnabled, "
                        + "GlobalSecondaryIndexes, KeySchema, LocalSecondaryIndexes, OnDemandThroughput, "
                        + "PointInTimeRecoverySpecification, ProvisionedThroughput, ResourcePolicy, SSESpecification, "
                        + "StreamSpecification, TableClass, TableName, Tags, TimeToLiveSpecification, WarmThroughput)",
                "template.yaml:10: Resources.Other.Properties.AttributeDefinitions: required");
    }

    @Test
    void a_mistyped_resource_attribute_of_a_table_is_a_problem_not_a_table_made_regardless() throws IOException {
        assertThat(problems(USERS.replace("    Properties:", "    Condtion: IsProd\n    Properties:"))).containsExactly(
                "template.yaml:4: Resources.UsersTable.Condtion: unknown resource attribute (known: Type, Properties, Condition, "
                        + "CreationPolicy, DeletionPolicy, DependsOn, Metadata, UpdatePolicy, UpdateReplacePolicy)");
        assertThat(problems(USERS.replace("    Properties:", "    Propertes:"))).first().asString()
                .startsWith("template.yaml:4: Resources.UsersTable.Propertes: unknown resource attribute");
        // Other resources' attributes are theirs to check.
        assertThat(problems(USERS + """
                  Topic:
                    Type: AWS::SNS::Topic
                    Condtion: Whatever
                """)).isEmpty();
    }

    @Test
    void what_dynoctl_cannot_apply_is_a_problem_or_with_ignore_unsupported_a_warning() throws IOException {
        String template = USERS + """
                      KinesisStreamSpecification:
                        StreamArn: !GetAtt Stream.Arn
                  Global:
                    Type: AWS::DynamoDB::GlobalTable
                    Properties: {}
                """;

        assertThat(problems(template)).containsExactly(
                "template.yaml:9: Resources.UsersTable.Properties.KinesisStreamSpecification: not supported: dynoctl cannot apply "
                        + "a Kinesis Data Streams destination; --ignore-unsupported reads the table without it",
                "template.yaml:13: Resources.Global.Properties.Replicas: AWS::DynamoDB::GlobalTable is read only with one "
                        + "replica, in this region (dynoctl cannot apply replicas in other regions)");
        TemplateContext ignoring = new TemplateContext(Map.of(), Optional.empty(), Optional.empty(), () -> Templates.US_EAST_1, false, true);
        SpecSources.Result result = read(ignoring, write("ignoring.yaml", template));
        assertThat(result.problems()).isEmpty();
        assertThat(result.tables()).extracting(table -> table.spec().name()).containsExactly("Users");
        assertThat(result.warnings()).extracting(p -> p.toString().replace(dir + "/", "")).containsExactly(
                "ignoring.yaml:9: Resources.UsersTable.Properties.KinesisStreamSpecification: not supported (a Kinesis Data "
                        + "Streams destination); left out (--ignore-unsupported)",
                "ignoring.yaml:13: Resources.Global.Properties.Replicas: AWS::DynamoDB::GlobalTable is read only with one "
                        + "replica, in this region (dynoctl cannot apply replicas in other regions); left out (--ignore-unsupported)");
    }

    @Test
    void index_properties_dynoctl_cannot_apply_and_names_its_index_syntax_cannot_hold() throws IOException {
        assertThat(problems("""
                Resources:
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: things
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}, {AttributeName: "a,b", AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                      GlobalSecondaryIndexes:
                        - IndexName: ByAb
                          KeySchema: [{AttributeName: "a,b", KeyType: HASH}]
                          Projection: {ProjectionType: ALL}
                          ContributorInsightsSpecification: {Enabled: true}
                """)).containsExactly(
                "template.yaml:13: Resources.T.Properties.GlobalSecondaryIndexes[0].ContributorInsightsSpecification: not "
                        + "supported: dynoctl cannot apply contributor insights of an index; --ignore-unsupported reads the table "
                        + "without it",
                "template.yaml:10: Resources.T.Properties.GlobalSecondaryIndexes[0].KeySchema: attribute 'a,b': dynoctl's index "
                        + "syntax cannot hold an attribute name with , = ( ) or spaces at its ends");
    }

    @Test
    void a_template_without_tables_and_a_macro_transform_are_problems() throws IOException {
        assertThat(problems("Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n")).containsExactly(
                "template.yaml:1: Resources: has no AWS::DynamoDB::Table or AWS::Serverless::SimpleTable");
        assertThat(problems("Transform: [AWS::Serverless-2016-10-31, MyMacro]\n" + USERS)).containsExactly(
                "template.yaml:1: Transform: 'MyMacro' is a macro dynoctl cannot run (it may change the tables); "
                        + "--ignore-unsupported reads them as written");
    }

    @Test
    void create_table_spec_takes_a_template_with_one_table() throws IOException {
        SpecFile.Contents contents = SpecFile.read(write("users.yaml", USERS), Templates.none());

        assertThat(contents.documents()).singleElement().satisfies(document ->
                assertThat(document.settings()).containsEntry("name", List.of("Users")).containsEntry("pk", List.of("id:S")));
    }

    @Test
    void an_unknown_property_inside_a_property_is_a_problem_too() throws IOException {
        assertThat(problems(USERS + "      StreamSpecification: {StreamEnabled: true, StreamViewType: KEYS_ONLY}\n"))
                .containsExactly("template.yaml:9: Resources.UsersTable.Properties.StreamSpecification.StreamEnabled: unknown "
                        + "property (known: StreamViewType, ResourcePolicy)");
    }

    private static final String SMALL = """
            Parameters:
              Names: {Type: CommaDelimitedList, Default: "orders, users", AllowedValues: [orders, users]}
            Resources:
              T:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Select [1, !Ref Names]
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  TAGS
            """;

    @Test
    void a_comma_delimited_lists_members_are_trimmed_as_cloudformation_does() throws IOException {
        assertThat(only(SMALL.replace("TAGS", "")).name()).isEqualTo("users");
    }

    @Test
    void a_tag_key_given_twice_is_a_problem_naming_it() throws IOException {
        assertThat(problems(SMALL.replace("TAGS", "Tags: [{Key: env, Value: a}, {Key: env, Value: b}]")))
                .singleElement().asString().contains("Resources.T.Properties.Tags[1].Key: tag key 'env' is given twice");
    }

    @Test
    void a_byte_order_mark_before_a_json_template_is_no_problem() throws IOException {
        Path file = dir.resolve("bom.json");
        Files.writeString(file, "\uFEFF{\"Resources\": {\"T\": {\"Type\": \"AWS::DynamoDB::Table\", \"Properties\": {\"TableName\": "
                + "\"bom-table\", \"BillingMode\": \"PAY_PER_REQUEST\", \"AttributeDefinitions\": [{\"AttributeName\": \"id\", "
                + "\"AttributeType\": \"S\"}], \"KeySchema\": [{\"AttributeName\": \"id\", \"KeyType\": \"HASH\"}]}}}}");

        SpecSources.Result result = read(Templates.none(), file);

        assertThat(result.problems()).isEmpty();
        assertThat(result.tables()).singleElement().satisfies(table -> assertThat(table.spec().name()).isEqualTo("bom-table"));
    }

    @Test
    void a_language_extensions_loop_beside_the_tables_is_left_alone_and_one_over_tables_is_refused() throws IOException {
        String loop = """
                Transform: AWS::LanguageExtensions
                Resources:
                  Fn::ForEach::Queues:
                    - Q
                    - [a, b]
                    - Queue${Q}: {Type: TYPE}
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: loop-beside
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                """;

        assertThat(only(loop.replace("TYPE", "AWS::SQS::Queue")).name()).isEqualTo("loop-beside");
        assertThat(problems(loop.replace("TYPE", "AWS::DynamoDB::Table"))).singleElement().asString()
                .contains("Resources.Fn::ForEach::Queues: Fn::ForEach is not supported");
    }

    @Test
    void a_trailing_document_separator_is_no_second_document() throws IOException {
        assertThat(only(SMALL.replace("TAGS", "") + "---\n").name()).isEqualTo("users");
        assertThat(problems(SMALL.replace("TAGS", "") + "---\nResources: {}\n")).singleElement().asString()
                .contains("a template is one YAML document");
    }

    /** What CDK's TableV2 synthesizes for an ordinary table: a global table with its one replica here. */
    private static final String TABLE_V2 = """
            Resources:
              UsersTable9725E9C8:
                Type: AWS::DynamoDB::GlobalTable
                Properties:
                  TableName: users-v2
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  BillingMode: PAY_PER_REQUEST
                  SSESpecification: {SSEEnabled: true, SSEType: KMS}
                  StreamSpecification: {StreamViewType: NEW_IMAGE}
                  WriteOnDemandThroughputSettings: {MaxWriteRequestUnits: 100}
                  Replicas:
                    - Region: REGION
                      PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
                      DeletionProtectionEnabled: true
                      SSESpecification: {KMSMasterKeyId: alias/users}
                      ReadOnDemandThroughputSettings: {MaxReadRequestUnits: 200}
                      Tags: [{Key: team, Value: identity}]
                UpdateReplacePolicy: Retain
                DeletionPolicy: Retain
            """;

    @Test
    void a_global_table_with_its_one_replica_here_is_read_as_the_table_it_is() throws IOException {
        for (String region : List.of("!Ref AWS::Region", "us-east-1")) {
            TableSpec table = only(TABLE_V2.replace("REGION", region));

            assertThat(table.name()).isEqualTo("users-v2");
            assertThat(table.stream()).contains(Toggle.on(StreamView.NEW_IMAGE));
            assertThat(table.encryption()).contains(new Encryption.Kms("alias/users"));
            assertThat(table.pitr()).contains(new Pitr(true, Optional.empty()));
            assertThat(table.deletionProtection()).contains(true);
            assertThat(table.onDemandMax()).contains(new UnitLimits(Optional.of(200L), Optional.of(100L)));
            assertThat(table.tags()).containsExactly(Map.entry("team", "identity"));
        }
    }

    @Test
    void a_global_table_elsewhere_or_provisioned_is_a_problem_naming_why() throws IOException {
        assertThat(problems(TABLE_V2.replace("REGION", "eu-west-1"))).singleElement().asString()
                .contains("Replicas[0].Region: the one replica must be in this region (us-east-1, or !Ref AWS::Region)");
        assertThat(problems(TABLE_V2.replace("REGION", "us-east-1").replace("BillingMode: PAY_PER_REQUEST", "BillingMode: PROVISIONED")))
                .singleElement().asString().contains("a provisioned AWS::DynamoDB::GlobalTable is not supported");
        assertThat(problems(TABLE_V2.replace("REGION", "us-east-1").replace("PointInTimeRecoverySpecification: "
                + "{PointInTimeRecoveryEnabled: true}", "ReplicaStreamSpecification: {StreamViewType: NEW_IMAGE}")))
                .singleElement().asString()
                .contains("Replicas[0].ReplicaStreamSpecification: not supported");
    }
}
