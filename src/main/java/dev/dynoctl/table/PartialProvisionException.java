package dev.dynoctl.table;

import java.util.List;

/**
 * The table exists, but a change could not be applied: carries what is done and what is not, so the message can say
 * both; a re-run finishes the job.
 */
public final class PartialProvisionException extends RuntimeException {
    private final String table;
    private final boolean created;
    private final List<String> applied;
    private final List<String> notApplied;

    public PartialProvisionException(String table, boolean created, List<String> applied, List<String> notApplied,
                                     RuntimeException cause) {
        super("table " + table + (created ? " was created" : " exists") + "; not applied: " + notApplied, cause);
        this.table = table;
        this.created = created;
        this.applied = List.copyOf(applied);
        this.notApplied = List.copyOf(notApplied);
    }

    public String table() {
        return table;
    }

    public boolean created() {
        return created;
    }

    public List<String> applied() {
        return applied;
    }

    public List<String> notApplied() {
        return notApplied;
    }

    @Override
    public synchronized RuntimeException getCause() {
        return (RuntimeException) super.getCause();
    }
}
