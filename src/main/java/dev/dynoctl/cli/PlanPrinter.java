package dev.dynoctl.cli;

import dev.dynoctl.table.DeclaredTable;
import dev.dynoctl.table.Difference;
import dev.dynoctl.table.Step;
import dev.dynoctl.table.TablePlan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints plans: per table what apply would do and why, then a summary; or one JSON document. */
final class PlanPrinter {
    private final PrintWriter out;
    private final boolean json;

    PlanPrinter(PrintWriter out, OutputOptions output) {
        this.out = out;
        this.json = output.json();
    }

    /** @param declared in the order of {@code plans} */
    void plans(List<DeclaredTable> declared, List<TablePlan> plans, List<String> unmanaged) {
        if (json) {
            List<Map<String, Object>> tables = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                tables.add(jsonPlan(declared.get(i), plans.get(i)));
            }
            unmanaged.forEach(name -> tables.add(Map.of("TableName", name, "Action", "UNMANAGED")));
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("Tables", tables);
            document.put("Summary", summaryCounts(plans, unmanaged));
            try (AwsJson writer = new AwsJson(out)) {
                writer.object(document);
            }
        } else {
            for (int i = 0; i < plans.size(); i++) {
                text(declared.get(i), plans.get(i));
            }
            unmanaged.forEach(name -> out.println(name + ": unmanaged (no spec file declares it; left alone)"));
            out.println(summary(plans, unmanaged));
        }
        out.flush();
    }

    private void text(DeclaredTable declared, TablePlan plan) {
        String where = " (" + declared.origin() + ")";
        switch (plan.action()) {
            case CREATE -> out.println(plan.table() + ": create" + where);
            case IN_SYNC -> out.println(plan.table() + ": in sync" + where);
            case WAIT -> out.println(plan.table() + ": wait" + where + ": " + plan.existing().map(PlanPrinter::status).orElse("")
                    + "; apply waits until it is ACTIVE");
            case CHANGE -> {
                out.println(plan.table() + ": change" + where);
                plan.steps().forEach(step -> out.println("  " + step));
            }
            case BLOCKED -> {
                boolean replace = plan.blockers().stream().anyMatch(Difference::requiresReplacement);
                out.println(plan.table() + ": blocked" + where + ": " + (replace ? "requires replacing the table"
                        : "differs in a way apply does not change") + "; apply changes nothing while a table is blocked");
                plan.blockers().forEach(blocker -> out.println("  " + blocker
                        + (blocker.requiresReplacement() ? " (requires replacing the table)" : "")));
            }
        }
    }

    /** "CREATING", or "ACTIVE, index ByEmail CREATING": what apply would wait for. */
    private static String status(software.amazon.awssdk.services.dynamodb.model.TableDescription table) {
        List<String> parts = new ArrayList<>(List.of(table.tableStatusAsString()));
        table.globalSecondaryIndexes().stream().filter(index -> !"ACTIVE".equals(index.indexStatusAsString()))
                .forEach(index -> parts.add("index " + index.indexName() + " " + index.indexStatusAsString()));
        return String.join(", ", parts);
    }

    private static String summary(List<TablePlan> plans, List<String> unmanaged) {
        Map<String, Long> counts = summaryCounts(plans, unmanaged);
        List<String> parts = new ArrayList<>();
        counts.forEach((what, count) -> {
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

    private static Map<String, Long> summaryCounts(List<TablePlan> plans, List<String> unmanaged) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("Create", count(plans, TablePlan.Action.CREATE));
        counts.put("Change", count(plans, TablePlan.Action.CHANGE));
        counts.put("Wait", count(plans, TablePlan.Action.WAIT));
        counts.put("InSync", count(plans, TablePlan.Action.IN_SYNC));
        counts.put("Blocked", count(plans, TablePlan.Action.BLOCKED));
        counts.put("Unmanaged", (long) unmanaged.size());
        return counts;
    }

    private static long count(List<TablePlan> plans, TablePlan.Action action) {
        return plans.stream().filter(plan -> plan.action() == action).count();
    }

    private static Map<String, Object> jsonPlan(DeclaredTable declared, TablePlan plan) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("TableName", plan.table());
        fields.put("Action", plan.action().name());
        fields.put("Source", declared.origin().toString());
        List<Map<String, String>> steps = new ArrayList<>();
        for (Step step : plan.steps()) {
            steps.add(Map.of("Setting", step.setting(), "Before", step.before(), "After", step.after()));
        }
        fields.put("Steps", steps);
        List<Map<String, Object>> blockers = new ArrayList<>();
        for (Difference blocker : plan.blockers()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("Setting", blocker.setting());
            b.put("Declared", blocker.declared());
            b.put("Actual", blocker.actual());
            b.put("RequiresReplacement", blocker.requiresReplacement());
            blockers.add(b);
        }
        fields.put("Blockers", blockers);
        fields.put("Skipped", plan.skipped());
        return fields;
    }
}
