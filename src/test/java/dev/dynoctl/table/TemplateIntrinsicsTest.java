package dev.dynoctl.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each intrinsic function and pseudo parameter dynoctl evaluates, and each one it refuses, with the path it names. */
class TemplateIntrinsicsTest {
    @TempDir
    Path dir;

    private static TemplateContext context(Map<String, String> parameters, Optional<String> stackName, Optional<String> account) {
        return new TemplateContext(parameters, stackName, account, () -> new TemplateContext.Region("eu-west-1", "aws", "amazonaws.com"),
                false, false);
    }

    private static final TemplateContext PLAIN = context(Map.of(), Optional.empty(), Optional.empty());
    /** As with --ignore-unsupported. */
    private static final TemplateContext IGNORING_UNSUPPORTED = new TemplateContext(Map.of(), Optional.empty(), Optional.empty(),
            () -> new TemplateContext.Region("eu-west-1", "aws", "amazonaws.com"), false, true);

    /** A template whose one table is named by {@code tableName} (YAML, indented for the TableName line). */
    private static String named(String head, String tableName) {
        return head + """
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: %s
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                """.formatted(tableName);
    }

    private SpecSources.Result read(TemplateContext context, String template) throws IOException {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, template);
        return SpecSources.read(List.of(file), context);
    }

    private String name(TemplateContext context, String template) throws IOException {
        SpecSources.Result result = read(context, template);
        assertThat(result.problems()).as("problems").isEmpty();
        return result.tables().get(0).spec().name();
    }

    private List<String> problems(TemplateContext context, String template) throws IOException {
        return read(context, template).problems().stream().map(p -> p.toString().replace(dir + "/", "")).toList();
    }

    private static final String PARAMETERS = """
            Parameters:
              Env: {Type: String, Default: dev, AllowedValues: [dev, prod]}
              Team: {Type: String}
              Parts: {Type: CommaDelimitedList, Default: "a,b,c"}
              FromSsm: {Type: "AWS::SSM::Parameter::Value<String>", Default: /shop/table}
            """;

    @Test
    void ref_takes_the_parameter_given_else_its_default_else_names_it() throws IOException {
        assertThat(name(PLAIN, named(PARAMETERS, "!Ref Env"))).isEqualTo("dev");
        assertThat(name(context(Map.of("Env", "prod"), Optional.empty(), Optional.empty()), named(PARAMETERS, "!Ref Env")))
                .isEqualTo("prod");
        assertThat(problems(PLAIN, named(PARAMETERS, "!Ref Team"))).containsExactly("template.yaml:10: "
                + "Resources.Table.Properties.TableName.Ref: parameter Team has no value: give --parameter Team=VALUE (it has no Default)");
        assertThat(problems(context(Map.of("Env", "test"), Optional.empty(), Optional.empty()), named(PARAMETERS, "!Ref Env")))
                .containsExactly("template.yaml:2: Parameters.Env: 'test' (--parameter) is not one of its AllowedValues (dev, prod)");
        assertThat(problems(PLAIN, named(PARAMETERS, "!Ref FromSsm"))).containsExactly("template.yaml:10: "
                + "Resources.Table.Properties.TableName.Ref: parameter FromSsm is read from SSM Parameter Store when CloudFormation "
                + "deploys: give --parameter FromSsm=VALUE");
        assertThat(read(PLAIN, named(PARAMETERS, "!Ref Env")).parameters()).containsExactlyInAnyOrder("Env", "Team", "Parts", "FromSsm");
    }

    @Test
    void pseudo_parameters_come_from_the_run() throws IOException {
        TemplateContext run = context(Map.of(), Optional.of("shop"), Optional.of("111122223333"));
        assertThat(name(run, named("", "!Sub '${AWS::StackName}-${AWS::Region}-${AWS::AccountId}-${AWS::Partition}'")))
                .isEqualTo("shop-eu-west-1-111122223333-aws");
        assertThat(name(run, named("", "!Join ['.', [t, !Ref 'AWS::URLSuffix']]"))).isEqualTo("t.amazonaws.com");
        assertThat(problems(PLAIN, named("", "!Sub '${AWS::StackName}-users'"))).containsExactly(
                "template.yaml:5: Resources.Table.Properties.TableName.Fn::Sub: AWS::StackName has no value: give --stack-name");
        assertThat(problems(PLAIN, named("", "!Ref AWS::StackId"))).containsExactly("template.yaml:5: "
                + "Resources.Table.Properties.TableName.Ref: AWS::StackId is not supported (dynoctl knows AWS::Region, "
                + "AWS::AccountId, AWS::StackName, AWS::Partition, AWS::URLSuffix and AWS::NoValue)");
    }

    @Test
    void the_account_id_stands_in_until_known_and_the_read_says_it_was_used() throws IOException {
        SpecSources.Result used = read(PLAIN, named("", "!Sub 'users-${AWS::AccountId}'"));
        assertThat(used.tables().get(0).spec().name()).isEqualTo("users-" + TemplateContext.STAND_IN_ACCOUNT);
        assertThat(used.pseudoParametersUsed()).containsExactly("AWS::AccountId");

        assertThat(read(PLAIN, named("", "users")).pseudoParametersUsed()).isEmpty();
    }

    @Test
    void the_region_is_asked_for_only_when_a_template_uses_it() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        TemplateContext counting = new TemplateContext(Map.of(), Optional.empty(), Optional.empty(), () -> {
            asked.incrementAndGet();
            return Templates.US_EAST_1;
        }, false, false);

        name(counting, named("", "users"));
        assertThat(asked).hasValue(0);
        assertThat(name(counting, named("", "!Sub 'users-${AWS::Region}'"))).isEqualTo("users-us-east-1");
        assertThat(asked).hasValue(1);
    }

    @Test
    void no_value_leaves_the_property_out() throws IOException {
        String template = named("Conditions:\n  Never: !Equals [a, b]\n", "users") + """
                      StreamSpecification: !If [Never, {StreamViewType: KEYS_ONLY}, !Ref AWS::NoValue]
                      Tags:
                        - {Key: team, Value: shop}
                        - !If [Never, {Key: env, Value: prod}, !Ref AWS::NoValue]
                """;

        TableSpec spec = read(PLAIN, template).tables().get(0).spec();

        assertThat(spec.stream()).as("left out: CloudFormation's default").contains(Toggle.off());
        assertThat(spec.tags()).containsExactly(Map.entry("team", "shop"));
    }

    @Test
    void sub_in_both_forms_and_its_literal_dollar() throws IOException {
        assertThat(name(PLAIN, named(PARAMETERS, "!Sub '${Env}-orders'"))).isEqualTo("dev-orders");
        assertThat(name(PLAIN, named(PARAMETERS, "!Sub ['${Prefix}-${Env}', {Prefix: !Join ['', [sh, op]]}]"))).isEqualTo("shop-dev");
        assertThat(read(PLAIN, named("", "users") + "      TimeToLiveSpecification: {AttributeName: {'Fn::Sub': 'a-${!Literal}'}, "
                + "Enabled: true}\n").tables().get(0).spec().ttl()).contains(Toggle.on("a-${Literal}"));
    }

    @Test
    void join_select_split_base64_and_find_in_map() throws IOException {
        String mappings = PARAMETERS + """
                Mappings:
                  Names:
                    dev: {table: devtable}
                    prod: {table: prodtable}
                """;
        assertThat(name(PLAIN, named(mappings, "!Join ['-', [a, !Ref Env, b]]"))).isEqualTo("a-dev-b");
        assertThat(name(PLAIN, named(mappings, "!Join ['', [t-, !Select [2, !Ref Parts]]]"))).isEqualTo("t-c");
        assertThat(name(PLAIN, named(mappings, "!Select [1, !Split ['/', 'x/users/y']]"))).isEqualTo("users");
        assertThat(name(PLAIN, named(mappings, "!FindInMap [Names, !Ref Env, table]"))).isEqualTo("devtable");
        assertThat(name(PLAIN, named(mappings, "!FindInMap [Names, test, table, {DefaultValue: fallback}]"))).isEqualTo("fallback");
        assertThat(name(PLAIN, named(mappings, "!Join ['', [t, !Select [0, !Split ['=', !Base64 abc]]]]"))).isEqualTo("tYWJj");
        assertThat(problems(PLAIN, named(mappings, "!FindInMap [Names, test, table]"))).containsExactly(
                "template.yaml:14: Resources.Table.Properties.TableName.Fn::FindInMap: Mappings has no Names.test.table");
        assertThat(problems(PLAIN, named(mappings, "!Select [3, !Ref Parts]"))).containsExactly(
                "template.yaml:14: Resources.Table.Properties.TableName.Fn::Select: index '3' is not one of the list's 0 to 2");
    }

    @Test
    void if_follows_the_conditions_and_a_resource_whose_condition_is_false_is_skipped() throws IOException {
        String template = PARAMETERS + """
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                  IsDev: !Not [!Condition IsProd]
                  Both: !And [!Condition IsProd, !Condition IsDev]
                  Either: !Or [!Condition IsProd, !Condition IsDev]
                  Named: !Equals [!Ref Env, dev]
                Resources:
                  Main:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !If [IsProd, main, !If [Either, !If [Both, never, main-dev], never]]
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                  ProdOnly:
                    Type: AWS::DynamoDB::Table
                    Condition: IsProd
                    Properties:
                      TableName: audit
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                """;

        assertThat(read(PLAIN, template).tables()).extracting(t -> t.spec().name()).containsExactly("main-dev");
        assertThat(read(context(Map.of("Env", "prod"), Optional.empty(), Optional.empty()), template).tables())
                .extracting(t -> t.spec().name()).containsExactly("main", "audit");
    }

    @Test
    void what_only_a_deployment_knows_is_a_problem_naming_its_property_path() throws IOException {
        String template = """
                Resources:
                  Key:
                    Type: AWS::KMS::Key
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Join ['-', [users, !ImportValue SharedSuffix]]
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                      SSESpecification: {SSEEnabled: true, KMSMasterKeyId: !GetAtt Key.Arn}
                      Tags: [{Key: key, Value: !Ref Key}, {Key: az, Value: !Select [0, !GetAZs '']}]
                      ResourcePolicy:
                        PolicyDocument:
                          Statement: [{Effect: Allow, Resource: !Sub '${Key.Arn}', Action: '*', Principal: '*'}]
                      TimeToLiveSpecification: {AttributeName: !Ref Nowhere, Enabled: true}
                """;

        assertThat(problems(PLAIN, template)).containsExactly(
                "template.yaml:7: Resources.Table.Properties.TableName.Fn::Join[1][1].Fn::ImportValue: Fn::ImportValue is not "
                        + "supported: another stack's export is known only to CloudFormation; write the value out or pass it as a parameter",
                "template.yaml:11: Resources.Table.Properties.SSESpecification.KMSMasterKeyId.Fn::GetAtt: Fn::GetAtt is not "
                        + "supported: another resource's attribute is known only once CloudFormation deploys the stack; write the "
                        + "value out or pass it as a parameter; or --ignore-unsupported leaves SSESpecification undeclared",
                "template.yaml:12: Resources.Table.Properties.Tags[0].Value.Ref: Ref to the resource Key is not supported: its "
                        + "physical ID is known only once CloudFormation deploys the stack; write the value out or pass it as a parameter",
                "template.yaml:15: Resources.Table.Properties.ResourcePolicy.PolicyDocument.Statement[0].Resource.Fn::Sub: "
                        + "${Key.Arn} is another resource's attribute (as Fn::GetAtt), known only once CloudFormation deploys the "
                        + "stack; write the value out or pass it as a parameter; or --ignore-unsupported leaves ResourcePolicy "
                        + "undeclared",
                "template.yaml:16: Resources.Table.Properties.TimeToLiveSpecification.AttributeName.Ref: Ref to 'Nowhere': the "
                        + "template has no such parameter or resource");
    }

    @Test
    void with_ignore_unsupported_a_setting_only_a_deployment_knows_is_left_undeclared_not_defaulted() throws IOException {
        String template = """
                Resources:
                  Key:
                    Type: AWS::KMS::Key
                  Role:
                    Type: AWS::IAM::Role
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: users
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                      SSESpecification: {SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !Ref Key}
                      ResourcePolicy:
                        PolicyDocument:
                          Statement: [{Effect: Allow, Principal: {AWS: !GetAtt Role.Arn}, Action: 'dynamodb:GetItem', Resource: '*'}]
                      TableClass: !ImportValue SharedTableClass
                """;

        SpecSources.Result result = read(IGNORING_UNSUPPORTED, template);

        assertThat(result.problems()).isEmpty();
        TableSpec spec = result.tables().get(0).spec();
        // Not CloudFormation's defaults (an AWS owned key, no policy, standard class): nothing declared, so nothing changed.
        assertThat(spec.encryption()).isEmpty();
        assertThat(spec.resourcePolicy()).isEmpty();
        assertThat(spec.tableClass()).isEmpty();
        assertThat(spec.stream()).contains(Toggle.off()); // the rest is read as ever
        assertThat(result.warnings()).map(w -> w.toString().replace(dir + "/", "")).containsExactly(
                "template.yaml:13: Resources.Table.Properties.SSESpecification.KMSMasterKeyId.Ref: Ref to the resource Key is "
                        + "not supported: its physical ID is known only once CloudFormation deploys the stack; write the value out "
                        + "or pass it as a parameter; SSESpecification left undeclared: plan neither compares nor changes it "
                        + "(--ignore-unsupported)",
                "template.yaml:16: Resources.Table.Properties.ResourcePolicy.PolicyDocument.Statement[0].Principal.AWS.Fn::GetAtt: "
                        + "Fn::GetAtt is not supported: another resource's attribute is known only once CloudFormation deploys the "
                        + "stack; write the value out or pass it as a parameter; ResourcePolicy left undeclared: plan neither "
                        + "compares nor changes it (--ignore-unsupported)",
                "template.yaml:17: Resources.Table.Properties.TableClass.Fn::ImportValue: Fn::ImportValue is not supported: "
                        + "another stack's export is known only to CloudFormation; write the value out or pass it as a parameter; "
                        + "TableClass left undeclared: plan neither compares nor changes it (--ignore-unsupported)");
    }

    @Test
    void with_ignore_unsupported_keys_and_tags_only_a_deployment_knows_are_still_problems() throws IOException {
        String template = """
                Resources:
                  Key:
                    Type: AWS::KMS::Key
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: users
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: !ImportValue KeyName, KeyType: HASH}]
                      Tags: [{Key: key, Value: !Ref Key}]
                """;

        // Tags left undeclared would all go with --prune-tags; a table cannot be read without its key.
        assertThat(problems(IGNORING_UNSUPPORTED, template)).containsExactly(
                "template.yaml:10: Resources.Table.Properties.KeySchema[0].AttributeName.Fn::ImportValue: Fn::ImportValue is not "
                        + "supported: another stack's export is known only to CloudFormation; write the value out or pass it as a "
                        + "parameter",
                "template.yaml:11: Resources.Table.Properties.Tags[0].Value.Ref: Ref to the resource Key is not supported: its "
                        + "physical ID is known only once CloudFormation deploys the stack; write the value out or pass it as a parameter");
    }

    @Test
    void condition_functions_belong_in_conditions() throws IOException {
        assertThat(problems(PLAIN, named("", "!Equals [a, a]"))).containsExactly("template.yaml:5: "
                + "Resources.Table.Properties.TableName.Fn::Equals: Fn::Equals belongs in Conditions (or in the condition of "
                + "Fn::If); give Fn::If a condition's name");
        assertThat(problems(PLAIN, named("", "!If [Missing, a, b]"))).containsExactly("template.yaml:5: "
                + "Resources.Table.Properties.TableName.Fn::If[0]: no condition 'Missing' in Conditions");
    }

    @Test
    void conditions_that_refer_to_each_other_in_a_circle_are_a_problem() throws IOException {
        String template = named("""
                Conditions:
                  A: !Condition B
                  B: !And [!Condition C, !Equals [x, x]]
                  C: !Not [!Condition A]
                """, "!If [A, a, b]");

        assertThat(problems(PLAIN, template)).containsExactly("template.yaml:4: Conditions.C.Fn::Not[0].Condition: condition A "
                + "refers to itself: A -> B -> C -> A");
    }
}
