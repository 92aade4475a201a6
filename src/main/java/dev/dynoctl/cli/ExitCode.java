package dev.dynoctl.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The documented exit codes: the one source for --help and README. */
public enum ExitCode {
    OK(0, "Done: created, or already there as declared; described; listed; deleted; plan: every table in sync."),
    FAILURE(1, "AWS or network error, or any other failure."),
    INVALID_INPUT(2, "Invalid input: nothing was sent to AWS."),
    TABLE_DIFFERS(3, "A table exists but differs in a way apply does not change (it needs replacing, or an index "
            + "deletion was not allowed); nothing was changed."),
    NOT_FOUND(4, "Table not found."),
    TIMEOUT(5, "Timed out waiting; the operation goes on in AWS."),
    CONFIGURATION(6, "AWS configuration incomplete (no region or no credentials), or no local engine installed; nothing was sent."),
    REFUSED(7, "Deletion refused: deletion protection is on, or it was not confirmed."),
    UNUSABLE(8, "The table is in a status it never leaves for ACTIVE (e.g. DELETING)."),
    LIMIT_EXCEEDED(9, "Too many table operations on the account (LimitExceededException) until the wait timeout."),
    PARTIAL(10, "The table exists but a setting could not be applied; the message says what is done. Run again to finish."),
    CHANGES_PENDING(11, "plan: apply has something to do (tables to create or change)."),
    INTERRUPTED(130, "Interrupted (Ctrl-C) while waiting; a line per table in progress says its state. Run again to finish."),
    TERMINATED(143, "Stopped by SIGTERM while waiting; a line per table in progress says its state. Run again to finish.");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** The most serious order: when tables end differently, a run (apply) exits with the first of these that occurs. */
    private static final List<ExitCode> SEVERITY = List.of(FAILURE, CONFIGURATION, TABLE_DIFFERS, UNUSABLE, NOT_FOUND,
            LIMIT_EXCEEDED, TIMEOUT, PARTIAL);

    /** OK when there is none; a code outside {@link #SEVERITY} counts as FAILURE. */
    static ExitCode mostSerious(List<ExitCode> codes) {
        if (codes.isEmpty()) {
            return OK;
        }
        return SEVERITY.stream().filter(codes::contains).findFirst().orElse(FAILURE);
    }

    /** For picocli's exit-code section of --help. */
    static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode exitCode : values()) {
            list.put(String.format("%3d", exitCode.code), exitCode.meaning);
        }
        return list;
    }
}
