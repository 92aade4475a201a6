package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.dynoctl.aws.DynamoDbClients;
import dev.dynoctl.support.CliRun;
import dev.dynoctl.support.Terminals;
import dev.dynoctl.table.WaitClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;

/**
 * plan, apply and create-table on templates without an emulator: every AWS request is seen by an interceptor, and
 * DynamoDB's are stopped there. Problems are exit 2 before any request; AWS::AccountId costs one STS call, made after
 * everything was checked and only when a template uses it, and none against a local endpoint.
 */
class TemplateCommandTest {
    private static final String TEMPLATE = """
            Parameters:
              Env: {Type: String, Default: dev}
            Resources:
              UsersTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: %s
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
            """;

    @TempDir
    Path dir;
    private final List<SdkRequest> requests = new CopyOnWriteArrayList<>();
    private HttpServer sts;

    /** Records every request; stops DynamoDB's before they leave (there is no DynamoDB here). */
    private final ExecutionInterceptor watch = new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            requests.add(context.request());
            if (context.request().getClass().getPackageName().contains("dynamodb")) {
                throw new IllegalStateException("stopped by the test");
            }
        }
    };

    @BeforeEach
    void stsAndCredentials() throws IOException {
        sts = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sts.createContext("/", exchange -> {
            byte[] body = ("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                    + "<Arn>arn:aws:iam::111122223333:user/ci</Arn><UserId>AIDATEST</UserId><Account>111122223333</Account>"
                    + "</GetCallerIdentityResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>"
                    + "</GetCallerIdentityResponse>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        sts.start();
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterEach
    void stop() {
        sts.stop(0);
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private Path template(String tableName) throws IOException {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, TEMPLATE.formatted(tableName));
        return file;
    }

    /** dynoctl with AWS's own DynamoDB endpoint (never reached) and STS at the canned endpoint. */
    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--region", "us-east-1"));
        DynamoDbClients clients = new DynamoDbClients(Map.of("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:" + sts.getAddress().getPort()),
                List.of(watch));
        return CliRun.run(new CliContext(clients, Terminals.NONE, WaitClock.SYSTEM), all.toArray(String[]::new));
    }

    private List<String> requested() {
        return requests.stream().map(request -> request.getClass().getSimpleName()).toList();
    }

    private String describedTable() {
        return requests.stream().filter(DescribeTableRequest.class::isInstance).map(r -> ((DescribeTableRequest) r).tableName())
                .findFirst().orElseThrow();
    }

    @Test
    void the_account_id_is_one_sts_call_made_once_the_templates_are_checked() throws IOException {
        Path file = template("!Sub '${Env}-users-${AWS::AccountId}'");
        Files.writeString(dir.resolve("more.yaml"), TEMPLATE.formatted("!Sub 'audit-${AWS::AccountId}'")
                .replace("UsersTable", "AuditTable"));

        run("plan", "-f", dir.toString());

        assertThat(requested()).first().isEqualTo("GetCallerIdentityRequest");
        assertThat(requested()).filteredOn("GetCallerIdentityRequest"::equals).hasSize(1);
        assertThat(describedTable()).isIn("audit-111122223333", "dev-users-111122223333");
        assertThat(file).exists();
    }

    @Test
    void a_template_keyed_by_account_is_judged_with_the_real_account_not_the_stand_in() throws IOException {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, TEMPLATE.formatted("!FindInMap [Accounts, !Ref AWS::AccountId, Name]")
                .replace("Resources:", "Mappings:\n  Accounts:\n    \"111122223333\": {Name: orders-prod}\nResources:"));

        CliRun run = run("plan", "-f", file.toString());

        assertThat(run.err()).doesNotContain("Mappings has no");
        assertThat(requested()).first().isEqualTo("GetCallerIdentityRequest");
        assertThat(describedTable()).isEqualTo("orders-prod");
    }

    @Test
    void a_template_wrong_for_the_real_account_too_is_exit_2_after_the_one_sts_call() throws IOException {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, TEMPLATE.formatted("!FindInMap [Accounts, !Ref AWS::AccountId, Name]")
                .replace("Resources:", "Mappings:\n  Accounts:\n    \"999999999999\": {Name: orders-prod}\nResources:"));

        CliRun run = run("plan", "-f", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(run.err()).contains("Mappings has no Accounts.111122223333.Name");
        assertThat(requested()).containsExactly("GetCallerIdentityRequest");
    }

    @Test
    void no_sts_call_when_no_template_uses_the_account_or_it_is_given() throws IOException {
        Path file = template("!Sub '${Env}-users'");

        run("plan", "-f", file.toString());
        assertThat(requested()).containsExactly("DescribeTableRequest");

        requests.clear();
        Files.writeString(file, TEMPLATE.formatted("!Sub 'users-${AWS::AccountId}'"));
        run("plan", "-f", file.toString(), "--account-id", "444455556666");
        assertThat(requested()).containsExactly("DescribeTableRequest");
        assertThat(describedTable()).isEqualTo("users-444455556666");
    }

    @Test
    void against_a_local_endpoint_the_account_is_a_fixed_one_and_a_warning_says_so() throws IOException {
        CliRun run = run("plan", "-f", template("!Sub 'users-${AWS::AccountId}'").toString(), "--endpoint-url", "http://127.0.0.1:9");

        assertThat(requested()).containsExactly("DescribeTableRequest");
        assertThat(describedTable()).isEqualTo("users-123456789012");
        assertThat(run.errLines()).contains("dynoctl plan: warning: AWS::AccountId is 123456789012 (the endpoint is not AWS's own; "
                + "--account-id gives another)");
    }

    @Test
    void problems_are_one_line_each_exit_2_and_nothing_is_sent_not_even_to_sts() throws IOException {
        Path file = template("!Sub '${AWS::AccountId}-${Missing}'");
        Files.writeString(dir.resolve("cdk.json"), "{\"Resources\": {\"T\": {\"Type\": \"AWS::DynamoDB::Table\", \"Properties\": "
                + "{\"BillingMode\": \"PAY_PER_REQUEST\", \"AttributeDefinitions\": [{\"AttributeName\": \"id\", \"AttributeType\": \"S\"}], "
                + "\"KeySchema\": [{\"AttributeName\": \"id\", \"KeyType\": \"HASH\"}]}}}}");

        CliRun run = run("apply", "-f", dir.toString()).expect(ExitCode.INVALID_INPUT);

        assertThat(run.errLines()).containsExactly(
                "dynoctl apply: " + dir.resolve("cdk.json") + ":1: Resources.T.Properties.TableName: missing: CloudFormation would "
                        + "make a name up when it deploys; give the table a TableName, or name it T with --name-from-logical-id",
                "dynoctl apply: " + file + ":7: Resources.UsersTable.Properties.TableName.Fn::Sub: Ref to 'Missing': the template "
                        + "has no such parameter or resource",
                "dynoctl apply: 2 problems in the spec files; nothing was sent");
        assertThat(run.out()).isEmpty();
        assertThat(requests).isEmpty();
    }

    @Test
    void template_options_are_checked_before_anything_is_sent() throws IOException {
        String file = template("users").toString();

        assertThat(run("plan", "-f", file, "--parameter", "Envv=prod").expect(ExitCode.INVALID_INPUT).errLines())
                .containsExactly("dynoctl plan: --parameter: Envv: no template read declares it (declared: Env)");
        assertThat(run("plan", "-f", file, "--parameter", "Env").expect(ExitCode.INVALID_INPUT).errLines())
                .containsExactly("dynoctl plan: --parameter: expected KEY=VALUE with KEY a template parameter's name (letters and "
                        + "digits), got 'Env'");
        assertThat(run("apply", "-f", file, "--account-id", "12345").expect(ExitCode.INVALID_INPUT).errLines())
                .containsExactly("dynoctl apply: --account-id: expected 12 digits, got '12345'");
        assertThat(run("create-table", "--spec", file, "--stack-name", "1-bad").expect(ExitCode.INVALID_INPUT).errLines())
                .containsExactly("dynoctl create-table: --stack-name: a stack name is 1-128 letters, digits and '-', starting with "
                        + "a letter (got '1-bad')");
        assertThat(run("create-table", "--name", "Users", "--pk", "id:S", "--parameter", "Env=dev")
                .expect(ExitCode.INVALID_INPUT).errLines()).containsExactly("dynoctl create-table: --parameter: Env: no template "
                + "read declares it");
        assertThat(requests).isEmpty();
    }

    @Test
    void create_table_names_the_templates_property_and_a_flag_overrides_it() throws IOException {
        String file = template("!Sub '${Env}'").toString();

        assertThat(run("create-table", "--spec", file, "--parameter", "Env=x").expect(ExitCode.INVALID_INPUT).errLines())
                .containsExactly("dynoctl create-table: --spec: " + file + ":7: Resources.UsersTable.Properties.TableName: table "
                        + "name must be 3-255 characters of a-z, A-Z, 0-9, '_', '-', '.' (got 'x')");
        assertThat(requests).isEmpty();

        run("create-table", "--spec", file, "--name", "Renamed", "--no-wait");
        assertThat(describedTable()).as("declared off, TTL, PITR and insights need no wait").isEqualTo("Renamed");
    }
}
