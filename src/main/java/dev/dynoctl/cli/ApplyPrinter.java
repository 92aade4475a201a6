package dev.dynoctl.cli;

import dev.dynoctl.table.ApplyRun;
import dev.dynoctl.table.Difference;
import dev.dynoctl.table.ProvisionResult;
import dev.dynoctl.table.TablePlan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints apply's results: a line per table as it finishes and a summary; or, with -o json, one document at the end. */
final class ApplyPrinter {
    private final PrintWriter out;
    private final boolean json;

    ApplyPrinter(PrintWriter out, OutputOptions output) {
        this.out = out;
        this.json = output.json();
    }

    /** The line for a table that has finished; null in JSON (everything comes in the one document). */
    String line(ApplyRun.TableOutcome outcome) {
        if (json) {
            return null;
        }
        String seconds = String.format("%.1f s", outcome.took().toMillis() / 1000.0);
        if (!outcome.done()) {
            return outcome.table() + ": " + words(outcomeName(outcome)) + " after " + seconds + ": " + failure(outcome).message();
        }
        ProvisionResult result = outcome.result();
        String status = result.table().tableStatusAsString();
        String changes = result.changes().isEmpty() ? "" : " (" + String.join("; ", result.changes()) + ")";
        return switch (result.outcome()) {
            case CREATED -> outcome.table() + ": created" + changes + ", " + status + " after " + seconds;
            case UPDATED -> outcome.table() + ": updated" + changes + ", " + status + " after " + seconds;
            case EXISTS -> outcome.table() + ": in sync, " + status;
        };
    }

    void summary(List<ApplyRun.TableOutcome> outcomes, ExitCode exit) {
        if (json) {
            document(outcomes);
        } else {
            Map<String, Integer> counts = new LinkedHashMap<>();
            outcomes.forEach(outcome -> counts.merge(words(outcomeName(outcome)), 1, Integer::sum));
            List<String> parts = new ArrayList<>();
            counts.forEach((what, count) -> parts.add(count + " " + what));
            out.println("Apply: " + String.join(", ", parts) + (exit == ExitCode.OK ? "." : " (exit " + exit.code() + ")."));
        }
        out.flush();
    }

    /** A run that changed nothing because a table is blocked: BLOCKED with the reasons, or NOT_APPLIED (JSON only). */
    void blocked(List<TablePlan> plans) {
        List<Map<String, Object>> tables = new ArrayList<>();
        for (TablePlan plan : plans) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("TableName", plan.table());
            fields.put("Outcome", plan.action() == TablePlan.Action.BLOCKED ? "BLOCKED" : "NOT_APPLIED");
            fields.put("Blockers", plan.blockers().stream().map(Difference::toString).toList());
            tables.add(fields);
        }
        try (AwsJson writer = new AwsJson(out)) {
            writer.object(Map.of("Tables", tables));
        }
        out.flush();
    }

    private void document(List<ApplyRun.TableOutcome> outcomes) {
        List<Map<String, Object>> tables = new ArrayList<>();
        for (ApplyRun.TableOutcome outcome : outcomes) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("TableName", outcome.table());
            fields.put("Outcome", outcomeName(outcome));
            fields.put("Seconds", outcome.took().toMillis() / 1000.0);
            if (outcome.done()) {
                fields.put("Changes", outcome.result().changes());
                fields.put("Skipped", outcome.result().skipped());
                fields.put("Table", outcome.result().table());
            } else {
                fields.put("Error", failure(outcome).message());
            }
            tables.add(fields);
        }
        try (AwsJson writer = new AwsJson(out)) {
            writer.object(Map.of("Tables", tables));
        }
    }

    /** CREATED, UPDATED, UNCHANGED, or what stopped the table: BLOCKED, PARTIAL, TIMED_OUT, LIMIT_EXCEEDED, FAILED. */
    private static String outcomeName(ApplyRun.TableOutcome outcome) {
        if (outcome.done()) {
            return outcome.result().outcome() == ProvisionResult.Outcome.EXISTS ? "UNCHANGED" : outcome.result().outcome().name();
        }
        return switch (failure(outcome).code()) {
            case TABLE_DIFFERS -> "BLOCKED";
            case PARTIAL -> "PARTIAL";
            case TIMEOUT -> "TIMED_OUT";
            case LIMIT_EXCEEDED -> "LIMIT_EXCEEDED";
            default -> "FAILED";
        };
    }

    private static ErrorReporter.Failure failure(ApplyRun.TableOutcome outcome) {
        return ErrorReporter.classify(outcome.failure());
    }

    private static String words(String outcomeName) {
        return outcomeName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
