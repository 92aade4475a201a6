package dev.dynoctl.table;

/** A deletion that must not happen: deletion protection is on, or nobody confirmed it. */
public final class DeletionRefusedException extends RuntimeException {
    public DeletionRefusedException(String message) {
        super(message);
    }
}
