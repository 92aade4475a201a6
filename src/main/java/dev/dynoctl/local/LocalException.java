package dev.dynoctl.local;

/** A local engine could not be found, started or stopped; the message says why and what to do. */
public final class LocalException extends RuntimeException {
    /** NOT_INSTALLED: no engine to run (a configuration problem); INVALID: a bad setting; FAILED: anything else. */
    public enum Kind { NOT_INSTALLED, INVALID, FAILED }

    private final Kind kind;

    public LocalException(String message) {
        this(Kind.FAILED, message);
    }

    public LocalException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public LocalException(String message, Throwable cause) {
        super(message, cause);
        this.kind = Kind.FAILED;
    }

    public Kind kind() {
        return kind;
    }
}
