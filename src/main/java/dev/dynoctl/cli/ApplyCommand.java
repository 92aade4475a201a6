package dev.dynoctl.cli;

import dev.dynoctl.aws.AwsSettings;
import dev.dynoctl.table.ApplyRun;
import dev.dynoctl.table.DeclaredTable;
import dev.dynoctl.table.DynamoDbTables;
import dev.dynoctl.table.InvalidSpecException;
import dev.dynoctl.table.TablePlan;
import dev.dynoctl.table.TablePlanner;
import dev.dynoctl.table.TableProvisioner;
import dev.dynoctl.table.TableSpec;
import dev.dynoctl.table.TableWaiter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Make the tables the spec files declare exist as declared, matched by name (no state file).",
            "Plans every table first: if one is blocked (it needs replacing, or an index deletion is not allowed) nothing is "
                + "changed (exit 3). Then creates and "
                + "changes run in parallel, each waited for as create-table does; one line per table as it finishes."},
        footer = {"%nExamples:", "  dynoctl apply -f tables/", "  dynoctl apply -f tables/ --parallelism 10 --wait-timeout 30m -o json",
            "  dynoctl apply -f cdk.out/Shop.template.json --name-from-logical-id --local"})
final class ApplyCommand extends AwsCommand {
    @Mixin
    SpecFilesOption files;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "" + ApplyRun.DEFAULT_PARALLELISM,
            description = "At most N tables created or changed at once (default: ${DEFAULT-VALUE}, within DynamoDB's limit on "
                    + "simultaneous table operations; LimitExceeded is backed off for all tables together).")
    int parallelism;

    @Mixin
    ChangeOptions changes;

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
        declared = files.read(aws, context.clients());
        if (!wait.waiting()) {
            declared.stream().filter(table -> table.spec().hasFollowUps()).findFirst().ifPresent(table -> {
                throw new InvalidSpecException("no-wait", "cannot be used for " + table.spec().name() + " (" + table.origin()
                        + "): TTL, PITR and contributor insights are applied once a table is ACTIVE");
            });
        }
    }

    @Override
    void prepare(AwsSettings settings) {
        declared = files.complete(settings, context.clients(), this::warn);
    }

    @Override
    ExitCode execute(DynamoDbTables tables, TableWaiter waiter) {
        List<TableSpec> specs = declared.stream().map(DeclaredTable::spec).toList();
        List<TablePlan> plans = new TablePlanner(tables).planAll(specs, changes.allowed());
        Renderer printer = renderer();
        if (plans.stream().anyMatch(plan -> plan.action() == TablePlan.Action.BLOCKED)) {
            printer.blocked(declared, plans);
            err().println(spec.qualifiedName() + ": nothing was changed: a table is blocked");
            return ExitCode.TABLE_DIFFERS;
        }
        List<String> pending = plans.stream().filter(TablePlan::pending).map(TablePlan::table).toList();
        List<ApplyRun.TableOutcome> outcomes;
        try (ApplyProgress progress = new ApplyProgress(err(), context.terminal().interactive() && !output.quiet,
                spec.qualifiedName(), pending)) {
            outcomes = new ApplyRun(tables, waiter, context.clock()).apply(specs, plans, wait.policy(),
                    new TableProvisioner.Options(wait.waiting(), changes.allowed()), parallelism, progress,
                    outcome -> progress.finished(outcome.table(), out(), printer.applied(outcome)));
        }
        outcomes.forEach(outcome -> outcome.done().ifPresent(done -> done.skipped()
                .forEach(skipped -> warn(outcome.table() + ": " + skipped))));
        ExitCode exit = ExitCode.mostSerious(outcomes.stream().filter(outcome -> outcome.done().isEmpty())
                .map(outcome -> Renderer.failure(outcome).code()).toList());
        printer.applySummary(outcomes, exit);
        return exit;
    }
}
