package dev.dynoctl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Hidden: run by the launcher, under -XX:DumpLoadedClassList, to record the classes everyday runs load, for the AppCDS
 * archive that later runs map instead of loading (and verifying) them from the jar. It runs the commands users run
 * most, each as {@link Main} runs it, on the real client, against a {@link TrainingEndpoint} on a loopback port: tables
 * created (and waited for) from flags, found to exist, described as text and JSON, listed, waited on and deleted. Its
 * output goes nowhere; what counts is which classes it loads. (Spec files are left out: Jackson's classes would make
 * the archive, which every run maps, 5 MB bigger.)
 */
@Command(name = "cds-training", hidden = true)
final class ClassCacheTrainingCommand implements Callable<Integer> {
    private final CliContext context;

    ClassCacheTrainingCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        try (TrainingEndpoint endpoint = new TrainingEndpoint()) {
            String[] at = {"--endpoint-url", endpoint.uri().toString(), "--region", "us-east-1"};
            run(at, "create-table", "--name", "Training", "--pk", "id:S");
            run(at, "create-table", "--name", "Training", "--pk", "id:S", "-o", "json");
            run(at, "create-table", "--name", "Events", "--pk", "device:S", "--sk", "ts:N", "--gsi", "ByKind:kind:S",
                    "--tag", "team=a", "--deletion-protection");
            run(at, "describe-table", "--name", "Training");
            run(at, "describe-table", "--name", "Training", "-o", "json");
            run(at, "list-tables");
            run(at, "wait", "--name", "Training", "--until", "active");
            run(at, "delete-table", "--name", "Training", "--yes");
            run(at, "describe-table", "--name", "Training");
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
