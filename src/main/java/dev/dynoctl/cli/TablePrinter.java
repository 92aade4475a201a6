package dev.dynoctl.cli;

import dev.dynoctl.table.KeyAttribute;
import dev.dynoctl.table.Lookup;
import dev.dynoctl.table.SpecComparison;
import dev.dynoctl.table.TableState;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Help.Ansi;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;

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
    void table(String headline, boolean details, String tableKey, TableDescription table, Map<String, ?> extra) {
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

    /** describe-table: the table and its follow-up settings (JSON: DescribeTable plus the other Describe* answers). */
    void state(TableState state) {
        if (json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("Table", state.table());
            found(state.timeToLive()).ifPresent(ttl -> fields.put("TimeToLiveDescription", ttl));
            found(state.continuousBackups()).ifPresent(backups -> fields.put("ContinuousBackupsDescription", backups));
            found(state.tags()).ifPresent(tags -> fields.put("Tags", tags.entrySet().stream()
                    .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList()));
            found(state.contributorInsights()).ifPresent(status -> fields.put("ContributorInsightsStatus", status));
            try (AwsJson writer = new AwsJson(out)) {
                writer.object(fields);
            }
        } else {
            describe(state.table());
            TableDescription table = state.table();
            row("Stream", table.streamSpecification() != null && Boolean.TRUE.equals(table.streamSpecification().streamEnabled())
                    ? table.streamSpecification().streamViewTypeAsString() + " (" + table.latestStreamArn() + ")" : "off");
            row("TTL", text(state.timeToLive(), ttl -> "DISABLED".equals(ttl.timeToLiveStatusAsString()) ? "off"
                    : ttl.attributeName() + " (" + ttl.timeToLiveStatusAsString() + ")"));
            row("Point-in-time recovery", text(state.continuousBackups(), backups -> {
                var pitr = backups.pointInTimeRecoveryDescription();
                return pitr == null ? "off" : pitr.pointInTimeRecoveryStatusAsString()
                        + (pitr.recoveryPeriodInDays() == null ? "" : ", " + pitr.recoveryPeriodInDays() + " days");
            }));
            row("Contributor insights", text(state.contributorInsights(), status -> status));
            row("Encryption", table.sseDescription() == null || "DISABLED".equals(table.sseDescription().statusAsString())
                    ? "AWS owned key" : "KMS " + table.sseDescription().kmsMasterKeyArn() + " (" + table.sseDescription().statusAsString() + ")");
            row("Table class", table.tableClassSummary() == null ? "STANDARD" : table.tableClassSummary().tableClassAsString());
            if (table.onDemandThroughput() != null) {
                row("On-demand maximum", "read " + orDash(table.onDemandThroughput().maxReadRequestUnits())
                        + ", write " + orDash(table.onDemandThroughput().maxWriteRequestUnits()));
            }
            if (table.warmThroughput() != null) {
                row("Warm throughput", "read " + orDash(table.warmThroughput().readUnitsPerSecond()) + ", write "
                        + orDash(table.warmThroughput().writeUnitsPerSecond()) + " (" + table.warmThroughput().statusAsString() + ")");
            }
            row("Tags", text(state.tags(), tags -> tags.isEmpty() ? "none" : tags.entrySet().stream()
                    .map(t -> t.getKey() + "=" + t.getValue()).collect(Collectors.joining(", "))));
            indexes("Global indexes", table, table.globalSecondaryIndexes().stream()
                    .map(i -> index(table, i.indexName(), i.indexStatusAsString(), i.keySchema(), i.projection(), capacity(i)))
                    .toList());
            indexes("Local indexes", table, table.localSecondaryIndexes().stream()
                    .map(i -> index(table, i.indexName(), null, i.keySchema(), i.projection(), ""))
                    .toList());
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

    private void indexes(String label, TableDescription table, List<String> lines) {
        if (lines.isEmpty()) {
            row(label, "none");
            return;
        }
        out.println(label + ":");
        lines.forEach(line -> out.println("  " + line));
    }

    private static String index(TableDescription table, String name, String status, List<KeySchemaElement> keys,
                                Projection projection, String capacity) {
        String keyText = SpecComparison.indexKey(table, keys, KeyType.HASH).map(KeyAttribute::toString).orElse("?")
                + SpecComparison.indexKey(table, keys, KeyType.RANGE).map(k -> ", " + k).orElse("");
        String projected = projection == null ? "ALL" : projection.projectionTypeAsString()
                + (projection.hasNonKeyAttributes() ? "(" + String.join(",", projection.nonKeyAttributes()) + ")" : "");
        return name + ": " + (status == null ? "" : statusColour(status) + ", ") + "keys " + keyText + ", projection "
                + projected + capacity;
    }

    private static String capacity(GlobalSecondaryIndexDescription index) {
        var throughput = index.provisionedThroughput();
        return throughput == null || throughput.readCapacityUnits() == null || throughput.readCapacityUnits() == 0 ? ""
                : ", capacity read " + throughput.readCapacityUnits() + ", write " + throughput.writeCapacityUnits();
    }

    private static <T> Optional<T> found(Lookup<T> lookup) {
        return lookup.found() ? Optional.ofNullable(lookup.value()) : Optional.empty();
    }

    private static <T> String text(Lookup<T> lookup, java.util.function.Function<T, String> format) {
        return lookup.found() ? format.apply(lookup.value()) : lookup.why();
    }

    private static String orDash(Long value) {
        return value == null ? "-" : value.toString();
    }

    private void row(String label, String value) {
        out.printf("%-24s %s%n", label + ":", value).flush();
    }

    private static String statusColour(String status) {
        String colour = "ACTIVE".equals(status) ? "green" : "yellow";
        return Ansi.AUTO.string("@|bold," + colour + " " + status + "|@");
    }
}
