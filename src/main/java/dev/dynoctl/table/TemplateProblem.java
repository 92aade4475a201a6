package dev.dynoctl.table;

import java.nio.file.Path;

/**
 * A problem in a template: its line, the property path it is about ({@code Resources.Users.Properties.TableName}; null
 * for the file as a whole) and what is wrong. Thrown to stop reading what it is about, and collected as a {@link SpecProblem}.
 */
final class TemplateProblem extends Exception {
    private final int line;
    private final String path;
    private final boolean deployTime;

    TemplateProblem(int line, String path, String message) {
        this(line, path, message, false);
    }

    private TemplateProblem(int line, String path, String message, boolean deployTime) {
        super(message, null, false, false);
        this.line = line;
        this.path = path;
        this.deployTime = deployTime;
    }

    /** A value only a deployment knows: another resource's attribute or physical ID, another stack's export. */
    static TemplateProblem deployTime(int line, String path, String message) {
        return new TemplateProblem(line, path, message, true);
    }

    boolean deployTime() {
        return deployTime;
    }

    SpecProblem in(Path file) {
        return new SpecProblem(new Origin(file, line, 0), path, getMessage());
    }
}
