package dev.dynoctl.table;

import java.util.Locale;

/** A key attribute: its name and scalar type, written {@code NAME:TYPE} on the command line. */
public record KeyAttribute(String name, AttributeType type) {

    /** Parses {@code NAME:TYPE}; the name may itself contain ':' (the type is after the last one). */
    public static KeyAttribute parse(String setting, String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon < 0) {
            throw new InvalidSpecException(setting, "expected NAME:TYPE with TYPE one of S, N, B (got " + Names.quote(text) + ")");
        }
        String name = Names.requireAttributeName(setting, text.substring(0, colon));
        String type = text.substring(colon + 1).trim().toUpperCase(Locale.ROOT);
        try {
            return new KeyAttribute(name, AttributeType.valueOf(type));
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(setting, "type must be S (string), N (number) or B (binary) (got "
                    + Names.quote(text.substring(colon + 1)) + ")");
        }
    }

    /** As --pk takes it: NAME:TYPE. */
    public String syntax() {
        return name + ":" + type;
    }

    @Override
    public String toString() {
        return name + " (" + type + ")";
    }
}
