package dev.dynoctl.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Hidden: run by the launcher, under -XX:DumpLoadedClassList, to record the classes everyday runs load, for the AppCDS
 * archive that later runs map instead of loading (and verifying) them from the jar. It runs the commands users run
 * most, each as {@link Main} runs it, on the real client, against a {@link TrainingEndpoint} on a loopback port: tables
 * created (and waited for) from flags, found to exist, described, listed, waited on and deleted; a directory of specs
 * planned and applied; their status; the local engine's status. Its output goes nowhere; what counts is which classes it
 * loads.
 * Every run maps the whole archive, and its size is most of a run's memory, so what fewer runs need stays out: JSON
 * output and spec files (Jackson and SnakeYAML, about 6 MB) are left out of the class list by the launcher, and load
 * from the jar in the runs that use them (measured: about 30 and 50 ms).
 */
@Command(name = "cds-training", hidden = true)
final class ClassCacheTrainingCommand implements Callable<Integer> {
    private final CliContext context;

    ClassCacheTrainingCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        // By name: a class literal would record the endpoint's class, and through it its server's, in this JVM's list.
        Process endpoint = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.dynoctl.cli.TrainingEndpoint")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Path specs = specDirectory();
        try {
            String url = new BufferedReader(new InputStreamReader(endpoint.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (url == null) {
                throw new IOException("the training endpoint did not start");
            }
            String[] at = {"--endpoint-url", url, "--region", "us-east-1"};
            for (List<String> command : script(specs)) {
                run(command.get(0).equals("local") ? new String[] {"--data-dir", specs.toString()} : at,
                        command.toArray(String[]::new));
            }
        } finally {
            endpoint.destroy();
            deleteAll(specs);
        }
        return 0;
    }

    /** The training runs; every public command is among them ({@code ClassCacheTrainingTest} checks). */
    static List<List<String>> script(Path specs) {
        String dir = specs.toString();
        return List.of(
                List.of("create-table", "--name", "Training", "--pk", "id:S"),
                List.of("create-table", "--name", "Training", "--pk", "id:S"),
                List.of("create-table", "--name", "Events", "--pk", "device:S", "--sk", "ts:N", "--gsi", "ByKind:kind:S",
                        "--lsi", "ByKindHere:kind:S", "--tag", "team=a", "--deletion-protection"),
                List.of("describe-table", "--name", "Training"),
                List.of("list-tables"),
                List.of("wait", "--name", "Training", "--until", "active"),
                List.of("plan", "-f", dir, "--all"),
                List.of("apply", "-f", dir),
                List.of("plan", "-f", dir),
                List.of("status", "--all", "-f", dir, "--watch"),
                List.of("delete-table", "--name", "Training", "--yes"),
                List.of("describe-table", "--name", "Training"),
                List.of("local", "status"),
                List.of("local", "stop"));
    }

    /**
     * Commands the training leaves out, and why. The archive is mapped by every run, each trained class costs every run
     * memory, so what is run once in a while loads its own classes from the jar.
     */
    static final Map<String, String> NOT_TRAINED = Map.of(
            "local serve", "starts an emulator, a long-running process whose start-up is not dynoctl's",
            "export-table", "run once per table adopted, not at every step: its writers cost the others' runs 0.5 MB",
            "generate-completion", "run once per shell set-up");

    private static Path specDirectory() throws IOException {
        Path dir = Files.createTempDirectory("dynoctl-training");
        Files.writeString(dir.resolve("tables.yaml"), "name: Training\npk: id:S\n---\nname: Orders\npk: customer:S\nsk: id:S\n"
                + "gsi: [\"ByStatus:status:S\"]\n");
        return dir;
    }

    private static void deleteAll(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** One command as {@link Main} runs it: only its own model is built. */
    private void run(String[] endpoint, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(endpoint));
        PrintWriter sink = new PrintWriter(new StringWriter());
        Cli.forArguments(context, sink, sink, args.toArray(String[]::new)).execute(args.toArray(String[]::new));
    }
}
