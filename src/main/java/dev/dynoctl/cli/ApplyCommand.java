package dev.dynoctl.cli;

import dev.dynoctl.table.ApplyRun;
import dev.dynoctl.table.DeclaredTable;
import dev.dynoctl.table.DynamoDbTables;
import dev.dynoctl.table.InvalidSpecException;
import dev.dynoctl.table.ProvisionResult;
import dev.dynoctl.table.TablePlan;
import dev.dynoctl.table.TablePlanner;
import dev.dynoctl.table.TableProvisioner;
import dev.dynoctl.table.TableSpec;
import dev.dynoctl.table.TableWaiter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Make the tables the spec files declare exist as declared, matched by name (no state file).",
            "Plans every table first: if one is blocked (it needs replacing) nothing is changed (exit 3). Then creates and "
                + "changes run in parallel, each waited for as create-table does; one line per table as it finishes."},
        footer = {"%nExamples:", "  dynoctl apply -f tables/", "  dynoctl apply -f tables/ --parallelism 10 --wait-timeout 30m -o json"})
final class ApplyCommand extends AwsCommand {
    @Mixin
    SpecFilesOption files;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "" + ApplyRun.DEFAULT_PARALLELISM,
            description = "At most N tables created or changed at once (default: ${DEFAULT-VALUE}, within DynamoDB's limit on "
                    + "simultaneous table operations; LimitExceeded is backed off for all tables together).")
    int parallelism;

    @Option(names = "--add-missing-indexes",
            description = "Create declared global secondary indexes an existing table lacks (may take hours on a big table).")
    boolean addMissingIndexes;

    @Mixin
    WaitOptions wait;

    private List<DeclaredTable> declared;

    ApplyCommand(CliContext context) {
        super(context);
    }

    @Override
    void validate() {
        if (parallelism < 1 || parallelism > ApplyRun.DEFAULT_PARALLELISM) {
            throw new ParameterException(spec.commandLine(), "--parallelism must be between 1 and "
                    + ApplyRun.DEFAULT_PARALLELISM + " (got " + parallelism + ")");
        }
        declared = files.read();
        if (!wait.waiting()) {
            declared.stream().filter(table -> table.spec().hasFollowUps()).findFirst().ifPresent(table -> {
                throw new InvalidSpecException("no-wait", "cannot be used for " + table.spec().name() + " (" + table.origin()
                        + "): TTL, PITR and contributor insights are applied once a table is ACTIVE");
            });
        }
    }

    @Override
    ExitCode execute(DynamoDbTables tables, TableWaiter waiter) {
        List<TableSpec> specs = declared.stream().map(DeclaredTable::spec).toList();
        List<TablePlan> plans = new TablePlanner(tables).planAll(specs, addMissingIndexes);
        if (plans.stream().anyMatch(plan -> plan.action() == TablePlan.Action.BLOCKED)) {
            new PlanPrinter(out(), output).plans(declared, plans, List.of());
            err().println(spec.qualifiedName() + ": nothing was changed: a table is blocked (see above)");
            return ExitCode.TABLE_DIFFERS;
        }
        List<String> pending = plans.stream().filter(TablePlan::pending).map(TablePlan::table).toList();
        List<ApplyRun.TableOutcome> outcomes;
        try (ApplyProgress progress = new ApplyProgress(err(), context.terminal().interactive() && !output.quiet,
                spec.qualifiedName(), pending)) {
            outcomes = new ApplyRun(tables, waiter, context.clock()).apply(specs, plans, wait.policy(),
                    new TableProvisioner.Options(wait.waiting(), addMissingIndexes), parallelism, progress,
                    outcome -> progress.finished(outcome.table(), out(), output.json() ? null : line(outcome)));
        }
        if (!output.quiet) {
            outcomes.stream().filter(ApplyRun.TableOutcome::done).forEach(outcome -> outcome.result().skipped().forEach(skipped ->
                    err().println(spec.qualifiedName() + ": warning: " + outcome.table() + ": " + skipped)));
        }
        ExitCode exit = worst(outcomes);
        if (output.json()) {
            json(outcomes);
        } else {
            out().println(summary(outcomes, exit));
            out().flush();
        }
        return exit;
    }

    /** Exit codes of failed tables, the most serious first: the run's exit code is the first that occurs. */
    private static final List<ExitCode> SEVERITY = List.of(ExitCode.FAILURE, ExitCode.CONFIGURATION, ExitCode.TABLE_DIFFERS,
            ExitCode.UNUSABLE, ExitCode.NOT_FOUND, ExitCode.LIMIT_EXCEEDED, ExitCode.TIMEOUT, ExitCode.PARTIAL);

    private static ExitCode worst(List<ApplyRun.TableOutcome> outcomes) {
        List<ExitCode> codes = outcomes.stream().filter(outcome -> !outcome.done()).map(ApplyCommand::failure)
                .map(ErrorReporter.Failure::code).toList();
        return SEVERITY.stream().filter(codes::contains).findFirst()
                .orElse(codes.isEmpty() ? ExitCode.OK : ExitCode.FAILURE);
    }

    private static ErrorReporter.Failure failure(ApplyRun.TableOutcome outcome) {
        return ErrorReporter.classify(outcome.failure());
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

    private static String line(ApplyRun.TableOutcome outcome) {
        String seconds = String.format("%.1f s", outcome.took().toMillis() / 1000.0);
        if (!outcome.done()) {
            return outcome.table() + ": " + outcomeName(outcome).toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " after " + seconds + ": " + failure(outcome).message();
        }
        ProvisionResult result = outcome.result();
        String status = result.table().tableStatusAsString();
        return switch (result.outcome()) {
            case CREATED -> outcome.table() + ": created" + (result.changes().isEmpty() ? "" : " (" + String.join("; ", result.changes())
                    + ")") + ", " + status + " after " + seconds;
            case UPDATED -> outcome.table() + ": updated (" + String.join("; ", result.changes()) + "), " + status + " after " + seconds;
            case EXISTS -> outcome.table() + ": in sync, " + status;
        };
    }

    private static String summary(List<ApplyRun.TableOutcome> outcomes, ExitCode exit) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        outcomes.forEach(outcome -> counts.merge(outcomeName(outcome).toLowerCase(java.util.Locale.ROOT).replace('_', ' '), 1,
                Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((what, count) -> parts.add(count + " " + what));
        return "Apply: " + String.join(", ", parts) + (exit == ExitCode.OK ? "." : " (exit " + exit.code() + ").");
    }

    private void json(List<ApplyRun.TableOutcome> outcomes) {
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
        try (AwsJson writer = new AwsJson(out())) {
            writer.object(Map.of("Tables", tables));
        }
        out().flush();
    }
}
