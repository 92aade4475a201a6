package dev.dynoctl.table;

/** One in-place change of a plan, as a person reads it: {@code TTL: off -> on (attribute expires_at)}; ASCII, so any terminal shows it. */
public record Step(Change change, String setting, String before, String after) {
    @Override
    public String toString() {
        return setting + ": " + before + " -> " + after;
    }
}
