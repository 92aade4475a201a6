package dev.dynoctl.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CloudFormation template as read from JSON or YAML, before and after its intrinsic functions are evaluated: text,
 * lists and mappings, each with the 1-based line it starts on. Short-form YAML tags are already the long form here
 * ({@code !Ref X} is the mapping {@code {Ref: X}}), and every scalar is text, as CloudFormation compares them.
 */
sealed interface TemplateNode {
    int line();

    /**
     * @param value   null for YAML's and JSON's null
     * @param literal written as an unquoted number or true/false in the file: a policy document keeps it a JSON
     *                number or boolean (every other use reads it as text)
     */
    record Text(String value, int line, boolean literal) implements TemplateNode {
        Text(String value, int line) {
            this(value, line, false);
        }
    }

    record Items(List<TemplateNode> items, int line) implements TemplateNode {
        public Items {
            items = List.copyOf(items);
        }
    }

    /** @param lines the line of each key */
    record Fields(Map<String, TemplateNode> fields, Map<String, Integer> lines, int line) implements TemplateNode {
        public Fields {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            lines = Map.copyOf(lines);
        }

        TemplateNode get(String key) {
            return fields.get(key);
        }

        int lineOf(String key) {
            return lines.getOrDefault(key, line);
        }

        /** The name of the intrinsic function this mapping is ({@code Ref}, {@code Fn::Sub}, ...), or null. */
        String function() {
            if (fields.size() != 1) {
                return null;
            }
            String key = fields.keySet().iterator().next();
            return key.equals("Ref") || key.startsWith("Fn::") ? key : null;
        }
    }

    /** What a node is, for messages: "text", "a list", "a mapping". */
    static String kind(TemplateNode node) {
        if (node instanceof Text text) {
            return text.value() == null ? "null" : "text";
        }
        return node instanceof Items ? "a list" : "a mapping";
    }
}
