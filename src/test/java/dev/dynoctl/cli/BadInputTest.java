package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynoctl.aws.DynamoDbClients;
import dev.dynoctl.support.CliRun;
import dev.dynoctl.support.Terminals;
import dev.dynoctl.table.WaitClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Every bad-input rule: exit 2, one stderr line naming the option, nothing on stdout, no request sent. */
class BadInputTest {
    /** Records any request dynoctl tries to send; there must be none. */
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final ExecutionInterceptor guard = new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            requests.add(context.request().getClass().getSimpleName());
        }
    };

    @AfterEach
    void nothingWasSent() {
        assertThat(requests).as("requests sent for bad input").isEmpty();
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad("--name", "create-table", "--name", "ab", "--pk", "id:S"),
                bad("--name", "create-table", "--name", "my table", "--pk", "id:S"),
                bad("--name", "create-table", "--name", "x".repeat(256), "--pk", "id:S"),
                bad("--name", "create-table", "--name", "Users/1", "--pk", "id:S"),
                bad("--name", "create-table", "--name", "", "--pk", "id:S"),
                bad("--name", "create-table", "--pk", "id:S"),
                bad("--name", "describe-table", "--name", "Us\u00e9rs"),
                bad("--pk", "create-table", "--name", "Users"),
                bad("--pk", "create-table", "--name", "Users", "--pk", "id"),
                bad("--pk", "create-table", "--name", "Users", "--pk", "id:X"),
                bad("--pk", "create-table", "--name", "Users", "--pk", "id:BOOL"),
                bad("--pk", "create-table", "--name", "Users", "--pk", ":S"),
                bad("--pk", "create-table", "--name", "Users", "--pk", "x".repeat(256) + ":S"),
                bad("--pk", "create-table", "--name", "Users", "--pk", "a\nb:S"),
                bad("--pk", "create-table", "--name", "Users", "--pk", "id:S", "--pk", "id2:S"),
                bad("--sk", "create-table", "--name", "Users", "--pk", "id:S", "--sk", "ts:Q"),
                bad("--sk", "create-table", "--name", "Users", "--pk", "id:S", "--sk", "id:N"),
                bad("--billing-mode", "create-table", "--name", "Users", "--pk", "id:S", "--billing-mode", "free"),
                bad("--read-capacity", "create-table", "--name", "Users", "--pk", "id:S", "--read-capacity", "5"),
                bad("--write-capacity", "create-table", "--name", "Users", "--pk", "id:S", "--billing-mode", "on-demand",
                        "--write-capacity", "5"),
                bad("--read-capacity", "create-table", "--name", "Users", "--pk", "id:S", "--billing-mode", "provisioned"),
                bad("--write-capacity", "create-table", "--name", "Users", "--pk", "id:S", "--billing-mode", "PROVISIONED",
                        "--read-capacity", "5"),
                bad("--read-capacity", "create-table", "--name", "Users", "--pk", "id:S", "--billing-mode", "provisioned",
                        "--read-capacity", "0", "--write-capacity", "5"),
                bad("--write-capacity", "create-table", "--name", "Users", "--pk", "id:S", "--billing-mode", "provisioned",
                        "--read-capacity", "1", "--write-capacity", "-3"),
                bad("--read-capacity", "create-table", "--name", "Users", "--pk", "id:S", "--billing-mode", "provisioned",
                        "--read-capacity", "five", "--write-capacity", "5"),
                bad("--read-capacity", "create-table", "--name", "Users", "--pk", "id:S", "--billing-mode", "provisioned",
                        "--read-capacity", "99999999999999999999", "--write-capacity", "5"),
                bad("--wait-timeout", "create-table", "--name", "Users", "--pk", "id:S", "--wait-timeout", "10"),
                bad("--wait-timeout", "create-table", "--name", "Users", "--pk", "id:S", "--wait-timeout", "0s"),
                bad("--wait-timeout", "create-table", "--name", "Users", "--pk", "id:S", "--wait-timeout", "-5m"),
                bad("--wait-timeout", "create-table", "--name", "Users", "--pk", "id:S", "--wait-timeout", "soon"),
                bad("--endpoint-url", "create-table", "--name", "Users", "--pk", "id:S", "--endpoint-url", "localhost:8000"),
                bad("--endpoint-url", "list-tables", "--endpoint-url", "ftp://localhost"),
                bad("--region", "list-tables", "--region", "US East"),
                bad("--profile", "list-tables", "--profile", " "),
                bad("--output", "list-tables", "-o", "yaml"),
                bad("--frobnicate", "list-tables", "--frobnicate"),
                bad("--gsi", "create-table", "--name", "Users", "--pk", "id:S", "--gsi", "ByEmail:email"),
                bad("--gsi", "create-table", "--name", "Users", "--pk", "id:S", "--gsi", "ByEmail:email:S:rcu=5:wcu=5"),
                bad("--lsi", "create-table", "--name", "Users", "--pk", "id:S", "--lsi", "ByTs:ts:N"),
                bad("--tag", "create-table", "--name", "Users", "--pk", "id:S", "--tag", "aws:created-by=me"),
                bad("--stream", "create-table", "--name", "Users", "--pk", "id:S", "--stream", "yes"),
                bad("--sse", "create-table", "--name", "Users", "--pk", "id:S", "--sse", "kms"),
                bad("--table-class", "create-table", "--name", "Users", "--pk", "id:S", "--table-class", "ia"),
                bad("--pitr-recovery-days", "create-table", "--name", "Users", "--pk", "id:S", "--pitr", "--pitr-recovery-days", "0"),
                bad("--no-wait", "create-table", "--name", "Users", "--pk", "id:S", "--ttl-attribute", "exp", "--no-wait"),
                bad("--spec", "create-table", "--spec", "/no/such/spec.yaml"),
                bad("--name", "create-table", "--name", "Users", "--table-name", "Users", "--pk", "id:S"),
                bad("--until", "wait", "--name", "Users", "--until", "gone"),
                bad("--until", "wait", "--name", "Users"),
                bad("--timeout", "wait", "--name", "Users", "--until", "active", "--timeout", "forever"),
                bad("--local", "describe-table", "--name", "Users", "--local", "--endpoint-url", "http://127.0.0.1:8000"),
                bad("--port", "local", "serve", "--port", "70000"),
                bad("--port", "local", "serve", "--port", "http"),
                bad("--data-dir", "local", "serve", "--in-memory", "--data-dir", " "),
                bad("--name", "export-table"),
                bad("--name", "export-table", "--name", "ab"),
                bad("--all", "export-table", "--name", "Users", "--all", "--dir", "tables"),
                bad("--dir", "export-table", "--all"),
                bad("--dir", "export-table", "--name", "Users", "--dir", "tables"),
                bad("--dir", "export-table", "--all", "--dir", " "),
                bad("--format", "export-table", "--name", "Users", "--format", "terraform"),
                bad("--output", "export-table", "--name", "Users", "-o", "json"),
                bad("missing command", new String[0]),
                bad("drop-table", "drop-table", "--name", "Users"));
    }

    private static Arguments bad(String named, String... args) {
        return Arguments.of(named, args);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badInput")
    void bad_input_exits_2_with_one_line_naming_the_option(String named, String[] args) {
        CliRun run = run(args).expect(ExitCode.INVALID_INPUT);

        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains(named).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.dynoctl.cli.BadInputTest#unconfirmedDeletes")
    void delete_without_yes_and_without_terminal_is_refused_before_any_call(String[] args) {
        CliRun run = run(args).expect(ExitCode.REFUSED);

        assertThat(run.errLines()).singleElement().asString().contains("--yes");
    }

    static Stream<Arguments> unconfirmedDeletes() {
        return Stream.of(Arguments.of((Object) new String[] {"delete-table", "--name", "Users"}),
                Arguments.of((Object) new String[] {"delete-table", "--name", "Users", "--no-wait"}));
    }

    @Test
    void a_bad_value_in_a_spec_file_names_the_file_and_line_not_a_flag(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("orders.yaml"), "name: Orders\npk: customer:S\ngsi:\n  - Bad\n");

        CliRun fromFile = run("create-table", "--spec", spec.toString()).expect(ExitCode.INVALID_INPUT);
        CliRun fromFlag = run("create-table", "--spec", spec.toString(), "--gsi", "Worse").expect(ExitCode.INVALID_INPUT);

        assertThat(fromFile.errLines()).singleElement().asString()
                .startsWith("dynoctl create-table: --spec: " + spec + ":3: gsi: index Bad: ");
        assertThat(fromFlag.errLines()).as("the flag overrides the file: the flag is named")
                .singleElement().asString().startsWith("dynoctl create-table: --gsi: index Worse: ");
    }

    @Test
    void a_switch_given_twice_is_refused_not_decided_by_the_last_one() {
        for (List<String> twice : List.of(List.of("--pitr", "--no-pitr"), List.of("--no-deletion-protection", "--deletion-protection"),
                List.of("--contributor-insights", "--contributor-insights"))) {
            List<String> args = new ArrayList<>(List.of("create-table", "--name", "Users", "--pk", "id:S"));
            args.addAll(twice);
            String setting = twice.get(0).replace("--no-", "--");

            CliRun run = run(args.toArray(String[]::new)).expect(ExitCode.INVALID_INPUT);
            assertThat(run.errLines()).as(String.join(" ", twice)).singleElement().asString()
                    .startsWith("dynoctl create-table: " + setting + ": given more than once");
        }
    }

    @Test
    void export_into_a_file_that_is_not_a_directory_is_refused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("tables"), "");

        CliRun run = run("export-table", "--all", "--dir", file.toString()).expect(ExitCode.INVALID_INPUT);

        assertThat(run.errLines()).containsExactly("dynoctl export-table: --dir: " + file + " is not a directory "
                + "(see 'dynoctl export-table --help')");
    }

    private CliRun run(String... args) {
        CliContext context = new CliContext(new DynamoDbClients(Map.of(), List.of(guard)), Terminals.NONE, WaitClock.SYSTEM);
        String[] withEndpoint = Stream.concat(Stream.of(args),
                args.length > 0 && !String.join(" ", args).contains("--endpoint-url")
                        ? Stream.of("--endpoint-url", "http://127.0.0.1:9", "--region", "us-east-1") : Stream.empty())
                .toArray(String[]::new);
        boolean awsCommand = args.length > 0 && !args[0].equals("drop-table") && !args[0].equals("local");
        return CliRun.run(context, awsCommand ? withEndpoint : args);
    }
}
