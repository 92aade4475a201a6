package dev.dynoctl.table;

import java.util.Optional;

/**
 * One in-place change of a plan, as a person reads it: {@code TTL: off -> on (attribute expires_at)}; ASCII, so any
 * terminal shows it. {@code caution}: a DynamoDB rate limit the step counts against, said before apply runs into it.
 */
public record Step(Change change, String setting, String before, String after, Optional<String> caution) {
    public Step(Change change, String setting, String before, String after) {
        this(change, setting, before, after, Optional.empty());
    }

    @Override
    public String toString() {
        return setting + ": " + before + " -> " + after;
    }
}
