package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import dev.dynoctl.support.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * `dynoctl local` and --local through the packaged launcher, as a newcomer uses them: no AWS account (no AWS
 * variables, an empty HOME), no Docker; moto from the machine's python3, dynalite from target/dynalite (npm).
 * Every engine a test starts is stopped after it ({@link #stopEngines}).
 */
class LocalIT {
    private static final Path LAUNCHER = Path.of("target", "dynoctl");
    @TempDir
    Path home;
    private final List<Map<String, String>> usedDataDirs = new ArrayList<>();

    record Result(int exitCode, String out, String err) {
        Result expect(ExitCode code) {
            assertThat(exitCode).as("exit code%nstdout:%n%s%nstderr:%n%s", out, err).isEqualTo(code.code());
            return this;
        }
    }

    private Result dynoctl(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("DYNOCTL_") || k.startsWith("XDG_"));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("DYNOCTL_CDS", "off");
        builder.environment().putAll(env);
        if (!usedDataDirs.contains(env)) {
            usedDataDirs.add(env);
        }
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("dynoctl " + String.join(" ", args) + " did not finish within 90 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopEngines() throws Exception {
        for (Map<String, String> env : usedDataDirs) {
            dynoctl(env, "local", "stop"); // exit 4 where none runs
        }
    }

    /** An environment with dynalite on PATH (installed by the build into target/dynalite); skipped without Node.js. */
    private static Map<String, String> withDynalite(Map<String, String> env) {
        Path bin = EmulatorExtension.installDynalite().getParent().getParent().resolve(".bin");
        Map<String, String> all = new HashMap<>(env);
        all.put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        return all;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static DynamoDbClient client(String endpoint) {
        return DynamoDbClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("other", "key"))).build();
    }

    private static String endpointIn(String status) {
        return status.lines().findFirst().orElseThrow().replaceFirst(".* on ", "");
    }

    @Test
    void local_flag_starts_one_engine_that_later_commands_use_until_it_is_stopped() throws Exception {
        Map<String, String> env = Map.of();
        Result created = dynoctl(env, "create-table", "--name", "Users", "--pk", "user_id:S", "--local", "-o", "json")
                .expect(ExitCode.OK);
        assertThat(created.out()).startsWith("{").contains("\"Outcome\": \"CREATED\"");
        assertThat(created.err().lines()).singleElement().asString()
                .startsWith("dynoctl create-table: started moto on http://127.0.0.1:")
                .contains("tables in memory").endsWith("stop it with 'dynoctl local stop'");

        Result listed = dynoctl(env, "list-tables", "--local").expect(ExitCode.OK);
        assertThat(dynoctl(Map.of("DYNOCTL_LOCAL_DATA", home.resolve("other").toString()), "list-tables", "--local", "-q")
                .expect(ExitCode.OK).err()).as("-q: not even the line about the engine it started").isEmpty();
        assertThat(dynoctl(Map.of("DYNOCTL_LOCAL_DATA", home.resolve("bad").toString(), "DYNOCTL_LOCAL_ENGINE", "mongo"),
                "list-tables", "--local").expect(ExitCode.INVALID_INPUT).err())
                .isEqualTo("dynoctl list-tables: DYNOCTL_LOCAL_ENGINE must be moto or dynalite, not 'mongo'" + System.lineSeparator());
        assertThat(listed.out()).isEqualTo("Users" + System.lineSeparator());
        assertThat(listed.err()).as("no second engine").isEmpty();

        Result status = dynoctl(env, "local", "status").expect(ExitCode.OK);
        assertThat(status.out()).startsWith("running moto (pid ");
        try (DynamoDbClient client = client(endpointIn(status.out()))) {
            assertThat(client.listTables().tableNames()).containsExactly("Users");
        }

        dynoctl(env, "local", "stop").expect(ExitCode.OK);
        assertThat(listening(URI.create(endpointIn(status.out())).getPort())).as("port released").isFalse();
        dynoctl(env, "local", "status").expect(ExitCode.NOT_FOUND);
    }

    @Test
    void local_data_dir_follows_the_environment_variable() throws Exception {
        Path data = home.resolve("elsewhere");
        Map<String, String> env = Map.of("DYNOCTL_LOCAL_DATA", data.toString());
        assertThat(dynoctl(env, "local", "status").expect(ExitCode.NOT_FOUND).out())
                .isEqualTo("not running" + System.lineSeparator() + "data directory: " + data + System.lineSeparator());

        dynoctl(env, "create-table", "--name", "Orders", "--pk", "id:S", "--local").expect(ExitCode.OK);

        assertThat(data.resolve("dynoctl-local.pid")).exists();
        assertThat(data.resolve("moto.log")).exists();
        assertThat(dynoctl(env, "local", "status").expect(ExitCode.OK).out()).endsWith("data directory: " + data + System.lineSeparator());
        assertThat(home.resolve(".local")).as("nothing in the default data directory").doesNotExist();
    }

    @Test
    void serve_in_the_background_then_use_status_and_stop_it() throws Exception {
        int port = freePort();
        Map<String, String> env = Map.of("DYNOCTL_LOCAL_DATA", home.resolve("served").toString());
        Result started = dynoctl(env, "local", "serve", "--background", "--port", Integer.toString(port)).expect(ExitCode.OK);
        assertThat(started.out().trim()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(started.err()).startsWith("moto (pid ").contains("runs in the background; stop it with: dynoctl local stop");
        assertThat(dynoctl(env, "local", "status").expect(ExitCode.OK).out()).contains("running moto (pid ", "http://127.0.0.1:" + port);
        try (DynamoDbClient client = client("http://127.0.0.1:" + port)) {
            client.createTable(r -> r.tableName("Made").billingMode("PAY_PER_REQUEST")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
        }
        assertThat(dynoctl(env, "list-tables", "--local").expect(ExitCode.OK).out()).contains("Made");
        Result again = dynoctl(env, "local", "serve", "--background", "--port", Integer.toString(freePort())).expect(ExitCode.FAILURE);
        assertThat(again.err().lines()).singleElement().asString().contains("moto is already running (pid ");

        assertThat(dynoctl(env, "local", "stop").expect(ExitCode.OK).out()).startsWith("stopped moto (pid ");
        assertThat(listening(port)).as("port released").isFalse();
        dynoctl(env, "local", "status").expect(ExitCode.NOT_FOUND);
        Result none = dynoctl(env, "local", "stop").expect(ExitCode.NOT_FOUND);
        assertThat(none.err().lines()).singleElement().asString().startsWith("dynoctl local stop: no local engine is running for ");
    }

    @Test
    void serve_in_the_foreground_stops_its_engine_on_sigterm() throws Exception {
        int port = freePort();
        Path data = home.resolve("fg");
        List<String> command = List.of(LAUNCHER.toString(), "local", "serve", "--port", Integer.toString(port), "--data-dir", data.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(home.resolve("fg.out").toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("DYNOCTL_CDS", "off");
        Process serve = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(home.resolve("fg.out")).contains("Ctrl-C stops it") && System.nanoTime() < deadline
                    && serve.isAlive()) {
                Thread.sleep(50);
            }
            assertThat(listening(port)).as("answers on %d: %s", port, Files.readString(home.resolve("fg.out"))).isTrue();
            assertThat(data.resolve("dynoctl-local.pid")).exists();

            serve.destroy(); // SIGTERM
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(serve.exitValue()).isEqualTo(ExitCode.TERMINATED.code());
        } finally {
            serve.destroyForcibly();
        }
        assertThat(listening(port)).as("engine stopped with its serve").isFalse();
        assertThat(data.resolve("dynoctl-local.pid")).doesNotExist();
        assertThat(Files.readString(home.resolve("fg.out"))).contains("http://127.0.0.1:" + port, "listening on", "Ctrl-C stops it")
                .doesNotContain("exited");
    }

    @Test
    void a_local_command_stopped_while_its_engine_starts_leaves_the_engine_to_the_next_command() throws Exception {
        Path data = home.resolve("interrupted");
        Map<String, String> env = Map.of("DYNOCTL_LOCAL_DATA", data.toString());
        usedDataDirs.add(env);
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "list-tables", "--local")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("DYNOCTL_"));
        builder.environment().putAll(Map.of("HOME", home.toString(), "DYNOCTL_CDS", "off", "DYNOCTL_LOCAL_DATA", data.toString()));
        Process first = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(data.resolve("dynoctl-local.pid")) && System.nanoTime() < deadline && first.isAlive()) {
            Thread.sleep(20);
        }
        new ProcessBuilder("kill", "-INT", Long.toString(first.pid())).start().waitFor();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Result next = dynoctl(env, "list-tables", "--local").expect(ExitCode.OK);

        assertThat(next.err()).as("the engine the stopped command started is used, not a second one").isEmpty();
        assertThat(dynoctl(env, "local", "status").expect(ExitCode.OK).out()).startsWith("running moto (pid ");
    }

    @Test
    void concurrent_local_runs_on_one_data_dir_start_one_engine_and_all_succeed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Map<String, String> env = Map.of();
        try {
            List<Future<Result>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> dynoctl(env, "create-table", "--name", "Shared", "--pk", "id:S", "--local")));
            }
            int started = 0;
            for (Future<Result> run : runs) {
                String err = run.get().expect(ExitCode.OK).err();
                started += (int) err.lines().filter(line -> line.contains("started moto on")).count();
                assertThat(err.lines()).allMatch(line -> line.contains("started moto on"));
            }
            assertThat(started).as("engines started").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void dynalite_in_the_background_keeps_its_tables_across_a_restart() throws Exception {
        Path data = home.resolve("dl");
        Map<String, String> env = withDynalite(Map.of("DYNOCTL_LOCAL_DATA", data.toString()));
        Result started = dynoctl(env, "local", "serve", "--engine", "dynalite", "--background", "--port", Integer.toString(freePort()))
                .expect(ExitCode.OK);
        assertThat(started.err()).startsWith("dynalite (pid ").contains("tables in " + data.resolve("dynalite"));
        dynoctl(env, "create-table", "--name", "Kept", "--pk", "id:S", "--local").expect(ExitCode.OK);
        Result described = dynoctl(env, "describe-table", "--name", "Kept", "--local").expect(ExitCode.OK);
        assertThat(described.out()).contains("Status:                  ACTIVE");
        dynoctl(env, "local", "stop").expect(ExitCode.OK);

        dynoctl(env, "local", "serve", "--engine", "dynalite", "--background", "--port", Integer.toString(freePort())).expect(ExitCode.OK);
        assertThat(dynoctl(env, "local", "status").expect(ExitCode.OK).out()).startsWith("running dynalite (pid ");
        assertThat(dynoctl(env, "list-tables", "--local").expect(ExitCode.OK).out()).isEqualTo("Kept" + System.lineSeparator());
    }

    @Test
    void no_engine_installed_is_exit_6_with_how_to_install_one() throws Exception {
        Path emptyPath = Files.createDirectories(home.resolve("bin"));
        Map<String, String> env = Map.of("PATH", emptyPath.toString(), "JAVA_HOME", System.getProperty("java.home"));

        Result result = dynoctl(env, "create-table", "--name", "Users", "--pk", "id:S", "--local").expect(ExitCode.CONFIGURATION);

        assertThat(result.err().lines()).singleElement().asString()
                .isEqualTo("dynoctl create-table: no local DynamoDB engine is installed: install moto (pip install 'moto[server]') "
                        + "or dynalite (npm install -g dynalite@4.0.0, needs Node.js)");
        Result named = dynoctl(env, "local", "serve", "--engine", "moto").expect(ExitCode.CONFIGURATION);
        assertThat(named.err().lines()).singleElement().asString()
                .isEqualTo("dynoctl local serve: moto is not installed: pip install 'moto[server]' (needs python3)");
    }

    @Test
    void a_pid_file_naming_another_process_is_not_taken_for_a_server() throws Exception {
        Path data = home.resolve("stale");
        Files.createDirectories(data);
        try (ServerSocket someoneElse = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // This test JVM's own pid, with a port that answers: only the start time tells it is not our server.
            Files.writeString(data.resolve("dynoctl-local.pid"),
                    ProcessHandle.current().pid() + " " + someoneElse.getLocalPort() + " 12345 moto\n");
            Map<String, String> env = Map.of("DYNOCTL_LOCAL_DATA", data.toString());

            dynoctl(env, "local", "status").expect(ExitCode.NOT_FOUND);
            dynoctl(env, "local", "stop").expect(ExitCode.NOT_FOUND);
        }
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void a_port_in_use_is_a_clear_error() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result result = dynoctl(Map.of(), "local", "serve", "--port", Integer.toString(taken.getLocalPort()))
                    .expect(ExitCode.FAILURE);

            assertThat(result.err().lines()).singleElement().asString()
                    .isEqualTo("dynoctl local serve: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use; "
                            + "choose another with --port");
        }
    }

    @Test
    void man_pages_are_built_for_every_command() {
        for (String page : List.of("dynoctl", "dynoctl-create-table", "dynoctl-describe-table", "dynoctl-list-tables",
                "dynoctl-delete-table", "dynoctl-wait", "dynoctl-local", "dynoctl-local-serve", "dynoctl-local-status",
                "dynoctl-local-stop", "dynoctl-generate-completion")) {
            assertThat(Path.of("target", "man", "man1", page + ".1")).exists();
        }
    }
}
