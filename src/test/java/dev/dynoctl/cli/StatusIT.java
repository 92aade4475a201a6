package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynoctl.support.CliRun;
import dev.dynoctl.support.Dynalite;
import dev.dynoctl.support.Emulator;
import dev.dynoctl.support.EmulatorExtension;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * status and --watch: the table of states on moto, the watch on dynalite (tables CREATING for a while), and once at a
 * real terminal: the packaged launcher in a tmux pane, asserting on what the screen then shows.
 */
@ExtendWith(EmulatorExtension.class)
class StatusIT {
    private final Emulator ddb;
    private final Emulator dynalite;
    @TempDir
    Path dir;

    StatusIT(Emulator ddb, @Dynalite Emulator dynalite) {
        this.ddb = ddb;
        this.dynalite = dynalite;
    }

    @Test
    void one_line_per_named_table_and_exit_4_when_one_is_missing() {
        String users = Emulator.uniqueTableName("Users");
        String missing = Emulator.uniqueTableName("Gone");
        ddb.run("create-table", "--name", users, "--pk", "id:S", "--billing-mode", "provisioned", "--read-capacity", "3",
                "--write-capacity", "2", "--gsi", "ByEmail:email:S:rcu=1:wcu=1", "--ttl-attribute", "expires").expect(ExitCode.OK);

        CliRun shown = ddb.run("status", users).expect(ExitCode.OK);
        assertThat(shown.out().lines()).hasSize(3).first().asString().startsWith("TABLE").contains("STATE", "BILLING", "GSIS");
        assertThat(shown.out().lines().skip(1).findFirst().orElseThrow()).startsWith(users).contains("ACTIVE",
                "provisioned 3/2", "expires", "off");

        CliRun withMissing = ddb.run("status", users, missing).expect(ExitCode.NOT_FOUND);
        assertThat(withMissing.out().lines()).anySatisfy(line -> assertThat(line).matches(missing + " +MISSING .*"));
    }

    @Test
    void spec_files_add_whether_each_table_is_as_declared() throws Exception {
        String same = Emulator.uniqueTableName("Same");
        String other = Emulator.uniqueTableName("Other");
        String absent = Emulator.uniqueTableName("Absent");
        ddb.run("create-table", "--name", same, "--pk", "id:S").expect(ExitCode.OK);
        ddb.run("create-table", "--name", other, "--pk", "id:S").expect(ExitCode.OK);
        Files.writeString(dir.resolve("tables.yaml"), "name: " + same + "\npk: id:S\n---\nname: " + other
                + "\npk: id:S\nstream: KEYS_ONLY\n---\nname: " + absent + "\npk: id:S\n");

        CliRun run = ddb.run("status", "-f", dir.toString()).expect(ExitCode.NOT_FOUND);

        assertThat(run.out().lines().findFirst().orElseThrow()).endsWith("DECLARED");
        assertThat(run.out().lines()).anySatisfy(line -> assertThat(line).startsWith(same).endsWith("in sync"))
                .anySatisfy(line -> assertThat(line).startsWith(other).endsWith("differs"))
                .anySatisfy(line -> assertThat(line).startsWith(absent).contains("MISSING").endsWith("missing"));
    }

    @Test
    void all_and_json_give_every_table_with_its_describe_table_shape() throws Exception {
        String table = Emulator.uniqueTableName("Listed");
        ddb.run("create-table", "--name", table, "--pk", "id:S").expect(ExitCode.OK);

        JsonNode document = new ObjectMapper().readTree(ddb.run("status", "--all", "-o", "json").expect(ExitCode.OK).out());

        JsonNode mine = null;
        for (JsonNode node : document.path("Tables")) {
            if (node.path("TableName").asText().equals(table)) {
                mine = node;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("State").asText()).isEqualTo("ACTIVE");
        assertThat(mine.path("Table").path("KeySchema").get(0).path("AttributeName").asText()).isEqualTo("id");
        assertThat(mine.path("TimeToLiveDescription").path("TimeToLiveStatus").asText()).isEqualTo("DISABLED");
    }

    @Test
    void bad_input_is_exit_2_before_any_call() {
        assertThat(ddb.run("status").expect(ExitCode.INVALID_INPUT).err())
                .contains("name the tables to show, or give --all or -f PATH");
        assertThat(ddb.run("status", "Users", "--timeout", "1m").expect(ExitCode.INVALID_INPUT).err())
                .contains("--timeout is for --watch only");
        assertThat(ddb.run("status", "Users", "a").expect(ExitCode.INVALID_INPUT).err())
                .startsWith("dynoctl status: TABLE 'a': table name must be 3-255 characters");
    }

    @Test
    void watch_without_a_terminal_prints_a_line_when_a_state_changes_and_exits_0_once_all_are_active() {
        String first = Emulator.uniqueTableName("Watched");
        String second = Emulator.uniqueTableName("Watched");
        dynalite.run("create-table", "--name", first, "--pk", "id:S", "--no-wait").expect(ExitCode.OK);
        dynalite.run("create-table", "--name", second, "--pk", "id:S", "--no-wait").expect(ExitCode.OK);

        CliRun run = dynalite.run("status", first, second, "--watch").expect(ExitCode.OK);

        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(1)).startsWith(first).contains("CREATING");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(first + ": CREATING -> ACTIVE ("))
                .anySatisfy(line -> assertThat(line).startsWith(second + ": CREATING -> ACTIVE ("));
        assertThat(lines.get(lines.size() - 1)).startsWith("All 2 tables ACTIVE after ");
        assertThat(dynalite.client().describeTable(r -> r.tableName(first)).table().tableStatusAsString()).isEqualTo("ACTIVE");
        List<String> one = dynalite.run("status", first, "--watch").expect(ExitCode.OK).out().lines().toList();
        assertThat(one.get(one.size() - 1)).startsWith("The table is ACTIVE after ");
    }

    @Test
    void watch_gives_up_with_exit_5_naming_what_is_not_active() {
        String table = Emulator.uniqueTableName("Late");
        dynalite.run("create-table", "--name", table, "--pk", "id:S", "--no-wait").expect(ExitCode.OK);

        CliRun run = dynalite.run("status", table, "--watch", "--timeout", "300ms").expect(ExitCode.TIMEOUT);

        assertThat(run.errLines()).singleElement().asString().startsWith("dynoctl status: timed out after ")
                .endsWith("; not ACTIVE: " + table + " (CREATING)");
    }

    @Test
    void at_a_terminal_watch_redraws_in_place_until_every_table_is_active() throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/tmux").canExecute() || onPath("tmux"), "tmux is not installed");
        String first = Emulator.uniqueTableName("Screen");
        String second = Emulator.uniqueTableName("Screen");
        dynalite.run("create-table", "--name", first, "--pk", "id:S", "--no-wait").expect(ExitCode.OK);
        dynalite.run("create-table", "--name", second, "--pk", "id:S", "--no-wait").expect(ExitCode.OK);
        String socket = "dynoctl-status-" + UUID.randomUUID();
        Path exit = dir.resolve("exit.txt");
        String command = "env AWS_ACCESS_KEY_ID=status AWS_SECRET_ACCESS_KEY=status DYNOCTL_CDS=off NO_COLOR= "
                + Path.of("target", "dynoctl").toAbsolutePath() + " status " + first + " " + second
                + " --watch --endpoint-url " + dynalite.endpoint() + " --region us-east-1; echo $? > " + exit + "; sleep 60";
        try {
            // 80 columns: each row of the table wraps, which the redraw has to count.
            tmux(socket, "new-session", "-d", "-x", "80", "-y", "30", command);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(exit) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(exit).as("status --watch ended").exists();
            String screen = tmux(socket, "capture-pane", "-p", "-J"); // -J: a wrapped row as the one line it is

            assertThat(Files.readString(exit).strip()).isEqualTo("0");
            assertThat(screen.lines().filter(line -> line.startsWith("TABLE "))).as("one table on the screen: redrawn in place")
                    .hasSize(1);
            assertThat(screen.lines()).anySatisfy(line -> assertThat(line).startsWith(first).contains("ACTIVE"))
                    .anySatisfy(line -> assertThat(line).startsWith(second).contains("ACTIVE"))
                    .noneSatisfy(line -> assertThat(line).contains("CREATING"))
                    .anySatisfy(line -> assertThat(line).startsWith("All 2 tables ACTIVE after "));
        } finally {
            tmux(socket, "kill-server");
        }
    }

    private static boolean onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(directory, program).canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** tmux on a server of this test's own ({@code -L socket}), so nothing of the user's is touched. */
    private static String tmux(String socket, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        return output;
    }
}
