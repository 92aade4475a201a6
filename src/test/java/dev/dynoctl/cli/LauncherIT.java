package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynoctl.support.EmulatorExtension;
import dev.dynoctl.support.Emulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged target/dynoctl as a user runs it: a child process with a controlled environment
 * (no AWS variables, an empty HOME, so nothing from this machine's AWS setup leaks in).
 */
@ExtendWith(EmulatorExtension.class)
class LauncherIT {
    private static final Path LAUNCHER = Path.of("target", "dynoctl");
    private static final String SECRET_KEY = "wJalrXUtnFEMIK7MDENGbPxRfiCYSECRETKEY";
    private static final String SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLESESSIONTOKENvalue1234567890";

    private final Emulator ddb;
    @TempDir
    Path home;

    LauncherIT(Emulator ddb) {
        this.ddb = ddb;
    }

    record Result(int exitCode, String out, String err) {
        Result expect(ExitCode code) {
            assertThat(exitCode).as("exit code%nstdout:%n%s%nstderr:%n%s", out, err).isEqualTo(code.code());
            return this;
        }
    }

    private Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return launch(LAUNCHER, null, env, args);
    }

    /** The launcher as {@code launcher} names it, run in {@code directory} (null: this one). */
    private Result launch(Path launcher, Path directory, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .directory(directory == null ? null : directory.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("AWS_"));
        environment.put("HOME", home.toString());
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        environment.put("DYNOCTL_CDS", "off"); // the class cache has its own test below
        environment.putAll(env);
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("dynoctl " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private Map<String, String> localCredentials() {
        return Map.of("AWS_ACCESS_KEY_ID", "AKIDLAUNCHERTEST", "AWS_SECRET_ACCESS_KEY", SECRET_KEY, "AWS_REGION", "us-east-1");
    }

    @Test
    void version_and_help_run_from_the_single_file() throws Exception {
        assertThat(Files.isExecutable(LAUNCHER)).as("target/dynoctl is executable").isTrue();

        assertThat(launch(Map.of(), "--version").expect(ExitCode.OK).out()).startsWith("dynoctl ");
        assertThat(launch(Map.of(), "--help").expect(ExitCode.OK).out()).contains("create-table", "Exit codes:");
    }

    @Test
    void creates_and_describes_through_the_launcher_with_credentials_from_the_environment() throws Exception {
        String table = Emulator.uniqueTableName("Launched");
        Map<String, String> env = new java.util.HashMap<>(localCredentials());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", ddb.endpoint().toString());

        Result created = launch(env, "create-table", "--name", table, "--pk", "user_id:S").expect(ExitCode.OK);
        Result described = launch(env, "describe-table", "--name", table, "-o", "json").expect(ExitCode.OK);

        assertThat(created.out()).startsWith("Created table " + table + ": ACTIVE");
        assertThat(created.err()).isEmpty();
        assertThat(described.out()).contains("\"TableName\": \"" + table + "\"");
        assertThat(ddb.client().describeTable(r -> r.tableName(table)).table().tableStatusAsString()).isEqualTo("ACTIVE");
    }

    @Test
    void bad_input_is_one_line_on_stderr_and_exit_2_and_loads_no_aws_class() throws Exception {
        Path classLog = home.resolve("bad-input-classes.log");
        Result result = launch(Map.of("DYNOCTL_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog),
                "create-table", "--name", "ab", "--pk", "id:S").expect(ExitCode.INVALID_INPUT);

        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).singleElement().asString().contains("--name");
        assertThat(Files.readAllLines(classLog)).as("classes loaded").noneMatch(line -> line.contains(" software.amazon."))
                .anyMatch(line -> line.contains(" picocli.CommandLine "));
    }

    @Test
    void no_region_is_a_configuration_error_saying_how_to_set_one() throws Exception {
        Result result = launch(Map.of("AWS_ACCESS_KEY_ID", "x", "AWS_SECRET_ACCESS_KEY", "y"),
                "describe-table", "--name", "Users").expect(ExitCode.CONFIGURATION);

        assertThat(result.err().lines()).singleElement().asString().contains("no AWS region", "--region", "AWS_REGION");
    }

    @Test
    void region_can_come_from_aws_default_region_as_in_the_aws_cli() throws Exception {
        Result result = launch(Map.of("AWS_DEFAULT_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "x", "AWS_SECRET_ACCESS_KEY", "y",
                "AWS_ENDPOINT_URL", ddb.endpoint().toString()), "describe-table", "--name", "NoSuchTable-r").expect(ExitCode.NOT_FOUND);

        assertThat(result.err()).contains("table NoSuchTable-r not found");
    }

    @Test
    void no_credentials_is_a_configuration_error() throws Exception {
        Result result = launch(Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", ddb.endpoint().toString()),
                "describe-table", "--name", "Users").expect(ExitCode.CONFIGURATION);

        assertThat(result.err().lines()).singleElement().asString().contains("no AWS credentials");
    }

    @Test
    void unreachable_endpoint_is_one_line_naming_the_operation() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Result result = launch(localCredentials(), "create-table", "--name", "Users", "--pk", "id:S",
                "--endpoint-url", "http://127.0.0.1:" + closedPort).expect(ExitCode.FAILURE);

        assertThat(result.err().lines()).singleElement().asString().startsWith("dynoctl create-table: DescribeTable failed: ");
        assertThat(result.err()).doesNotContain("\tat ");
    }

    @Test
    void debug_logging_shows_sdk_requests_but_never_the_secret_key_or_session_token() throws Exception {
        String table = Emulator.uniqueTableName("Secret");
        Map<String, String> env = new java.util.HashMap<>(localCredentials());
        env.put("AWS_SESSION_TOKEN", SESSION_TOKEN);

        Result result = launch(env, "create-table", "--name", table, "--pk", "id:S", "-vv",
                "--endpoint-url", ddb.endpoint().toString()).expect(ExitCode.OK);

        assertThat(result.err()).contains("DEBUG").contains("CreateTable");
        assertThat(result.out() + result.err()).doesNotContain(SECRET_KEY).doesNotContain(SESSION_TOKEN);
    }

    @Test
    void first_run_makes_the_class_cache_in_the_background_later_runs_use_it_and_a_bad_one_is_ignored() throws Exception {
        Map<String, String> cds = Map.of("DYNOCTL_CDS", "on");
        Path cacheDir = home.resolve("cache").resolve("dynoctl");

        assertThat(launch(cds, "--version").expect(ExitCode.OK).out()).startsWith("dynoctl ");
        Path archive = awaitArchive(cacheDir);
        Path classLog = home.resolve("classes.log");
        Map<String, String> logged = new java.util.HashMap<>(localCredentials());
        logged.putAll(Map.of("DYNOCTL_CDS", "on", "DYNOCTL_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog));
        // Trained through a relative path, used through an absolute one from another directory: the archive serves both.
        launch(LAUNCHER.toAbsolutePath(), home, logged, "create-table", "--name", Emulator.uniqueTableName("Cached"),
                "--pk", "id:S", "--endpoint-url", ddb.endpoint().toString()).expect(ExitCode.OK);
        // The training ran the everyday paths against its own endpoint: the request, the "not found" answer, the
        // created table, waiting and printing all come from the archive, not from the jar.
        List<String> loaded = Files.readAllLines(classLog);
        for (String name : List.of("dev.dynoctl.cli.Main", "dev.dynoctl.cli.CreateTableCommand",
                "software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException",
                "software.amazon.awssdk.services.dynamodb.model.CreateTableResponse", "dev.dynoctl.table.TableWaiter",
                "dev.dynoctl.cli.TextRenderer")) {
            assertThat(loaded).as(name).filteredOn(line -> line.contains(" " + name + " "))
                    .singleElement().asString().contains("shared objects file");
        }

        Files.delete(archive); // the JVM writes archives read-only
        Files.writeString(archive, "not a class data archive");
        Result withBadArchive = launch(cds, "--version").expect(ExitCode.OK);
        assertThat(withBadArchive.out()).startsWith("dynoctl ").doesNotContain("archive");
        assertThat(withBadArchive.err()).isEmpty();
    }

    /** Waits for the background training run to publish its archive (it renames a finished file into place). */
    private static Path awaitArchive(Path cacheDir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(cacheDir)) {
                try (var files = Files.list(cacheDir)) {
                    List<Path> all = files.toList();
                    if (all.stream().anyMatch(p -> p.toString().endsWith(".jsa"))
                            && all.stream().noneMatch(p -> p.toString().endsWith(".training"))) {
                        return all.stream().filter(p -> p.toString().endsWith(".jsa")).findFirst().orElseThrow();
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no class cache archive appeared in " + cacheDir);
    }

    @Test
    void delete_takes_no_yes_from_the_environment() throws Exception {
        String table = Emulator.uniqueTableName("Kept");
        ddb.run("create-table", "--name", table, "--pk", "id:S").expect(ExitCode.OK);
        Map<String, String> env = new java.util.HashMap<>(localCredentials());
        env.putAll(Map.of("DYNOCTL_YES", "1", "YES", "1", "CI", "true", "DEBIAN_FRONTEND", "noninteractive",
                "AWS_ENDPOINT_URL", ddb.endpoint().toString()));

        Result result = launch(env, "delete-table", "--name", table).expect(ExitCode.REFUSED);

        assertThat(result.err()).contains("without --yes");
        assertThat(ddb.client().listTables().tableNames()).contains(table);
    }

    @Test
    void an_explicit_profile_wins_over_keys_in_the_environment() throws Exception {
        Path aws = Files.createDirectories(home.resolve(".aws"));
        Files.writeString(aws.resolve("credentials"), "[dev]\naws_access_key_id = DEVKEY\naws_secret_access_key = devsecret\n");
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "PRODKEY", "AWS_SECRET_ACCESS_KEY", "prodsecret", "AWS_REGION", "us-east-1");
        try (dev.dynoctl.support.FaultProxy proxy = new dev.dynoctl.support.FaultProxy(ddb.endpoint())) {
            launch(env, "describe-table", "--name", "NoSuchTable-p", "--profile", "dev", "--endpoint-url",
                    proxy.endpoint().toString()).expect(ExitCode.NOT_FOUND);

            assertThat(proxy.lastAuthorization()).contains("Credential=DEVKEY/").doesNotContain("PRODKEY");
        }
        Result unknown = launch(env, "describe-table", "--name", "NoSuchTable-p", "--profile", "nosuch",
                "--endpoint-url", ddb.endpoint().toString()).expect(ExitCode.CONFIGURATION);
        assertThat(unknown.err().lines()).singleElement().asString().contains("profile 'nosuch'");
    }

    @Test
    void verbose_failures_carry_a_stack_trace() throws Exception {
        Result result = launch(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "x", "AWS_SECRET_ACCESS_KEY", "y"),
                "describe-table", "--name", "Users", "--endpoint-url", "http://127.0.0.1:9", "-v").expect(ExitCode.FAILURE);

        assertThat(result.err()).contains("\tat ");
    }
}
