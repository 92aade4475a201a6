package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynoctl.support.CliRun;
import dev.dynoctl.support.Dynalite;
import dev.dynoctl.support.Emulator;
import dev.dynoctl.support.EmulatorExtension;
import dev.dynoctl.support.RefusedCalls;
import dev.dynoctl.support.Terminals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;

/**
 * plan and apply over directories of spec files, on moto (and dynalite for real waits), checked with an independent
 * client: exit codes 0 / 11 / 3, the steps plan prints, nothing changed while a table is blocked, re-runs converge.
 */
@ExtendWith(EmulatorExtension.class)
class ManyTablesIT {
    private final Emulator ddb;
    private final Emulator dynalite;
    private final ObjectMapper json = new ObjectMapper();
    @TempDir
    Path dir;

    ManyTablesIT(Emulator ddb, @Dynalite Emulator dynalite) {
        this.ddb = ddb;
        this.dynalite = dynalite;
    }

    private Path spec(String file, String yaml) throws Exception {
        Path path = dir.resolve(file);
        Files.writeString(path, yaml);
        return path;
    }

    /** A YAML file declaring {@code count} tables (one document each); their names. */
    private List<String> declare(String file, String prefix, int count) throws Exception {
        List<String> names = new ArrayList<>();
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String name = Emulator.uniqueTableName(prefix + i);
            names.add(name);
            yaml.append(i == 0 ? "" : "---\n").append("name: ").append(name).append("\npk: id:S\n");
        }
        spec(file, yaml.toString());
        return names;
    }

    private String ttlOf(String table) {
        var ttl = ddb.client().describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
        return ttl.attributeName() + " " + ttl.timeToLiveStatusAsString();
    }

    @Test
    void plan_then_apply_creates_what_is_missing_and_a_second_plan_is_in_sync() throws Exception {
        String users = Emulator.uniqueTableName("Users");
        String orders = Emulator.uniqueTableName("Orders");
        spec("tables.yaml", "name: " + users + "\npk: user_id:S\n---\nname: " + orders + "\npk: customer:S\nsk: id:S\n"
                + "gsi: [\"ByStatus:status:S\"]\n");

        CliRun planned = ddb.run("plan", "-f", dir.toString()).expect(ExitCode.CHANGES_PENDING);
        assertThat(planned.out().lines()).containsExactly(
                users + ": create (" + dir.resolve("tables.yaml") + ":1 (document 1))",
                orders + ": create (" + dir.resolve("tables.yaml") + ":4 (document 2))",
                "Plan: 2 to create.");
        assertThat(ddb.tableExists(users)).as("plan changes nothing").isFalse();

        CliRun applied = ddb.run("apply", "-f", dir.toString()).expect(ExitCode.OK);
        assertThat(applied.out().lines()).contains(users + ": created, ACTIVE after " + seconds(applied, users),
                "Apply: 2 created.");
        assertThat(ddb.client().describeTable(r -> r.tableName(orders)).table().globalSecondaryIndexes()).singleElement()
                .satisfies(index -> assertThat(index.indexName()).isEqualTo("ByStatus"));

        assertThat(ddb.run("plan", "-f", dir.toString()).expect(ExitCode.OK).out()).endsWith("Plan: 2 in sync." + System.lineSeparator());
        assertThat(ddb.run("apply", "-f", dir.toString()).expect(ExitCode.OK).out()).contains(users + ": in sync, ACTIVE",
                "Apply: 2 unchanged.");
    }

    /** The "x.y s" an apply line printed for the table (taken from the output, so the rest can be compared exactly). */
    private static String seconds(CliRun run, String table) {
        String line = run.out().lines().filter(l -> l.startsWith(table + ": created")).findFirst().orElseThrow();
        return line.substring(line.lastIndexOf("after ") + "after ".length());
    }

    @Test
    void plan_shows_in_place_steps_before_and_after_and_apply_makes_them() throws Exception {
        String table = Emulator.uniqueTableName("Events");
        ddb.run("create-table", "--name", table, "--pk", "id:S").expect(ExitCode.OK);
        spec("events.yaml", "name: " + table + "\npk: id:S\nttl-attribute: expires\ntag: {team: data}\ndeletion-protection: true\n");

        CliRun planned = ddb.run("plan", "-f", dir.resolve("events.yaml").toString()).expect(ExitCode.CHANGES_PENDING);
        assertThat(planned.out().lines()).containsExactly(
                table + ": change (" + dir.resolve("events.yaml") + ":1)",
                "  deletion protection: off -> on",
                "  TTL: off -> on (attribute expires) (note: DynamoDB allows one TTL change per table per hour)",
                "  tags: team unset -> team=data",
                "Plan: 1 to change.");

        CliRun json = ddb.run("plan", "-f", dir.toString(), "-o", "json").expect(ExitCode.CHANGES_PENDING);
        JsonNode plan = this.json.readTree(json.out());
        assertThat(plan.path("Tables").get(0).path("Action").asText()).isEqualTo("CHANGE");
        assertThat(plan.path("Tables").get(0).path("Steps").get(0).path("After").asText()).isEqualTo("on");
        assertThat(plan.path("Summary").path("Change").asInt()).isEqualTo(1);

        try {
            CliRun applied = ddb.run("apply", "-f", dir.toString()).expect(ExitCode.OK);
            assertThat(applied.out()).contains(table + ": updated (deletion protection: off -> on; "
                    + "TTL: off -> on (attribute expires); tags: team unset -> team=data)");
            assertThat(ttlOf(table)).isEqualTo("expires ENABLED");
            assertThat(ddb.client().describeTable(r -> r.tableName(table)).table().deletionProtectionEnabled()).isTrue();
            ddb.run("plan", "-f", dir.toString()).expect(ExitCode.OK);
        } finally {
            ddb.client().updateTable(r -> r.tableName(table).deletionProtectionEnabled(false));
        }
    }

    @Test
    void a_table_that_needs_replacing_blocks_the_whole_apply_and_nothing_changes() throws Exception {
        String wrongKeys = Emulator.uniqueTableName("Legacy");
        String fresh = Emulator.uniqueTableName("Fresh");
        ddb.run("create-table", "--name", wrongKeys, "--pk", "pk:S").expect(ExitCode.OK);
        spec("a.yaml", "name: " + fresh + "\npk: id:S\n");
        spec("b.yaml", "name: " + wrongKeys + "\npk: id:N\n");

        CliRun planned = ddb.run("plan", "-f", dir.toString()).expect(ExitCode.TABLE_DIFFERS);
        assertThat(planned.out()).contains(wrongKeys + ": blocked (" + dir.resolve("b.yaml") + ":1): requires replacing the table",
                "  partition key: declared id (N), actual pk (S) (requires replacing the table)", "Plan: 1 to create, 1 blocked.");

        CliRun applied = ddb.run("apply", "-f", dir.toString()).expect(ExitCode.TABLE_DIFFERS);
        assertThat(applied.err()).contains("nothing was changed");
        assertThat(ddb.tableExists(fresh)).as("no table created while another is blocked").isFalse();
    }

    @Test
    void plan_all_lists_tables_no_file_declares_as_unmanaged() throws Exception {
        String declared = Emulator.uniqueTableName("Declared");
        String other = Emulator.uniqueTableName("Other");
        ddb.run("create-table", "--name", other, "--pk", "id:S").expect(ExitCode.OK);
        spec("t.json", "[{\"name\": \"" + declared + "\", \"pk\": \"id:S\"}]");

        CliRun planned = ddb.run("plan", "-f", dir.toString(), "--all").expect(ExitCode.CHANGES_PENDING);

        assertThat(planned.out()).contains(declared + ": create", other + ": unmanaged (no spec file declares it; left alone)");
        assertThat(ddb.tableExists(other)).isTrue();
    }

    @Test
    void bad_spec_files_are_exit_2_naming_file_and_line_and_nothing_is_sent() throws Exception {
        List<String> sent = new CopyOnWriteArrayList<>();
        ExecutionInterceptor guard = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                sent.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        };
        spec("good.yaml", "name: Good-table\npk: id:S\n");
        Path bad = spec("bad.yaml", "name: Bad-table\npk: id:S\ncolour: blue\n");
        spec("twice.yaml", "name: Good-table\npk: id:S\n");

        for (String command : List.of("plan", "apply")) {
            CliRun run = ddb.run(Terminals.NONE, List.of(guard), command, "-f", dir.toString()).expect(ExitCode.INVALID_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).anySatisfy(line -> assertThat(line).startsWith("dynoctl " + command + ": " + bad + ":3:")
                    .contains("colour"));
            assertThat(run.errLines()).anySatisfy(line -> assertThat(line).contains("Good-table").contains("twice"));
        }
        assertThat(sent).as("requests sent for bad input").isEmpty();
    }

    @Test
    void no_wait_with_a_table_that_declares_ttl_is_refused() throws Exception {
        Path file = spec("ttl.yaml", "name: Ttl-table\npk: id:S\nttl-attribute: exp\n");

        CliRun run = ddb.run("apply", "-f", file.toString(), "--no-wait").expect(ExitCode.INVALID_INPUT);

        assertThat(run.errLines()).singleElement().asString().startsWith("dynoctl apply: --no-wait: cannot be used for Ttl-table (");
    }

    @Test
    void limit_exceeded_is_backed_off_for_all_tables_together_and_every_table_is_created() throws Exception {
        List<String> names = declare("limited.yaml", "Limited", 4);
        RefusedCalls limit = RefusedCalls.limitExceededOnCreate(3);

        CliRun run = ddb.run(Terminals.NONE, List.of(limit), "apply", "-f", dir.toString()).expect(ExitCode.OK);

        assertThat(limit.refused()).isEqualTo(3);
        assertThat(run.out()).contains("Apply: 4 created.");
        names.forEach(name -> assertThat(ddb.tableExists(name)).as(name).isTrue());
    }

    @Test
    void apply_waits_for_tables_that_stay_creating_all_at_once() throws Exception {
        List<String> operations = new CopyOnWriteArrayList<>();
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
                if (context.response() instanceof DescribeTableResponse described) {
                    operation += " " + described.table().tableStatusAsString();
                }
                operations.add(operation);
            }
        };
        List<String> names = declare("slow.yaml", "Slow", 5);

        CliRun run = dynalite.run(Terminals.NONE, List.of(recorder), "apply", "-f", dir.toString()).expect(ExitCode.OK);

        assertThat(run.out()).contains("Apply: 5 created.");
        for (String name : names) {
            assertThat(dynalite.client().describeTable(r -> r.tableName(name)).table().tableStatusAsString()).isEqualTo("ACTIVE");
        }
        int lastCreate = operations.lastIndexOf("CreateTable");
        int firstActive = operations.indexOf("DescribeTable ACTIVE");
        assertThat(lastCreate).as("every CreateTable was sent before any table was ACTIVE: %s", operations)
                .isLessThan(firstActive);
    }

    @Test
    void at_a_terminal_a_live_line_shows_the_tables_in_progress_and_is_cleared_before_the_summary() throws Exception {
        List<String> names = declare("live.yaml", "Live", 3);

        CliRun run = dynalite.run(Terminals.typing("unused", Terminals.prompts()), List.of(), "apply", "-f", dir.toString())
                .expect(ExitCode.OK);

        assertThat(run.err()).contains("\r\033[K3 in progress: ").endsWith("\r\033[K");
        assertThat(names).anySatisfy(name -> assertThat(run.err()).contains(name + " CREATING"));
        assertThat(run.err().split("\r\033\\[K")).as("each redraw fits one 80-column row").allMatch(line -> line.length() <= 79);
        assertThat(run.out()).doesNotContain("\033").endsWith("Apply: 3 created." + System.lineSeparator());
    }

    @Test
    void tables_still_creating_are_planned_as_wait_and_apply_waits_for_them() throws Exception {
        List<String> names = declare("later.yaml", "Later", 2);
        for (String name : names) {
            dynalite.run("create-table", "--name", name, "--pk", "id:S", "--no-wait").expect(ExitCode.OK);
        }

        CliRun planned = dynalite.run("plan", "-f", dir.toString()).expect(ExitCode.CHANGES_PENDING);
        assertThat(planned.out()).contains(names.get(0) + ": wait (", "): CREATING; apply waits until it is ACTIVE",
                "Plan: 2 to wait for.");

        dynalite.run("apply", "-f", dir.toString()).expect(ExitCode.OK);
        for (String name : names) {
            assertThat(dynalite.client().describeTable(r -> r.tableName(name)).table().tableStatusAsString()).isEqualTo("ACTIVE");
        }
    }

    @Test
    void settings_an_endpoint_does_not_keep_are_warnings_and_a_rerun_converges() throws Exception {
        String table = Emulator.uniqueTableName("Kept");
        spec("kept.yaml", "name: " + table + "\npk: id:S\ndeletion-protection: true\nstream: KEYS_ONLY\ntag: {team: a}\n");

        CliRun first = dynalite.run("apply", "-f", dir.toString()).expect(ExitCode.OK);
        assertThat(first.errLines()).contains(
                "dynoctl apply: warning: " + table + ": deletion protection: not reported by this endpoint; not compared or applied",
                "dynoctl apply: warning: " + table + ": stream: not reported by this endpoint; not compared or applied");

        CliRun second = dynalite.run("apply", "-f", dir.toString()).expect(ExitCode.OK);
        assertThat(second.out()).as("dynalite drops CreateTable's tags; TagResource keeps them")
                .contains(table + ": updated (tags: team unset -> team=a)");
        assertThat(dynalite.run("apply", "-f", dir.toString()).expect(ExitCode.OK).out()).contains("Apply: 1 unchanged.");
    }

    @Test
    void a_blocked_apply_in_json_gives_each_table_its_outcome() throws Exception {
        String wrongKeys = Emulator.uniqueTableName("Keyed");
        String fresh = Emulator.uniqueTableName("New");
        ddb.run("create-table", "--name", wrongKeys, "--pk", "pk:S").expect(ExitCode.OK);
        spec("a.yaml", "name: " + fresh + "\npk: id:S\n---\nname: " + wrongKeys + "\npk: id:N\n");

        JsonNode result = json.readTree(ddb.run("apply", "-f", dir.toString(), "-o", "json").expect(ExitCode.TABLE_DIFFERS).out());

        assertThat(result.path("Tables").get(0).path("Outcome").asText()).isEqualTo("NOT_APPLIED");
        assertThat(result.path("Tables").get(1).path("Outcome").asText()).isEqualTo("BLOCKED");
        assertThat(result.path("Tables").get(1).path("Blockers").get(0).path("Setting").asText()).isEqualTo("partition key");
        assertThat(result.path("Tables").get(1).path("Blockers").get(0).path("RequiresReplacement").asBoolean()).isTrue();
        assertThat(ddb.tableExists(fresh)).isFalse();
    }
}
