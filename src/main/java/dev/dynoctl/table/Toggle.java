package dev.dynoctl.table;

import java.util.Optional;

/**
 * A setting that is either off or on with a value: a stream (its view type), TTL (its attribute), a resource policy
 * (its document). Declaring it off is a declaration like any other: apply turns the setting off.
 */
public record Toggle<T>(Optional<T> value) {
    /** The spelling of "off" in flags and spec files ({@code --stream off}, {@code ttl-attribute: off}). */
    public static final String OFF = "off";

    public static <T> Toggle<T> off() {
        return new Toggle<>(Optional.empty());
    }

    public static <T> Toggle<T> on(T value) {
        return new Toggle<>(Optional.of(value));
    }

    public boolean isOn() {
        return value.isPresent();
    }

    @Override
    public String toString() {
        return value.map(String::valueOf).orElse(OFF);
    }
}
