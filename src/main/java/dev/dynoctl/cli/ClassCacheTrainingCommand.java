package dev.dynoctl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Hidden: run by the launcher, under -XX:ArchiveClassesAtExit, to record the classes a typical run loads into an
 * AppCDS archive that later runs map instead of loading them from the jar. It walks the usual path without any
 * server: parse and check a full create-table and a describe-table, which build the client and send their requests to a
 * closed loopback port (the request and error paths), and print a table as text and JSON into a buffer.
 */
@Command(name = "cds-training", hidden = true)
final class ClassCacheTrainingCommand implements Callable<Integer> {
    private final CliContext context;

    ClassCacheTrainingCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        StringWriter sink = new StringWriter();
        CommandLine cli = Cli.commandLine(context, new PrintWriter(sink), new PrintWriter(sink));
        cli.execute("create-table", "--name", "Training", "--pk", "id:S", "--sk", "ts:N", "--gsi", "ByKind:kind:S",
                "--tag", "a=b", "--ttl-attribute", "exp", "--endpoint-url", "http://127.0.0.1:9", "--region", "us-east-1", "-o", "json");
        cli.execute("describe-table", "--name", "Training", "--endpoint-url", "http://127.0.0.1:9", "--region", "us-east-1");
        TableDescription table = TableDescription.builder().tableName("Training").tableStatus("ACTIVE")
                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                .billingModeSummary(b -> b.billingMode("PAY_PER_REQUEST")).creationDateTime(Instant.now())
                .itemCount(0L).tableSizeBytes(0L).tableArn("arn:aws:dynamodb:us-east-1:000000000000:table/Training").build();
        for (String format : List.of("text", "json")) {
            OutputOptions output = new OutputOptions();
            output.format = OutputOptions.Format.valueOf(format);
            new TablePrinter(new PrintWriter(sink), output).table("Training", true, "Table", table, Map.of("Outcome", "EXISTS"));
        }
        return 0;
    }
}
