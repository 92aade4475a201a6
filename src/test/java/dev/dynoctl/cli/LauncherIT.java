package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynoctl.support.EmulatorExtension;
import dev.dynoctl.support.Emulator;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
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
        return start(launcher, directory, env, args).await();
    }

    /** A run under way; its stdout and stderr go to files of their own, which stay readable after it ends. */
    record Running(Process process, Path out, Path err, String[] args) {
        Result await() throws IOException, InterruptedException {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("dynoctl " + String.join(" ", args) + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        }

        /** What the run's stdout and stderr hold now: a background run it started must not write there. */
        Result reread() throws IOException {
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        }
    }

    private Running start(Path launcher, Path directory, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .directory(directory == null ? null : directory.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("AWS_"));
        environment.put("HOME", home.toString());
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        environment.put("DYNOCTL_CDS", "off"); // the class cache has its own tests below
        environment.putAll(env);
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        return new Running(builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err, args);
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

    /** Classes of an everyday create-table that the training put in the cache: the request, the "not found" answer, the
     * created table, waiting and printing. The training ran these paths against its own endpoint. */
    private static final List<String> TRAINED_CLASSES = List.of("dev.dynoctl.cli.Main", "dev.dynoctl.cli.CreateTableCommand",
            "software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException",
            "software.amazon.awssdk.services.dynamodb.model.CreateTableResponse", "dev.dynoctl.table.TableWaiter",
            "dev.dynoctl.cli.TextRenderer");

    @Test
    void first_run_makes_the_class_cache_in_the_background_later_runs_use_it_and_a_bad_one_is_ignored() throws Exception {
        Map<String, String> cds = Map.of("DYNOCTL_CDS", "on", "JAVA_HOME", appCdsJdk().toString());
        Path cacheDir = home.resolve("cache").resolve("dynoctl");

        assertThat(launch(cds, "--version").expect(ExitCode.OK).out()).startsWith("dynoctl ");
        Path archive = awaitCache(cacheDir, ".jsa");
        Path classLog = home.resolve("classes.log");
        Map<String, String> logged = new java.util.HashMap<>(localCredentials());
        logged.putAll(cds);
        logged.put("DYNOCTL_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
        // Trained through a relative path, used through an absolute one from another directory: the archive serves both.
        launch(LAUNCHER.toAbsolutePath(), home, logged, "create-table", "--name", Emulator.uniqueTableName("Cached"),
                "--pk", "id:S", "--endpoint-url", ddb.endpoint().toString()).expect(ExitCode.OK);
        assertLoadedFromTheCache(classLog);
        // Jackson and SnakeYAML stay out, also as what the dump's verifier would load for the spec file reader.
        assertThat(archivedClasses(appCdsJdk(), archive)).contains("dev.dynoctl.table.SpecParser", "dev.dynoctl.table.SpecComparison")
                .noneMatch(name -> name.startsWith("com.fasterxml.") || name.startsWith("org.yaml."));

        Files.delete(archive); // the JVM writes archives read-only
        Files.writeString(archive, "not a class data archive");
        Result withBadArchive = launch(cds, "--version").expect(ExitCode.OK);
        assertThat(withBadArchive.out()).startsWith("dynoctl ").doesNotContain("archive");
        assertThat(withBadArchive.err()).isEmpty();
    }

    @Test
    void on_java_25_first_runs_train_an_aot_cache_later_runs_map_it_and_a_foreign_damaged_or_stale_one_is_never_used()
            throws Exception {
        Path jdk = aotJdk();
        // A copy of the launcher, so that it can be "rebuilt" (made newer) without touching target/.
        Path launcher = Files.copy(LAUNCHER, Files.createDirectories(home.resolve("bin")).resolve("dynoctl"),
                java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Path cacheDir = home.resolve("cache").resolve("dynoctl");
        Map<String, String> on = Map.of("DYNOCTL_CDS", "on", "JAVA_HOME", jdk.toString());

        // Three first runs at once: one of them starts the training; none waits for it.
        List<Running> first = List.of(start(launcher, null, on, "--version"), start(launcher, null, on, "--version"),
                start(launcher, null, on, "--version"));
        List<Result> firstResults = new ArrayList<>();
        for (Running run : first) {
            Result result = run.await().expect(ExitCode.OK);
            assertThat(result.out()).startsWith("dynoctl ").contains("Java " + feature(jdk));
            assertThat(result.err()).isEmpty();
            firstResults.add(result);
        }
        Path cache = awaitCache(cacheDir, ".aot");
        assertThat(cache.getFileName().toString()).as("named for the JDK's version").endsWith("-" + runtimeVersion(jdk) + ".aot");
        assertThat(fileNames(cacheDir)).as("the cache directory after the training").containsExactly(cache.getFileName().toString());
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i).reread()).as("the first runs' stdout and stderr after the training").isEqualTo(firstResults.get(i));
        }

        // Used: the JVM opens this file, and the trained classes come from it (the JDK's own archive has none of them).
        Path log = home.resolve("used.log");
        Result used = createTable(launcher, jdk, log).expect(ExitCode.OK);
        assertThat(used.err()).isEmpty();
        assertThat(Files.readAllLines(log)).as("the JVM's log").anyMatch(line -> line.contains("Opened AOT cache " + cache + "."));
        assertLoadedFromTheCache(log);

        // Another build of this JDK made it: its header names another JVM version. The JVM refuses it, silently here.
        byte[] bytes = Files.readAllBytes(cache);
        String header = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        int at = header.indexOf(" VM (");
        assertThat(at).as("the JVM's version in the cache's header").isNotNegative();
        int version = at + " VM (".length();
        bytes[version] = (byte) (bytes[version] == '9' ? '8' : bytes[version] + 1);
        Files.delete(cache);
        Files.write(cache, bytes);
        Path foreignLog = home.resolve("foreign.log");
        Result foreign = createTable(launcher, jdk, foreignLog).expect(ExitCode.OK);
        assertThat(foreign.out()).startsWith("Created table ");
        assertThat(foreign.err()).isEmpty();
        assertNotLoadedFromACache(foreignLog);

        Files.delete(cache);
        Files.writeString(cache, "not an AOT cache");
        Result damaged = createTable(launcher, jdk, home.resolve("damaged.log")).expect(ExitCode.OK);
        assertThat(damaged.out()).startsWith("Created table ");
        assertThat(damaged.err()).isEmpty();

        // A rebuilt launcher (newer than the cache, by more than the shell's one-second resolution): the cache is not
        // passed to the JVM, and a new one is trained.
        Thread.sleep(1100);
        Files.setLastModifiedTime(launcher, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
        Path staleLog = home.resolve("stale.log");
        Result stale = createTable(launcher, jdk, staleLog).expect(ExitCode.OK);
        assertThat(stale.err()).isEmpty();
        assertThat(Files.readAllLines(staleLog)).as("the JVM's log").noneMatch(line -> line.contains("Opened AOT cache"));
        assertNotLoadedFromACache(staleLog);
        Path retrained = awaitCache(cacheDir, ".aot");
        Path retrainedLog = home.resolve("retrained.log");
        createTable(launcher, jdk, retrainedLog).expect(ExitCode.OK);
        assertLoadedFromTheCache(retrainedLog);
        assertThat(Files.readAllLines(retrainedLog)).anyMatch(line -> line.contains("Opened AOT cache " + retrained + "."));
    }

    @Test
    void on_java_25_DYNOCTL_CDS_off_or_the_users_own_class_sharing_options_mean_no_cache_and_no_training() throws Exception {
        Path jdk = aotJdk();
        Path cacheDir = home.resolve("cache").resolve("dynoctl");
        // -Xshare:off beside -XX:AOTCache would stop the JVM ("cannot be used at the same time"): the user's choice wins.
        for (Map<String, String> env : List.of(Map.of("DYNOCTL_CDS", "off"), Map.of("DYNOCTL_CDS", "on", "DYNOCTL_JAVA_OPTS", "-Xshare:off"),
                Map.of("DYNOCTL_CDS", "on", "JAVA_TOOL_OPTIONS", "-Xshare:auto"))) {
            Map<String, String> withJdk = new java.util.HashMap<>(env);
            withJdk.put("JAVA_HOME", jdk.toString());

            Result result = launch(withJdk, "--version").expect(ExitCode.OK);

            assertThat(result.out()).as("%s", env).startsWith("dynoctl ").contains("Java " + feature(jdk));
            assertThat(result.err().lines()).as("%s: stderr, but for the JVM's own notice of JAVA_TOOL_OPTIONS", env)
                    .allMatch(line -> line.startsWith("Picked up JAVA_TOOL_OPTIONS: "));
            assertThat(cacheDir).as("%s: no cache directory, no training", env).doesNotExist();
        }
    }

    /** create-table through {@code launcher} on {@code jdk}, with the cache on and the JVM's class loading and AOT log in {@code log}. */
    private Result createTable(Path launcher, Path jdk, Path log) throws IOException, InterruptedException {
        Map<String, String> env = new java.util.HashMap<>(localCredentials());
        env.putAll(Map.of("DYNOCTL_CDS", "on", "JAVA_HOME", jdk.toString(),
                "DYNOCTL_JAVA_OPTS", "-Xlog:class+load=info,aot=info:file=" + log));
        return launch(launcher, home, env, "create-table", "--name", Emulator.uniqueTableName("Aot"), "--pk", "id:S",
                "--endpoint-url", ddb.endpoint().toString());
    }

    private static void assertLoadedFromTheCache(Path classLog) throws IOException {
        List<String> loaded = Files.readAllLines(classLog);
        for (String name : TRAINED_CLASSES) {
            assertThat(loaded).as(name).filteredOn(line -> line.contains(" " + name + " "))
                    .singleElement().asString().contains("shared objects file");
        }
        assertThat(loaded).as("dynoctl's and picocli's classes a create-table loads from the jar, not the cache")
                .filteredOn(line -> (line.contains("] dev.dynoctl.") || line.contains("] picocli.")) && line.contains("source: file:"))
                .isEmpty();
    }

    /** The classes an AppCDS archive holds, as the JVM lists them. */
    private static List<String> archivedClasses(Path jdk, Path archive) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(jdk.resolve("bin").resolve("java").toString(), "-XX:SharedArchiveFile=" + archive,
                "-XX:+PrintSharedArchiveAndExit", "-cp", LAUNCHER.toRealPath().toString()).redirectErrorStream(true).start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        process.waitFor();
        return lines.stream().map(line -> line.trim().split(" ")).filter(words -> words.length == 3 && words[0].matches("\\d+:"))
                .map(words -> words[1]).toList();
    }

    private static void assertNotLoadedFromACache(Path classLog) throws IOException {
        List<String> loaded = Files.readAllLines(classLog);
        for (String name : TRAINED_CLASSES) {
            assertThat(loaded).as(name).filteredOn(line -> line.contains(" " + name + " "))
                    .singleElement().asString().doesNotContain("shared objects file");
        }
    }

    /** Waits until a background training has published its cache (it renames a finished file into place) and ended. */
    private static Path awaitCache(Path cacheDir, String suffix) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(cacheDir)) {
                List<String> names = fileNames(cacheDir);
                if (names.stream().anyMatch(n -> n.endsWith(suffix)) && names.stream().noneMatch(n -> n.endsWith(".training"))) {
                    return cacheDir.resolve(names.stream().filter(n -> n.endsWith(suffix)).findFirst().orElseThrow());
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no class cache (" + suffix + ") appeared in " + cacheDir + ": "
                + (Files.isDirectory(cacheDir) ? fileNames(cacheDir) : "no directory"));
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A JDK 17-24 for the AppCDS path: the one running the tests (CI's Java 17), else one in /usr/lib/jvm. */
    private static Path appCdsJdk() throws IOException {
        java.util.Optional<Path> jdk = jdks().filter(j -> feature(j) >= 17 && feature(j) < 25).findFirst();
        Assumptions.assumeTrue(jdk.isPresent(), "skipped: the AppCDS path needs a JDK 17 to 24 (none runs the tests or is in /usr/lib/jvm)");
        return jdk.get();
    }

    /** A JDK 25 or newer for the AOT cache path: DYNOCTL_TEST_JDK25 if set, else the one running the tests or one in /usr/lib/jvm. */
    private static Path aotJdk() throws IOException {
        String given = System.getenv("DYNOCTL_TEST_JDK25");
        if (given != null && !given.isEmpty()) {
            assertThat(feature(Path.of(given))).as("DYNOCTL_TEST_JDK25=%s is a JDK 25 or newer", given).isGreaterThanOrEqualTo(25);
            return Path.of(given);
        }
        java.util.Optional<Path> jdk = jdks().filter(j -> feature(j) >= 25).findFirst();
        Assumptions.assumeTrue(jdk.isPresent(), "skipped: the AOT cache path needs a JDK 25 or newer (none runs the tests or is in "
                + "/usr/lib/jvm; DYNOCTL_TEST_JDK25 may name one)");
        return jdk.get();
    }

    /** JDK homes on this machine: the one running the tests first, then /usr/lib/jvm's. */
    private static java.util.stream.Stream<Path> jdks() throws IOException {
        List<Path> homes = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (var dirs = Files.list(jvms)) {
                dirs.sorted().forEach(homes::add);
            }
        }
        return homes.stream().filter(j -> Files.isExecutable(j.resolve("bin").resolve("java")));
    }

    /** The JDK's feature version from its release file (25 for "25.0.3"), -1 if it has none. */
    private static int feature(Path jdk) {
        String version = release(jdk, "JAVA_VERSION");
        java.util.regex.Matcher digits = java.util.regex.Pattern.compile("\\d+").matcher(version);
        return digits.lookingAt() ? Integer.parseInt(digits.group()) : -1;
    }

    /** The version the launcher names the JDK's AOT cache for. */
    private static String runtimeVersion(Path jdk) {
        String version = release(jdk, "JAVA_RUNTIME_VERSION");
        return version.isEmpty() ? release(jdk, "JAVA_VERSION") : version;
    }

    private static String release(Path jdk, String key) {
        try {
            return Files.readAllLines(jdk.resolve("release")).stream().filter(line -> line.startsWith(key + "="))
                    .map(line -> line.substring(key.length() + 1).replace("\"", "")).findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
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
        // The jar's classes lost their local variable tables at the build, not their line numbers.
        assertThat(result.err()).containsPattern("\tat dev\\.dynoctl\\.[\\w.$]+\\(\\w+\\.java:\\d+\\)")
                .containsPattern("\tat software\\.amazon\\.awssdk\\.[\\w.$]+\\(\\w+\\.java:\\d+\\)");
    }

    @Test
    void the_jars_classes_carry_line_numbers_but_no_local_variable_tables() {
        for (String type : List.of("dev.dynoctl.cli.Main", "dev.dynoctl.table.SpecComparison",
                "software.amazon.awssdk.services.dynamodb.model.CreateTableRequest", "picocli.CommandLine")) {
            StringWriter out = new StringWriter();
            int status = ToolProvider.findFirst("javap").orElseThrow()
                    .run(new PrintWriter(out), new PrintWriter(out), "-c", "-l", "-p", "-cp", "target/dynoctl.jar", type);

            assertThat(status).as(out.toString()).isZero();
            assertThat(out.toString()).as(type).contains("LineNumberTable").doesNotContain("LocalVariableTable")
                    .doesNotContain("LocalVariableTypeTable");
        }
    }

    /** The build step runs as a source file, which Java 22 and newer launch only from a path matching its package. */
    @Test
    void the_build_step_that_rewrites_the_jars_classes_runs_on_the_java_17_and_25_here() throws Exception {
        Path step = Path.of("src", "build", "java", "dev", "dynoctl", "build", "CacheReadyClasses.java");
        Path asm = Path.of("target", "build-tools", "asm.jar");
        List<Path> javas = new ArrayList<>(List.of(appCdsJdk()));
        jdks().filter(jdk -> feature(jdk) >= 25).findFirst().ifPresent(javas::add);
        for (Path jdk : javas) {
            Path jar = home.resolve("one-class-" + feature(jdk) + ".jar");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
                out.putNextEntry(new ZipEntry("dev/dynoctl/table/SpecParser.class"));
                out.write(Files.readAllBytes(Path.of("target", "classes", "dev", "dynoctl", "table", "SpecParser.class")));
                out.closeEntry();
            }
            Process process = new ProcessBuilder(jdk.resolve("bin").resolve("java").toString(), "-cp", asm.toString(),
                    step.toString(), jar.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as("on %s: %s", jdk, output).isZero();

            StringWriter javap = new StringWriter();
            ToolProvider.findFirst("javap").orElseThrow().run(new PrintWriter(javap), new PrintWriter(javap), "-c", "-l", "-p", "-cp",
                    jar.toString(), "dev.dynoctl.table.SpecParser");
            assertThat(javap.toString()).as("rewritten on %s", jdk).contains("LineNumberTable").doesNotContain("LocalVariableTable");
        }
    }

    /**
     * The build made picocli's Java 5 classes Java 6 ones with computed stack maps: each must pass the type-checking
     * verifier itself (a class whose stack maps are wrong would fall back to the old verifier without a word).
     */
    @Test
    void the_jars_picocli_classes_are_java_6_with_stack_maps_the_verifier_accepts() throws Exception {
        List<String> classes;
        try (ZipFile jar = new ZipFile(LAUNCHER.toFile())) {
            classes = jar.stream().map(ZipEntry::getName).filter(name -> name.startsWith("picocli/") && name.endsWith(".class"))
                    .toList();
            for (String name : classes) {
                try (DataInputStream in = new DataInputStream(jar.getInputStream(jar.getEntry(name)))) {
                    in.readInt(); // magic
                    in.readUnsignedShort(); // minor version
                    assertThat(in.readUnsignedShort()).as(name + "'s class file version").isEqualTo(50);
                }
            }
        }
        assertThat(classes).hasSizeGreaterThan(200);
        // Linked (initializing links) in a JVM of its own, which logs how it verified each class.
        Path linker = home.resolve("LinkAll.java");
        Files.writeString(linker, """
                public class LinkAll {
                    public static void main(String[] names) throws Exception {
                        for (String name : names) {
                            Class.forName(name, true, LinkAll.class.getClassLoader());
                        }
                    }
                }
                """);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:verification=info", "-cp", LAUNCHER.toString(), linker.toString()));
        classes.forEach(name -> command.add(name.substring(0, name.length() - ".class".length()).replace('/', '.')));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();

        assertThat(process.waitFor()).as(String.join("\n", log.subList(Math.max(0, log.size() - 20), log.size()))).isZero();
        assertThat(log).filteredOn(line -> line.contains("old verifier") && line.contains("picocli.")).isEmpty();
        assertThat(log).filteredOn(line -> line.matches(".*Verifying class picocli\\.\\S+ with new format.*")).hasSize(classes.size());
    }
}
