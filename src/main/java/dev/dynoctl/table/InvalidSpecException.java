package dev.dynoctl.table;

/**
 * A declared setting breaks a DynamoDB rule; raised before any AWS call.
 * {@code setting} is the option's name without dashes (e.g. {@code read-capacity}), so the CLI can name the flag.
 */
public final class InvalidSpecException extends RuntimeException {
    private final String setting;

    public InvalidSpecException(String setting, String problem) {
        super(problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
