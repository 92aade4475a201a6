package dev.dynoctl.cli;

import dev.dynoctl.export.ExportedTable;
import dev.dynoctl.table.ApplyRun;
import dev.dynoctl.table.DeclaredTable;
import dev.dynoctl.table.Difference;
import dev.dynoctl.table.KeyAttribute;
import dev.dynoctl.table.Lookup;
import dev.dynoctl.table.ProvisionResult;
import dev.dynoctl.table.ExistingTable;
import dev.dynoctl.table.TablePlan;
import dev.dynoctl.table.TableStatus;
import dev.dynoctl.table.TableState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Help.Ansi;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The human view: aligned rows for a table, a line per table for plan and apply, status in colour at a terminal. */
final class TextRenderer implements Renderer {
    private final PrintWriter out;

    TextRenderer(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void table(String headline, boolean details, String tableKey, TableDescription table, Map<String, ?> extra) {
        if (headline != null) {
            out.println(headline);
        }
        if (details) {
            describe(table);
        }
        out.flush();
    }

    @Override
    public void state(TableState state) {
        TableDescription table = state.table();
        describe(table);
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
        indexes("Global indexes", table.globalSecondaryIndexes().stream()
                .map(i -> index(table, i.indexName(), i.indexStatusAsString(), i.keySchema(), i.projection(), capacity(i)))
                .toList());
        indexes("Local indexes", table.localSecondaryIndexes().stream()
                .map(i -> index(table, i.indexName(), null, i.keySchema(), i.projection(), ""))
                .toList());
        out.flush();
    }

    @Override
    public void tableNames(List<String> names) {
        names.forEach(out::println);
        out.flush();
    }

    @Override
    public void statuses(List<TableStatus> statuses, picocli.CommandLine.Help.Ansi ansi) {
        if (statuses.isEmpty()) {
            out.println("No tables.");
        } else {
            StatusView.lines(statuses, ansi).forEach(out::println);
        }
        out.flush();
    }

    @Override
    public void plans(List<DeclaredTable> declared, List<TablePlan> plans, List<String> unmanaged) {
        for (int i = 0; i < plans.size(); i++) {
            plan(declared.get(i), plans.get(i));
        }
        unmanaged.forEach(name -> out.println(name + ": unmanaged (no spec file declares it; left alone)"));
        out.println(planSummary(plans, unmanaged));
        out.flush();
    }

    /** The plan, which says which table is blocked and why. */
    @Override
    public void blocked(List<DeclaredTable> declared, List<TablePlan> plans) {
        plans(declared, plans, List.of());
    }

    @Override
    public String applied(ApplyRun.TableOutcome outcome) {
        String seconds = String.format("%.1f s", outcome.took().toMillis() / 1000.0);
        if (outcome.done().isEmpty()) {
            return outcome.table() + ": " + words(Renderer.outcomeName(outcome)) + " after " + seconds + ": "
                    + Renderer.failure(outcome).message();
        }
        ProvisionResult.Done result = outcome.done().get();
        String status = result.table().tableStatusAsString();
        String changes = result.changes().isEmpty() ? "" : " (" + String.join("; ", result.changes()) + ")";
        return switch (result.outcome()) {
            case CREATED -> outcome.table() + ": created" + changes + ", " + status + " after " + seconds;
            case UPDATED -> outcome.table() + ": updated" + changes + ", " + status + " after " + seconds;
            case EXISTS -> outcome.table() + ": in sync, " + status;
        };
    }

    @Override
    public void applySummary(List<ApplyRun.TableOutcome> outcomes, ExitCode exit) {
        List<String> parts = new ArrayList<>();
        for (String name : Renderer.OUTCOMES) {
            long count = outcomes.stream().filter(outcome -> Renderer.outcomeName(outcome).equals(name)).count();
            if (count > 0) {
                parts.add(count + " " + words(name));
            }
        }
        String done = parts.isEmpty() ? "no tables" : String.join(", ", parts); // e.g. every table's Condition false
        out.println("Apply: " + done + (exit == ExitCode.OK ? "." : " (exit " + exit.code() + ")."));
        out.flush();
    }

    @Override
    public void exported(Path dir, List<ExportedTable> tables, List<Path> files) {
        for (int i = 0; i < tables.size(); i++) {
            out.println(tables.get(i).table() + ": " + files.get(i));
        }
        String count = tables.size() + (tables.size() == 1 ? " table" : " tables");
        out.println("Export: " + (tables.isEmpty() ? "no tables in the region" : count + " written to " + dir) + ".");
        out.flush();
    }

    private void plan(DeclaredTable declared, TablePlan plan) {
        // A template's table is named with its logical ID: Users (UsersTable): create (template.yaml:12)
        String resource = declared.origin().resource();
        String table = plan.table() + (resource == null || resource.equals(plan.table()) ? "" : " (" + resource + ")");
        String where = " (" + declared.origin().place() + ")";
        switch (plan.action()) {
            case CREATE -> out.println(table + ": create" + where);
            case IN_SYNC -> out.println(table + ": in sync" + where);
            case WAIT -> out.println(table + ": wait" + where + ": " + plan.existing().map(TextRenderer::pending).orElse("")
                    + "; apply waits until it is ACTIVE");
            case CHANGE -> {
                out.println(table + ": change" + where);
                plan.steps().forEach(step -> out.println("  " + step + step.caution().map(c -> " (note: " + c + ")").orElse("")));
            }
            case BLOCKED -> {
                boolean replace = plan.blockers().stream().anyMatch(Difference::requiresReplacement);
                out.println(table + ": blocked" + where + ": " + (replace ? "requires replacing the table"
                        : "differs in a way apply does not change") + "; apply changes nothing while a table is blocked");
                plan.blockers().forEach(blocker -> out.println("  " + blocker));
            }
        }
    }

    /** "CREATING", or "ACTIVE, index ByEmail CREATING": what apply would wait for. */
    private static String pending(TableDescription table) {
        List<String> parts = new ArrayList<>(List.of(table.tableStatusAsString()));
        table.globalSecondaryIndexes().stream().filter(index -> !"ACTIVE".equals(index.indexStatusAsString()))
                .forEach(index -> parts.add("index " + index.indexName() + " " + index.indexStatusAsString()));
        return String.join(", ", parts);
    }

    private static String planSummary(List<TablePlan> plans, List<String> unmanaged) {
        List<String> parts = new ArrayList<>();
        Renderer.planCounts(plans, unmanaged).forEach((what, count) -> {
            if (count > 0) {
                parts.add(count + " " + switch (what) {
                    case "Create" -> "to create";
                    case "Change" -> "to change";
                    case "Wait" -> "to wait for";
                    case "InSync" -> "in sync";
                    case "Blocked" -> "blocked";
                    default -> "unmanaged";
                });
            }
        });
        return "Plan: " + (parts.isEmpty() ? "no tables" : String.join(", ", parts)) + ".";
    }

    private static String words(String outcomeName) {
        return outcomeName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private void describe(TableDescription table) {
        row("Table", table.tableName());
        row("Status", statusColour(table.tableStatusAsString()));
        row("Partition key", ExistingTable.key(table, KeyType.HASH).map(KeyAttribute::toString).orElse("none"));
        row("Sort key", ExistingTable.key(table, KeyType.RANGE).map(KeyAttribute::toString).orElse("none"));
        row("Billing mode", ExistingTable.billing(table).toString());
        // DynamoDB reports it for every table; an endpoint that does not (dynalite) must not be read as "off".
        row("Deletion protection", table.deletionProtectionEnabled() == null ? ExistingTable.NOT_REPORTED
                : table.deletionProtectionEnabled() ? "on" : "off");
        row("Items", table.itemCount() == null ? "unknown" : String.format("%,d", table.itemCount()));
        row("Size", table.tableSizeBytes() == null ? "unknown" : String.format("%,d bytes", table.tableSizeBytes()));
        row("ARN", table.tableArn() == null ? "unknown" : table.tableArn());
        row("Created", table.creationDateTime() == null ? "unknown" : table.creationDateTime().toString());
    }

    private void indexes(String label, List<String> lines) {
        if (lines.isEmpty()) {
            row(label, "none");
            return;
        }
        out.println(label + ":");
        lines.forEach(line -> out.println("  " + line));
    }

    private static String index(TableDescription table, String name, String status, List<KeySchemaElement> keys,
                                Projection projection, String capacity) {
        String keyText = ExistingTable.indexKey(table, keys, KeyType.HASH).map(KeyAttribute::toString).orElse("?")
                + ExistingTable.indexKey(table, keys, KeyType.RANGE).map(k -> ", " + k).orElse("");
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

    private static <T> String text(Lookup<T> lookup, Function<T, String> format) {
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
