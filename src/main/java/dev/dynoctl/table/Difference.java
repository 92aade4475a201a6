package dev.dynoctl.table;

/** One setting where an existing table differs from the declaration. */
public record Difference(String setting, String declared, String actual) {
    /** Keys and local secondary indexes are fixed when a table is created: only a new table can have other ones. */
    public boolean requiresReplacement() {
        return setting.equals(Setting.PK.label()) || setting.equals(Setting.SK.label())
                || setting.startsWith(Setting.LSI.label() + " ");
    }

    @Override
    public String toString() {
        return setting + ": declared " + declared + ", actual " + actual
                + (requiresReplacement() ? " (requires replacing the table)" : "");
    }
}
