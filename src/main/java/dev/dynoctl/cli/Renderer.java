package dev.dynoctl.cli;

import dev.dynoctl.export.ExportedTable;
import dev.dynoctl.table.ApplyRun;
import dev.dynoctl.table.DeclaredTable;
import dev.dynoctl.table.ProvisionResult;
import dev.dynoctl.table.TablePlan;
import dev.dynoctl.table.TableState;
import dev.dynoctl.table.TableStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * How results reach stdout: one implementation per output format ({@link TextRenderer}, {@link JsonRenderer}),
 * each for every kind of result a command has.
 */
interface Renderer {
    static Renderer of(PrintWriter out, OutputOptions output) {
        return output.json() ? new JsonRenderer(out) : new TextRenderer(out);
    }

    /**
     * A table, under the JSON key {@code tableKey} ("Table" as in DescribeTable) with extra top-level fields;
     * as text, the headline (if any) and, with {@code details}, the human view of the table.
     */
    void table(String headline, boolean details, String tableKey, TableDescription table, Map<String, ?> extra);

    /** describe-table: the table and its follow-up settings. */
    void state(TableState state);

    void tableNames(List<String> names);

    /** status: one line per table (text, coloured with {@code ansi}), or one document. */
    void statuses(List<TableStatus> statuses, picocli.CommandLine.Help.Ansi ansi);

    /** plan: per table what apply would do, and a summary; {@code declared} in the order of {@code plans}. */
    void plans(List<DeclaredTable> declared, List<TablePlan> plans, List<String> unmanaged);

    /** apply changed nothing because a table is blocked. */
    void blocked(List<DeclaredTable> declared, List<TablePlan> plans);

    /** apply: the line for a table that has finished, printed as it finishes; null where the format has none. */
    String applied(ApplyRun.TableOutcome outcome);

    /** apply: the end of the run. */
    void applySummary(List<ApplyRun.TableOutcome> outcomes, ExitCode exit);

    /** export-table --all: the file each table was written to, in the order of {@code tables}. */
    void exported(Path dir, List<ExportedTable> tables, List<Path> files);

    /** Every table outcome of apply, in the order its summary counts them. */
    List<String> OUTCOMES = List.of("CREATED", "UPDATED", "UNCHANGED", "BLOCKED", "PARTIAL", "TIMED_OUT", "LIMIT_EXCEEDED",
            "FAILED");

    /** CREATED, UPDATED, UNCHANGED, or what stopped the table: BLOCKED, PARTIAL, TIMED_OUT, LIMIT_EXCEEDED, FAILED. */
    static String outcomeName(ApplyRun.TableOutcome outcome) {
        if (outcome.done().isPresent()) {
            ProvisionResult.Done.Outcome done = outcome.done().get().outcome();
            return done == ProvisionResult.Done.Outcome.EXISTS ? "UNCHANGED" : done.name();
        }
        return switch (failure(outcome).code()) {
            case TABLE_DIFFERS -> "BLOCKED";
            case PARTIAL -> "PARTIAL";
            case TIMEOUT -> "TIMED_OUT";
            case LIMIT_EXCEEDED -> "LIMIT_EXCEEDED";
            default -> "FAILED";
        };
    }

    /** Why a table did not end as declared: its result (blocked, partial, ...), or the error that stopped it. */
    static ErrorReporter.Failure failure(ApplyRun.TableOutcome outcome) {
        return outcome.result() != null ? ErrorReporter.classify(outcome.result()).orElseThrow()
                : ErrorReporter.classify(outcome.failure());
    }

    /** How many tables each plan action has, in the summary's order. */
    static Map<String, Long> planCounts(List<TablePlan> plans, List<String> unmanaged) {
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
}
