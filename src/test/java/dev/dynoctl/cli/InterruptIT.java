package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynoctl.support.EmulatorExtension;
import dev.dynoctl.support.FaultProxy;
import dev.dynoctl.support.Emulator;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C and SIGTERM while create-table (and apply) waits, on the packaged launcher as a child process. A proxy keeps the table
 * CREATING (it rewrites moto's answers) so the command is surely waiting when the signal comes.
 */
@ExtendWith(EmulatorExtension.class)
class InterruptIT {
    private final Emulator ddb;
    @TempDir
    Path home;

    InterruptIT(Emulator ddb) {
        this.ddb = ddb;
    }

    @ParameterizedTest(name = "{0} -> exit {1}")
    @CsvSource({"INT, 130", "TERM, 143"})
    void a_signal_while_waiting_exits_with_its_code_and_says_the_state_and_a_rerun_converges(String signal, int exitCode)
            throws Exception {
        String table = Emulator.uniqueTableName("Stopped");
        try (FaultProxy proxy = new FaultProxy(ddb.endpoint())) {
            proxy.always("CreateTable", FaultProxy.creating()).always("DescribeTable", FaultProxy.creating());
            Process process = launch(proxy.endpoint().toString(), "create-table", "--name", table, "--pk", "id:S");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (proxy.calls("DescribeTable") < 3 && System.nanoTime() < deadline && process.isAlive()) {
                Thread.sleep(50);
            }
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIG" + signal).isTrue();
            assertThat(process.exitValue()).isEqualTo(exitCode);
            assertThat(Files.readAllLines(home.resolve("err.txt"), StandardCharsets.UTF_8)).singleElement().asString()
                    .isEqualTo("dynoctl create-table: interrupted; table " + table + " was CREATING "
                            + "(DynamoDB goes on; run the same command again to finish)");
            assertThat(Files.readString(home.resolve("out.txt"))).isEmpty();
        }
        Process rerun = launch(ddb.endpoint().toString(), "create-table", "--name", table, "--pk", "id:S");
        assertThat(rerun.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(rerun.exitValue()).as(Files.readString(home.resolve("err.txt"))).isEqualTo(0);
        assertThat(Files.readString(home.resolve("out.txt"))).startsWith("Table " + table + " already exists as declared: ACTIVE.");
    }

    @Test
    void ctrl_c_during_apply_says_where_each_table_in_progress_was_and_the_next_apply_picks_up() throws Exception {
        String first = Emulator.uniqueTableName("First");
        String second = Emulator.uniqueTableName("Second");
        Path specs = Files.writeString(home.resolve("tables.yaml"), "name: " + first + "\npk: id:S\n---\nname: " + second
                + "\npk: id:S\n");
        try (FaultProxy proxy = new FaultProxy(ddb.endpoint())) {
            proxy.always("CreateTable", FaultProxy.creating()).always("DescribeTable", FaultProxy.creating());
            Process process = launch(proxy.endpoint().toString(), "apply", "-f", specs.toString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            // Two reads to plan, two before CreateTable, then both tables' polls.
            while (proxy.calls("DescribeTable") < 10 && System.nanoTime() < deadline && process.isAlive()) {
                Thread.sleep(50);
            }
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGINT").isTrue();
            assertThat(process.exitValue()).isEqualTo(130);
            assertThat(Files.readAllLines(home.resolve("err.txt"), StandardCharsets.UTF_8)).containsExactlyInAnyOrder(
                    "dynoctl apply: interrupted; table " + first + " was CREATING (DynamoDB goes on; run the same command again to finish)",
                    "dynoctl apply: interrupted; table " + second + " was CREATING (DynamoDB goes on; run the same command again to finish)");
        }
        Process rerun = launch(ddb.endpoint().toString(), "apply", "-f", specs.toString());
        assertThat(rerun.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(rerun.exitValue()).as(Files.readString(home.resolve("err.txt"))).isEqualTo(0);
        assertThat(Files.readString(home.resolve("out.txt"))).contains("Apply: 2 unchanged.");
    }

    @Test
    void ctrl_c_between_two_steps_names_the_steps_made_and_not_made_and_the_next_apply_makes_the_rest() throws Exception {
        String table = Emulator.uniqueTableName("Midway");
        ddb.run("create-table", "--name", table, "--pk", "id:S", "--billing-mode", "provisioned", "--read-capacity", "1",
                "--write-capacity", "1").expect(ExitCode.OK);
        // Two UpdateTables: the index create waits until the capacity change is done (held UPDATING below).
        Path spec = Files.writeString(home.resolve("midway.yaml"), "name: " + table + "\npk: id:S\nbilling-mode: provisioned\n"
                + "read-capacity: 2\nwrite-capacity: 1\ngsi: [\"ByDay:day:S:rcu=1:wcu=1\"]\n");
        try (FaultProxy proxy = new FaultProxy(ddb.endpoint())) {
            // Planning and the provisioner's own read see it ACTIVE; after the UpdateTable it stays UPDATING.
            proxy.on("DescribeTable", 3, Integer.MAX_VALUE, new FaultProxy.Rewrite(body -> body.replace("\"ACTIVE\"", "\"UPDATING\"")));
            Process process = launch(proxy.endpoint().toString(), "apply", "-f", spec.toString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((proxy.calls("UpdateTable") < 1 || proxy.calls("DescribeTable") < 4) && System.nanoTime() < deadline
                    && process.isAlive()) {
                Thread.sleep(50);
            }
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGINT").isTrue();
            assertThat(process.exitValue()).isEqualTo(130);
            assertThat(Files.readAllLines(home.resolve("err.txt"), StandardCharsets.UTF_8)).containsExactly(
                    "dynoctl apply: interrupted; table " + table + " was UPDATING; applied: capacity: read 1, write 1 -> read 2, "
                            + "write 1; not applied: global secondary index ByDay: none -> keys day (S), projection ALL "
                            + "(DynamoDB goes on; run the same command again to finish)");
            assertThat(proxy.calls("UpdateTable")).as("the index not created yet").isEqualTo(1);
        }
        Process rerun = launch(ddb.endpoint().toString(), "apply", "-f", spec.toString());
        assertThat(rerun.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(rerun.exitValue()).as(Files.readString(home.resolve("err.txt"))).isEqualTo(0);
        assertThat(Files.readString(home.resolve("out.txt")))
                .contains(table + ": updated (global secondary index ByDay: none -> keys day (S), projection ALL)");
    }

    @Test
    void ctrl_c_during_status_watch_exits_130_naming_the_tables_not_active() throws Exception {
        String table = Emulator.uniqueTableName("Watching");
        ddb.run("create-table", "--name", table, "--pk", "id:S").expect(ExitCode.OK);
        try (FaultProxy proxy = new FaultProxy(ddb.endpoint())) {
            proxy.always("DescribeTable", FaultProxy.creating());
            Process process = launch(proxy.endpoint().toString(), "status", table, "--watch");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (proxy.calls("DescribeTable") < 2 && System.nanoTime() < deadline && process.isAlive()) {
                Thread.sleep(50);
            }
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGINT").isTrue();
            assertThat(process.exitValue()).isEqualTo(130);
            assertThat(Files.readAllLines(home.resolve("err.txt"), StandardCharsets.UTF_8)).containsExactly(
                    "dynoctl status: interrupted; not ACTIVE yet: " + table + " (CREATING)");
        }
    }

    @Test
    void tables_waiting_for_a_worker_are_named_as_not_started() throws Exception {
        String first = Emulator.uniqueTableName("One");
        String second = Emulator.uniqueTableName("Two");
        String third = Emulator.uniqueTableName("Three");
        Path specs = Files.writeString(home.resolve("queued.yaml"), "name: " + first + "\npk: id:S\n---\nname: " + second
                + "\npk: id:S\n---\nname: " + third + "\npk: id:S\n");
        try (FaultProxy proxy = new FaultProxy(ddb.endpoint())) {
            proxy.always("CreateTable", FaultProxy.creating()).always("DescribeTable", FaultProxy.creating());
            Process process = launch(proxy.endpoint().toString(), "apply", "-f", specs.toString(), "--parallelism", "1");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            // Three reads to plan, one before CreateTable, then the first table's polls.
            while (proxy.calls("DescribeTable") < 7 && System.nanoTime() < deadline && process.isAlive()) {
                Thread.sleep(50);
            }
            new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(143);
            assertThat(Files.readAllLines(home.resolve("err.txt"), StandardCharsets.UTF_8)).containsExactly(
                    "dynoctl apply: interrupted; table " + first + " was CREATING (DynamoDB goes on; run the same command again to finish)",
                    "dynoctl apply: interrupted; not started: " + second + ", " + third);
            assertThat(proxy.calls("CreateTable")).as("no CreateTable for the tables not started").isEqualTo(1);
        }
    }

    /** target/dynoctl in a child process against the endpoint; output in out.txt and err.txt. */
    private Process launch(String endpoint, String... command) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(Path.of("target", "dynoctl").toString()));
        args.addAll(List.of(command));
        args.addAll(List.of("--endpoint-url", endpoint, "--region", "us-east-1"));
        ProcessBuilder builder = new ProcessBuilder(args)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(home.resolve("out.txt").toFile())
                .redirectError(home.resolve("err.txt").toFile());
        builder.environment().put("AWS_ACCESS_KEY_ID", "interrupt");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "interrupt");
        builder.environment().put("DYNOCTL_CDS", "off");
        return builder.start();
    }
}
