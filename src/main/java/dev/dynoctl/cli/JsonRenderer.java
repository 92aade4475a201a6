package dev.dynoctl.cli;

import dev.dynoctl.export.ExportedTable;
import dev.dynoctl.table.ApplyRun;
import dev.dynoctl.table.DeclaredTable;
import dev.dynoctl.table.Difference;
import dev.dynoctl.table.Lookup;
import dev.dynoctl.table.ProvisionResult;
import dev.dynoctl.table.Step;
import dev.dynoctl.table.TablePlan;
import dev.dynoctl.table.TableStatus;
import dev.dynoctl.table.TableState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/** -o json: one document per run, in the AWS CLI's shapes and field names where AWS has one. */
final class JsonRenderer implements Renderer {
    private final PrintWriter out;

    JsonRenderer(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void table(String headline, boolean details, String tableKey, TableDescription table, Map<String, ?> extra) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(tableKey, table);
        fields.putAll(extra);
        write(fields);
    }

    /** DescribeTable's answer plus the other Describe* answers, each left out when the endpoint gave none. */
    @Override
    public void state(TableState state) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Table", state.table());
        found(state.timeToLive()).ifPresent(ttl -> fields.put("TimeToLiveDescription", ttl));
        found(state.continuousBackups()).ifPresent(backups -> fields.put("ContinuousBackupsDescription", backups));
        found(state.tags()).ifPresent(tags -> fields.put("Tags", tags.entrySet().stream()
                .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList()));
        found(state.contributorInsights()).ifPresent(status -> fields.put("ContributorInsightsStatus", status));
        write(fields);
    }

    @Override
    public void tableNames(List<String> names) {
        write(Map.of("TableNames", names));
    }

    /** Each table's rolled-up state beside its DescribeTable shape (and TTL and backups, where the endpoint gave them). */
    @Override
    public void statuses(List<TableStatus> statuses, picocli.CommandLine.Help.Ansi ansi) {
        List<Map<String, Object>> tables = new ArrayList<>();
        for (TableStatus status : statuses) {
            Map<String, Object> fields = ordered("TableName", status.name(), "State", status.state(), "InProgress",
                    status.inProgress());
            status.sync().ifPresent(sync -> fields.put("Declared", sync.name()));
            status.existing().ifPresent(existing -> {
                fields.put("Table", existing.table());
                found(existing.state().timeToLive()).ifPresent(ttl -> fields.put("TimeToLiveDescription", ttl));
                found(existing.state().continuousBackups()).ifPresent(b -> fields.put("ContinuousBackupsDescription", b));
            });
            tables.add(fields);
        }
        write(Map.of("Tables", tables));
    }

    @Override
    public void plans(List<DeclaredTable> declared, List<TablePlan> plans, List<String> unmanaged) {
        List<Map<String, Object>> tables = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            tables.add(plan(declared.get(i), plans.get(i)));
        }
        unmanaged.forEach(name -> tables.add(ordered("TableName", name, "Action", "UNMANAGED")));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Tables", tables);
        document.put("Summary", Renderer.planCounts(plans, unmanaged));
        write(document);
    }

    /** BLOCKED with the reasons, or NOT_APPLIED for the tables held back with it. */
    @Override
    public void blocked(List<DeclaredTable> declared, List<TablePlan> plans) {
        List<Map<String, Object>> tables = new ArrayList<>();
        for (TablePlan plan : plans) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("TableName", plan.table());
            fields.put("Outcome", plan.action() == TablePlan.Action.BLOCKED ? "BLOCKED" : "NOT_APPLIED");
            fields.put("Blockers", blockers(plan));
            tables.add(fields);
        }
        write(Map.of("Tables", tables));
    }

    /** Nothing as each table finishes: everything comes in the one document at the end. */
    @Override
    public String applied(ApplyRun.TableOutcome outcome) {
        return null;
    }

    @Override
    public void applySummary(List<ApplyRun.TableOutcome> outcomes, ExitCode exit) {
        List<Map<String, Object>> tables = new ArrayList<>();
        for (ApplyRun.TableOutcome outcome : outcomes) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("TableName", outcome.table());
            fields.put("Outcome", Renderer.outcomeName(outcome));
            fields.put("Seconds", outcome.took().toMillis() / 1000.0);
            if (outcome.done().isPresent()) {
                ProvisionResult.Done done = outcome.done().get();
                fields.put("Changes", done.changes());
                fields.put("Skipped", done.skipped());
                fields.put("Table", done.table());
            } else {
                fields.put("Error", Renderer.failure(outcome).message());
            }
            tables.add(fields);
        }
        write(Map.of("Tables", tables));
    }

    @Override
    public void exported(Path dir, List<ExportedTable> tables, List<Path> files) {
        List<Map<String, Object>> written = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            written.add(ordered("TableName", tables.get(i).table(), "File", files.get(i).toString(),
                    "Skipped", tables.get(i).skipped()));
        }
        write(Map.of("Tables", written));
    }

    private static Map<String, Object> plan(DeclaredTable declared, TablePlan plan) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("TableName", plan.table());
        if (declared.origin().resource() != null) {
            fields.put("LogicalId", declared.origin().resource());
        }
        fields.put("Action", plan.action().name());
        fields.put("Source", declared.origin().place());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Step step : plan.steps()) {
            Map<String, Object> described = ordered("Setting", step.setting(), "Before", step.before(), "After", step.after());
            step.caution().ifPresent(caution -> described.put("Caution", caution));
            steps.add(described);
        }
        fields.put("Steps", steps);
        fields.put("Blockers", blockers(plan));
        fields.put("Skipped", plan.skipped());
        return fields;
    }

    private static List<Map<String, Object>> blockers(TablePlan plan) {
        List<Map<String, Object>> blockers = new ArrayList<>();
        for (Difference blocker : plan.blockers()) {
            Map<String, Object> fields = ordered("Setting", blocker.setting(), "Declared", blocker.declared(), "Actual",
                    blocker.actual(), "RequiresReplacement", blocker.requiresReplacement());
            blocker.remedy().ifPresent(remedy -> fields.put("Remedy", remedy)); // apart from the values a script compares
            blockers.add(fields);
        }
        return blockers;
    }

    /** Fields in the order given (JSON readers may not care, people reading it do). */
    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private void write(Map<String, ?> document) {
        try (AwsJson writer = new AwsJson(out)) {
            writer.object(document);
        }
        out.flush();
    }

    private static <T> Optional<T> found(Lookup<T> lookup) {
        return lookup.found() ? Optional.ofNullable(lookup.value()) : Optional.empty();
    }
}
