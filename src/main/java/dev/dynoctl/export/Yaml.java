package dev.dynoctl.export;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Block-style YAML for the exports: maps (in their order), lists, strings, numbers, booleans, null. A string is written
 * plain only where every YAML reader takes it back as that same string; else quoted (single quotes for JSON on one
 * line, double quotes with escapes otherwise). Written by hand rather than by Jackson's YAML generator so that
 * {@code stream: off} stays plain where dynoctl means its word off ({@link Plain}), and a date-like string such as
 * "2010-09-09" is quoted.
 */
final class Yaml {
    /** Letters first, then letters, digits and {@code _ . / : = @ + -}, not ending in ':' (that would start a mapping). */
    private static final Pattern PLAIN = Pattern.compile("[\\p{L}_/][\\p{L}\\p{N}_./:=@+-]*(?<!:)");
    /** Words YAML 1.1 readers (SnakeYAML, PyYAML) take for booleans or null. */
    private static final Pattern RESERVED = Pattern.compile("(?i)yes|no|true|false|on|off|null|y|n");

    /** A word written as it is, unquoted: dynoctl's own {@code off}. */
    record Plain(String word) {
    }

    /**
     * Text written as a literal block ({@code |-}), line by line: a pretty-printed policy stays readable. Only for text
     * that {@link #blockable} allows; the block drops leading and trailing whitespace of the whole text.
     */
    record Block(String text) {
    }

    private final StringBuilder out = new StringBuilder();

    private Yaml() {
    }

    /** The document: a map at the top. */
    static String document(Map<String, ?> map) {
        Yaml yaml = new Yaml();
        yaml.map(map, 0, false);
        return yaml.out.toString();
    }

    /** Whether {@code text} can be a literal block: no character a block cannot carry (control characters but line ends and tab). */
    static boolean blockable(String text) {
        return text.strip().codePoints().allMatch(c -> c == '\n' || c == '\r' || c == '\t' || printable(c));
    }

    /** @param inline the first entry goes on the current line (a list item's "- "), the others at {@code indent} */
    private void map(Map<String, ?> map, int indent, boolean inline) {
        boolean first = true;
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            out.append(first && inline ? " " : " ".repeat(indent)).append(scalar(entry.getKey())).append(':');
            value(entry.getValue(), indent);
            first = false;
        }
    }

    /** After "key:" or "-": the value on the same line, or nested below it. */
    private void value(Object value, int indent) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            out.append('\n');
            map(cast(map), indent + 2, false);
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            out.append('\n');
            for (Object item : list) {
                out.append(" ".repeat(indent + 2)).append('-');
                if (item instanceof Map<?, ?> map && !map.isEmpty()) {
                    map(cast(map), indent + 4, true);
                } else {
                    value(item, indent + 2);
                }
            }
        } else if (value instanceof Block block) {
            out.append(" |-\n");
            block.text().strip().lines().forEach(line -> out.append(line.isEmpty() ? "" : " ".repeat(indent + 2) + line).append('\n'));
        } else {
            out.append(' ').append(scalarValue(value)).append('\n');
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }

    private static String scalarValue(Object value) {
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof List<?>) {
            return "[]";
        }
        if (value == null) {
            return "null";
        }
        if (value instanceof Plain plain) {
            return plain.word();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return scalar((String) value);
    }

    static String scalar(String text) {
        if (PLAIN.matcher(text).matches() && !RESERVED.matcher(text).matches()) {
            return text;
        }
        // JSON on one line reads better single-quoted, where only ' is doubled, than with every " escaped.
        if ((text.contains("\"") || text.contains("\\")) && text.codePoints().allMatch(Yaml::printable)) {
            return "'" + text.replace("'", "''") + "'";
        }
        StringBuilder quoted = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (printable(c)) {
                        quoted.appendCodePoint(c);
                    } else {
                        quoted.append(c <= 0xFF ? String.format(Locale.ROOT, "\\x%02X", c)
                                : c <= 0xFFFF ? String.format(Locale.ROOT, "\\u%04X", c) : String.format(Locale.ROOT, "\\U%08X", c));
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }

    /**
     * YAML's printable characters, less those YAML 1.1 readers take for line breaks (U+0085, U+2028, U+2029) and the
     * byte order mark: those are escaped.
     */
    private static boolean printable(int c) {
        return c >= 0x20 && c <= 0x7E || c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029
                || c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF || c >= 0x10000 && c <= 0x10FFFF;
    }
}
