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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * variables, an empty HOME), no Docker, DynamoDB Local loaded from target/dynoctl-local/.
 */
class LocalIT {
    private static final Path LAUNCHER = Path.of("target", "dynoctl");
    @TempDir
    Path home;

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
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("dynoctl " + String.join(" ", args) + " did not finish within 90 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
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

    @Test
    void local_flag_works_with_no_account_and_no_server_and_the_data_persists_between_runs() throws Exception {
        Result created = dynoctl(Map.of(), "create-table", "--name", "Users", "--pk", "user_id:S", "--local", "-o", "json")
                .expect(ExitCode.OK);
        Result described = dynoctl(Map.of(), "describe-table", "--name", "Users", "--local").expect(ExitCode.OK);

        assertThat(created.out()).startsWith("{").contains("\"Outcome\": \"CREATED\"");
        assertThat(described.out()).contains("Partition key:").contains("user_id (S)");
        assertThat(home.resolve(".local/share/dynoctl/local/shared-local-instance.db")).exists();
        assertThat(Path.of("dynamodb-local-metadata.json")).as("no telemetry file in the working directory").doesNotExist();
    }

    @Test
    void local_data_dir_follows_the_environment_variable() throws Exception {
        Path data = home.resolve("elsewhere");
        Map<String, String> env = Map.of("DYNOCTL_LOCAL_DATA", data.toString());

        dynoctl(env, "create-table", "--name", "Orders", "--pk", "id:S", "--local").expect(ExitCode.OK);

        assertThat(data.resolve("shared-local-instance.db")).exists();
        assertThat(dynoctl(env, "local", "status").expect(ExitCode.NOT_FOUND).out())
                .isEqualTo("not running" + System.lineSeparator() + "data directory: " + data + System.lineSeparator());
    }

    @Test
    void serve_in_the_background_then_use_status_and_stop_it() throws Exception {
        int port = freePort();
        Path data = home.resolve("served");
        Map<String, String> env = Map.of("DYNOCTL_LOCAL_DATA", data.toString());
        Result started = dynoctl(env, "local", "serve", "--background", "--port", Integer.toString(port)).expect(ExitCode.OK);
        try {
            assertThat(started.out().trim()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(dynoctl(env, "local", "status").expect(ExitCode.OK).out()).contains("running (pid ", "http://127.0.0.1:" + port);
            try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                    .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("other", "key"))).build()) {
                client.createTable(r -> r.tableName("Made").billingMode("PAY_PER_REQUEST")
                        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
            }
            assertThat(dynoctl(env, "list-tables", "--local").expect(ExitCode.OK).out()).contains("Made");
            dynoctl(env, "local", "serve", "--background", "--port", Integer.toString(port)).expect(ExitCode.FAILURE);
        } finally {
            dynoctl(env, "local", "stop").expect(ExitCode.OK);
        }
        assertThat(listening(port)).as("port released").isFalse();
        dynoctl(env, "local", "status").expect(ExitCode.NOT_FOUND);
        dynoctl(env, "local", "stop").expect(ExitCode.NOT_FOUND);
    }

    @Test
    void concurrent_local_runs_on_one_data_dir_take_turns_and_all_succeed() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Result>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> dynoctl(Map.of(), "create-table", "--name", "Shared", "--pk", "id:S", "--local", "-q")));
            }
            for (java.util.concurrent.Future<Result> run : runs) {
                assertThat(run.get().expect(ExitCode.OK).err()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_pid_file_naming_another_process_is_not_taken_for_a_server() throws Exception {
        Path data = home.resolve("stale");
        Files.createDirectories(data);
        try (ServerSocket someoneElse = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // This test JVM's own pid, with a port that answers: only the start time tells it is not our server.
            Files.writeString(data.resolve("dynoctl-local.pid"),
                    ProcessHandle.current().pid() + " " + someoneElse.getLocalPort() + " 12345\n");
            Map<String, String> env = Map.of("DYNOCTL_LOCAL_DATA", data.toString());

            dynoctl(env, "local", "status").expect(ExitCode.NOT_FOUND);
            dynoctl(env, "local", "stop").expect(ExitCode.NOT_FOUND);
        }
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void a_port_in_use_is_a_clear_error() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result result = dynoctl(Map.of(), "local", "serve", "--in-memory", "--port", Integer.toString(taken.getLocalPort()))
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
