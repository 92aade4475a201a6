package dev.dynoctl.table;

import java.util.ArrayList;
import java.util.List;

/**
 * A declared setting breaks a DynamoDB rule; raised before any AWS call.
 * {@code setting} is the option's name without dashes (e.g. {@code read-capacity}), so the CLI can name the flag.
 */
public final class InvalidSpecException extends RuntimeException {
    private final String setting;
    private final List<InvalidSpecException> more;

    public InvalidSpecException(String setting, String problem) {
        this(setting, problem, List.of());
    }

    private InvalidSpecException(String setting, String problem, List<InvalidSpecException> more) {
        super(problem);
        this.setting = setting;
        this.more = List.copyOf(more);
    }

    /** The first of these problems, carrying the others: a declaration's every problem is found in one reading. */
    static InvalidSpecException of(List<InvalidSpecException> problems) {
        InvalidSpecException first = problems.get(0);
        return new InvalidSpecException(first.setting, first.getMessage(), problems.subList(1, problems.size()));
    }

    public String setting() {
        return setting;
    }

    /** This problem and every other one found in the same declaration, in the order of its settings. */
    public List<InvalidSpecException> all() {
        List<InvalidSpecException> all = new ArrayList<>(List.of(this));
        all.addAll(more);
        return all;
    }
}
