package dev.dynoctl.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Hidden: run by the launcher, under -XX:DumpLoadedClassList, to record the classes everyday runs load, for the AppCDS
 * archive that later runs map instead of loading (and verifying) them from the jar. It runs the commands users run
 * most, each as {@link Main} runs it, on the real client, against a {@link TrainingEndpoint} on a loopback port: tables
 * created (and waited for) from flags, found to exist, described, listed, waited on and deleted. Its output goes
 * nowhere; what counts is which classes it loads. Every run maps the whole archive, and its size is most of a run's
 * memory, so what fewer runs need stays out: JSON output (jackson-core, 1 MB) and spec files (jackson-databind and
 * SnakeYAML, 5 MB); those runs load them from the jar (measured: about 30 and 50 ms).
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
        try {
            String url = new BufferedReader(new InputStreamReader(endpoint.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (url == null) {
                throw new IOException("the training endpoint did not start");
            }
            String[] at = {"--endpoint-url", url, "--region", "us-east-1"};
            run(at, "create-table", "--name", "Training", "--pk", "id:S");
            run(at, "create-table", "--name", "Training", "--pk", "id:S");
            run(at, "create-table", "--name", "Events", "--pk", "device:S", "--sk", "ts:N", "--gsi", "ByKind:kind:S",
                    "--tag", "team=a", "--deletion-protection");
            run(at, "describe-table", "--name", "Training");
            run(at, "list-tables");
            run(at, "wait", "--name", "Training", "--until", "active");
            run(at, "delete-table", "--name", "Training", "--yes");
            run(at, "describe-table", "--name", "Training");
        } finally {
            endpoint.destroy();
        }
        return 0;
    }

    /** One command as {@link Main} runs it: only its own model is built. */
    private void run(String[] endpoint, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(endpoint));
        PrintWriter sink = new PrintWriter(new StringWriter());
        Cli.forArguments(context, sink, sink, args.toArray(String[]::new)).execute(args.toArray(String[]::new));
    }
}
