package dev.dynoctl.cli;

import dev.dynoctl.aws.AwsSettings;
import dev.dynoctl.table.DeclaredTable;
import dev.dynoctl.table.DynamoDbTables;
import dev.dynoctl.table.TablePlan;
import dev.dynoctl.table.TablePlanner;
import dev.dynoctl.table.TableWaiter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show what apply would do to the tables the spec files declare, matched by name: nothing is changed.",
            "Exit 0 when every table is in sync, 11 when apply has something to do, 3 when a table needs replacing.",
            "Spec files and CloudFormation / SAM templates (their AWS::DynamoDB::Table and AWS::Serverless::SimpleTable "
                + "resources) alike."},
        footer = {"%nExamples:", "  dynoctl plan -f tables/", "  dynoctl plan -f tables/orders.yaml -f tables/users.yaml --all -o json",
            "  dynoctl plan -f template.yaml --parameter Env=prod --stack-name shop"})
final class PlanCommand extends AwsCommand {
    @Mixin
    SpecFilesOption files;

    @Option(names = "--all", description = "Also list the region's tables no spec file declares (unmanaged; never touched).")
    boolean all;

    @Mixin
    ChangeOptions changes;

    private List<DeclaredTable> declared;

    PlanCommand(CliContext context) {
        super(context);
    }

    @Override
    void validate() {
        declared = files.read(aws, context.clients());
    }

    @Override
    void prepare(AwsSettings settings) {
        declared = files.complete(settings, context.clients(), this::warn);
    }

    @Override
    ExitCode execute(DynamoDbTables tables, TableWaiter waiter) {
        List<TablePlan> plans = new TablePlanner(tables).planAll(declared.stream().map(DeclaredTable::spec).toList(),
                changes.allowed());
        List<String> unmanaged = List.of();
        if (all) {
            Set<String> names = declared.stream().map(table -> table.spec().name()).collect(Collectors.toSet());
            unmanaged = tables.listNames().stream().filter(name -> !names.contains(name)).collect(Collectors.toCollection(TreeSet::new))
                    .stream().toList();
        }
        plans.forEach(plan -> plan.skipped().forEach(skipped -> warn(plan.table() + ": " + skipped)));
        renderer().plans(declared, plans, unmanaged);
        if (plans.stream().anyMatch(plan -> plan.action() == TablePlan.Action.BLOCKED)) {
            return ExitCode.TABLE_DIFFERS;
        }
        return plans.stream().anyMatch(TablePlan::pending) ? ExitCode.CHANGES_PENDING : ExitCode.OK;
    }
}
