package dev.dynoctl.cli;

import dev.dynoctl.table.KeyAttribute;
import dev.dynoctl.table.SpecComparison;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Prints results on stdout: an aligned human view, or JSON in the AWS CLI's shapes. */
final class TablePrinter {
    private final PrintWriter out;
    private final boolean json;

    TablePrinter(PrintWriter out, OutputOptions output) {
        this.out = out;
        this.json = output.json();
    }

    /**
     * A table, under the JSON key {@code tableKey} ("Table" as in DescribeTable) with extra top-level fields;
     * as text, the headline (if any) and, with {@code details}, the human view of the table.
     */
    void table(String headline, boolean details, String tableKey, TableDescription table, Map<String, String> extra) {
        if (json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put(tableKey, table);
            fields.putAll(extra);
            try (AwsJson writer = new AwsJson(out)) {
                writer.object(fields);
            }
        } else {
            if (headline != null) {
                out.println(headline);
            }
            if (details) {
                describe(table);
            }
        }
        out.flush();
    }

    void tableNames(List<String> names) {
        if (json) {
            try (AwsJson writer = new AwsJson(out)) {
                writer.object(Map.of("TableNames", names));
            }
        } else {
            names.forEach(out::println);
        }
        out.flush();
    }

    private void describe(TableDescription table) {
        row("Table", table.tableName());
        row("Status", statusColour(table.tableStatusAsString()));
        row("Partition key", SpecComparison.key(table, KeyType.HASH).map(KeyAttribute::toString).orElse("none"));
        row("Sort key", SpecComparison.key(table, KeyType.RANGE).map(KeyAttribute::toString).orElse("none"));
        row("Billing mode", SpecComparison.billing(table).toString());
        row("Deletion protection", Boolean.TRUE.equals(table.deletionProtectionEnabled()) ? "on" : "off");
        row("Items", table.itemCount() == null ? "unknown" : String.format("%,d", table.itemCount()));
        row("Size", table.tableSizeBytes() == null ? "unknown" : String.format("%,d bytes", table.tableSizeBytes()));
        row("ARN", table.tableArn() == null ? "unknown" : table.tableArn());
        row("Created", table.creationDateTime() == null ? "unknown" : table.creationDateTime().toString());
    }

    private void row(String label, String value) {
        out.printf("%-20s %s%n", label + ":", value);
    }

    private static String statusColour(String status) {
        String colour = "ACTIVE".equals(status) ? "green" : "yellow";
        return Ansi.AUTO.string("@|bold," + colour + " " + status + "|@");
    }
}
