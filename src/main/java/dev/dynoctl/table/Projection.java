package dev.dynoctl.table;

import java.util.List;

/** Which attributes an index holds besides the keys. */
public record Projection(Type type, List<String> nonKeyAttributes) {
    public enum Type { ALL, KEYS_ONLY, INCLUDE }

    public static final Projection ALL = new Projection(Type.ALL, List.of());

    public Projection {
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }

    @Override
    public String toString() {
        return type == Type.INCLUDE ? "INCLUDE(" + String.join(",", nonKeyAttributes) + ")" : type.name();
    }
}
