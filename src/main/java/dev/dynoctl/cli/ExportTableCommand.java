package dev.dynoctl.cli;

import dev.dynoctl.export.CloudFormationTemplate;
import dev.dynoctl.export.ExportDirectory;
import dev.dynoctl.export.ExportedTable;
import dev.dynoctl.export.SpecWriter;
import dev.dynoctl.export.TableExporter;
import dev.dynoctl.table.DynamoDbTables;
import dev.dynoctl.table.ExistingTable;
import dev.dynoctl.table.TableWaiter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "export-table", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write existing tables as spec files or CloudFormation templates, from what DynamoDB reports.",
            "Every setting dynoctl declares is written, off and default values too, so that plan -f on the file is in sync "
                + "with the table. A setting the endpoint cannot report is left out, with a warning on stderr."},
        footer = {"%nExamples:",
            "  dynoctl export-table --name Orders > tables/orders.yaml",
            "  dynoctl export-table --all --dir tables/ && dynoctl plan -f tables/",
            "  dynoctl export-table --name Orders --format cloudformation > orders-cfn.yaml"})
final class ExportTableCommand extends AwsCommand {
    enum Format { spec, cloudformation }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Tables tables;

    /** --name (or --table-name, as in TableNameOption), or --all. */
    static final class Tables {
        @Option(names = "--name", required = true, paramLabel = "TABLE", converter = Converters.TableName.class,
                description = "The table to write to stdout.")
        String name;

        @Option(names = "--table-name", required = true, paramLabel = "TABLE", converter = Converters.TableName.class,
                description = "Same as --name.")
        String tableName;

        @Option(names = "--all", required = true, description = "Every table of the region, one file each in --dir.")
        boolean all;

        String table() {
            return name != null ? name : tableName;
        }
    }

    @Option(names = "--dir", paramLabel = "DIR", converter = Converters.Directory.class,
            description = "With --all: the directory to write DIR/TABLE.yaml into (created if missing; files of other "
                + "tables there are left alone).")
    Path dir;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "spec",
            description = "${COMPLETION-CANDIDATES}: a spec file for create-table --spec, plan and apply (default), or a "
                + "CloudFormation template with one AWS::DynamoDB::Table.")
    Format format;

    ExportTableCommand(CliContext context) {
        super(context);
    }

    @Override
    void validate() {
        if (tables.all && dir == null) {
            throw new ParameterException(spec.commandLine(), "--all needs --dir: the directory to write one file per table into");
        }
        if (!tables.all && dir != null) {
            throw new ParameterException(spec.commandLine(), "--dir is only for --all; with --name the table goes to stdout");
        }
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), "--dir: " + dir + " is not a directory");
        }
        if (!tables.all && output.json()) {
            throw new ParameterException(spec.commandLine(), "--output json is for --all (the files written); with --name "
                    + "the table itself goes to stdout, as --format says");
        }
    }

    @Override
    ExitCode execute(DynamoDbTables dynamoDb, TableWaiter waiter) {
        TableExporter exporter = new TableExporter(dynamoDb);
        if (!tables.all) {
            ExportedTable exported = write(exporter.read(tables.table()));
            warn(exported);
            out().print(exported.document());
            out().flush();
            return ExitCode.OK;
        }
        TableExporter.Region region = exporter.readAll();
        region.gone().forEach(table -> warn(table + ": deleted while the tables were read; not exported"));
        List<ExportedTable> exported = region.tables().stream().map(this::write).toList();
        exported.forEach(this::warn);
        renderer().exported(dir, exported, ExportDirectory.write(dir, exported));
        return ExitCode.OK;
    }

    private ExportedTable write(ExistingTable table) {
        return switch (format) {
            case spec -> SpecWriter.write(table);
            case cloudformation -> CloudFormationTemplate.write(table);
        };
    }

    private void warn(ExportedTable exported) {
        exported.skipped().forEach(skipped -> warn(exported.table() + ": " + skipped));
    }
}
