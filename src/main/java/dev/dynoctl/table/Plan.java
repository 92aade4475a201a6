package dev.dynoctl.table;

import java.util.List;

/**
 * How an existing table compares with its declaration: differences that cannot be changed in place (exit 3),
 * steps to apply, in order, and declared settings that could not be compared (the endpoint does not report them).
 */
public record Plan(List<Difference> differences, List<Step> steps, List<String> skipped) {
    public Plan {
        differences = List.copyOf(differences);
        steps = List.copyOf(steps);
        skipped = List.copyOf(skipped);
    }

    public List<Change> changes() {
        return steps.stream().map(Step::change).toList();
    }
}
