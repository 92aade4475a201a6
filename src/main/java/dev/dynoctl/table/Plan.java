package dev.dynoctl.table;

import java.util.List;

/**
 * How an existing table compares with its declaration: differences that cannot be changed in place (exit 3),
 * changes to apply, and declared settings that could not be compared (the endpoint does not report them).
 */
public record Plan(List<Difference> differences, List<Change> changes, List<String> skipped) {
}
