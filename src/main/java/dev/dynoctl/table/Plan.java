package dev.dynoctl.table;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * How an existing table compares with its declaration: differences apply does not change (exit 3), steps to apply,
 * in order, and declared settings that could not be compared (the endpoint does not report them).
 */
public record Plan(List<Difference> differences, List<Step> steps, List<String> skipped) {
    public Plan {
        differences = List.copyOf(differences);
        steps = List.copyOf(steps);
        skipped = List.copyOf(skipped);
    }

    /** The calls to make, in order; steps made by one call share it. */
    public List<Change> changes() {
        Set<Change> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return steps.stream().map(Step::change).filter(seen::add).toList();
    }

    /** The steps one of {@link #changes()} makes. */
    public List<Step> stepsOf(Change change) {
        return steps.stream().filter(step -> step.change() == change).toList();
    }
}
