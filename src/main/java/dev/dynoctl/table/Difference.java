package dev.dynoctl.table;

/** One setting where an existing table differs from the declaration. */
public record Difference(String setting, String declared, String actual) {
    @Override
    public String toString() {
        return setting + ": declared " + declared + ", actual " + actual;
    }
}
