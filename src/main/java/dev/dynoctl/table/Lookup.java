package dev.dynoctl.table;

import java.util.function.Function;

/**
 * A follow-up setting as read from DynamoDB: not read (not declared), not supported by the endpoint, not permitted
 * (AccessDenied on that one call), or found.
 */
public record Lookup<T>(Kind kind, T value) {
    public enum Kind { NOT_READ, UNSUPPORTED, DENIED, FOUND }

    public static <T> Lookup<T> notRead() {
        return new Lookup<>(Kind.NOT_READ, null);
    }

    public static <T> Lookup<T> unsupported() {
        return new Lookup<>(Kind.UNSUPPORTED, null);
    }

    public static <T> Lookup<T> denied() {
        return new Lookup<>(Kind.DENIED, null);
    }

    /** Why it was not found, for a message: "this endpoint does not support it" or "not permitted to read it". */
    public String why() {
        return kind == Kind.DENIED ? "not permitted to read it (AccessDeniedException)" : "this endpoint does not support it";
    }

    public static <T> Lookup<T> found(T value) {
        return new Lookup<>(Kind.FOUND, value);
    }

    public boolean found() {
        return kind == Kind.FOUND;
    }

    public <R> Lookup<R> map(Function<T, R> mapper) {
        return found() ? found(mapper.apply(value)) : new Lookup<>(kind, null);
    }
}
