package dev.dynoctl.table;

import java.util.function.Function;

/**
 * An optional aspect of a table as read from DynamoDB: not read (not needed), not available from this endpoint
 * (an emulator that answers less than AWS), not permitted (AccessDenied on that one call), or found.
 * {@code why} says, for a message, why there is no value; null when found.
 */
public record Lookup<T>(Kind kind, T value, String why) {
    public enum Kind { NOT_READ, NOT_AVAILABLE, DENIED, FOUND }

    public static <T> Lookup<T> notRead() {
        return new Lookup<>(Kind.NOT_READ, null, "not read");
    }

    /** @param answer what the endpoint answered: "UnknownOperationException", "HTTP 500", "answer without its fields" */
    public static <T> Lookup<T> notAvailable(String answer) {
        return new Lookup<>(Kind.NOT_AVAILABLE, null, notAvailableText(answer));
    }

    static String notAvailableText(String answer) {
        return "not available from this endpoint (" + answer + ")";
    }

    public static <T> Lookup<T> denied() {
        return new Lookup<>(Kind.DENIED, null, "not permitted to read it (AccessDeniedException)");
    }

    public static <T> Lookup<T> found(T value) {
        return new Lookup<>(Kind.FOUND, value, null);
    }

    public boolean found() {
        return kind == Kind.FOUND;
    }

    public <R> Lookup<R> map(Function<T, R> mapper) {
        return found() ? found(mapper.apply(value)) : new Lookup<>(kind, null, why);
    }
}
