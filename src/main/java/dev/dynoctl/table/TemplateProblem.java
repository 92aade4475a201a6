package dev.dynoctl.table;

import java.nio.file.Path;

/**
 * A problem in a template: its line, the property path it is about ({@code Resources.Users.Properties.TableName}; null
 * for the file as a whole) and what is wrong. Thrown to stop reading what it is about, and collected as a {@link SpecProblem}.
 */
final class TemplateProblem extends Exception {
    private final int line;
    private final String path;

    TemplateProblem(int line, String path, String message) {
        super(message, null, false, false);
        this.line = line;
        this.path = path;
    }

    SpecProblem in(Path file) {
        return new SpecProblem(new Origin(file, line, 0), path, getMessage());
    }
}
