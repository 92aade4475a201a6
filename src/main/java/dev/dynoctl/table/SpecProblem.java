package dev.dynoctl.table;

/**
 * One problem in the input: where, which setting (null for problems of a file or document as a whole), what.
 * Prints as {@code tables/a.yaml:12: pk: message}, or {@code tables/a.yaml: message} without line or setting.
 */
public record SpecProblem(Origin origin, String setting, String message) {
    @Override
    public String toString() {
        return origin + ": " + (setting == null ? "" : setting + ": ") + message;
    }
}
