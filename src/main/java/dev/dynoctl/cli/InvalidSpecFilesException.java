package dev.dynoctl.cli;

import dev.dynoctl.table.SpecProblem;
import java.util.List;

/** The spec files have problems: each is one line of the error (exit 2), naming file, line and setting. */
final class InvalidSpecFilesException extends RuntimeException {
    private final List<SpecProblem> problems;

    InvalidSpecFilesException(List<SpecProblem> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the spec files; nothing was sent");
        this.problems = List.copyOf(problems);
    }

    List<SpecProblem> problems() {
        return problems;
    }
}
