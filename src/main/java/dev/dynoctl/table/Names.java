package dev.dynoctl.table;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** DynamoDB's naming rules (table and index names, key attribute names), checked before any AWS call. */
public final class Names {
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    static final int MAX_ATTRIBUTE_NAME_BYTES = 255;

    private Names() {
    }

    public static String requireTableName(String setting, String name) {
        if (name == null || !TABLE_NAME.matcher(name).matches()) {
            throw new InvalidSpecException(setting, "table name must be 3-255 characters of a-z, A-Z, 0-9, '_', '-', '.' (got "
                    + quote(name) + ")");
        }
        return name;
    }

    /** Key attribute names: 1-255 bytes of UTF-8; control characters are refused as almost surely a mistake. */
    public static String requireAttributeName(String setting, String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidSpecException(setting, "attribute name must not be empty");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_ATTRIBUTE_NAME_BYTES) {
            throw new InvalidSpecException(setting, "attribute name must be at most 255 bytes (got "
                    + name.getBytes(StandardCharsets.UTF_8).length + ")");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidSpecException(setting, "attribute name must not contain control characters (got " + quote(name) + ")");
        }
        return name;
    }

    /** Quotes user input for an error message, escaping control characters and shortening huge values to one line. */
    public static String quote(String value) {
        if (value == null) {
            return "nothing";
        }
        StringBuilder out = new StringBuilder("'");
        value.codePoints().limit(60).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (value.codePointCount(0, value.length()) > 60) {
            out.append("...(").append(value.length()).append(" chars)");
        }
        return out.append('\'').toString();
    }

    /** Why a file could not be read, in words ("no such file") rather than an exception's class name. */
    public static String ioReason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.charset.CharacterCodingException || e instanceof java.io.UncheckedIOException) {
            return "not readable as UTF-8 text";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ");
    }
}
