package dev.dynoctl.table;

import java.util.Optional;

/**
 * One setting where an existing table differs from the declaration.
 * @param remedy what would let apply change it (a flag to give, a setting to change first), if anything
 */
public record Difference(String setting, String declared, String actual, Optional<String> remedy) {
    public Difference(String setting, String declared, String actual) {
        this(setting, declared, actual, Optional.empty());
    }

    /** Keys and local secondary indexes are fixed when a table is created: only a new table can have other ones. */
    public boolean requiresReplacement() {
        return setting.equals(Setting.PK.label()) || setting.equals(Setting.SK.label())
                || setting.startsWith(Setting.LSI.label() + " ");
    }

    @Override
    public String toString() {
        return setting + ": declared " + declared + ", actual " + actual
                + (requiresReplacement() ? " (requires replacing the table)" : "") + remedy.map(r -> " (" + r + ")").orElse("");
    }
}
