package dev.dynoctl.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A table definition in a file (JSON, or YAML for any other extension), in the flags' vocabulary: each key is
 * a create-table option without its dashes, each value what the flag takes. Repeatable options take lists;
 * {@code tag} also takes a map. {@code resource-policy: "@policy.json"} is read relative to the spec file.
 * <pre>
 * name: Users
 * pk: user_id:S
 * gsi: [ "ByEmail:email:S" ]
 * tag: { team: identity }
 * pitr: true
 * </pre>
 */
public final class SpecFile {
    private SpecFile() {
    }

    public static Map<String, List<String>> read(Path file) {
        JsonNode root;
        try {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            ObjectMapper mapper = name.endsWith(".json") ? new ObjectMapper() : new YAMLMapper();
            mapper.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            root = mapper.readTree(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            throw new InvalidSpecException("spec", "cannot read " + Names.quote(file.toString()) + ": "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                    ? json.getOriginalMessage().replaceAll("\\s+", " ") : Names.ioReason(e)));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSpecException("spec", Names.quote(file.toString()) + " must hold a mapping of settings, "
                    + "e.g. name: Users and pk: user_id:S");
        }
        Map<String, List<String>> settings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String key = entry.getKey().equals("table-name") ? "name" : entry.getKey();
            if (!SpecParser.SETTINGS.contains(key)) {
                throw new InvalidSpecException("spec", "unknown setting " + Names.quote(entry.getKey()) + " in "
                        + Names.quote(file.toString()) + " (known: " + String.join(", ", new TreeSet<>(SpecParser.SETTINGS)) + ")");
            }
            List<String> values = values(key, entry.getValue(), file);
            if (key.equals("resource-policy") && values.get(0).startsWith("@")) {
                Path policy = Path.of(values.get(0).substring(1));
                Path base = file.toAbsolutePath().getParent();
                values = List.of("@" + (policy.isAbsolute() || base == null ? policy : base.resolve(policy)));
            }
            if (settings.put(key, values) != null) {
                throw new InvalidSpecException("spec", "setting " + Names.quote(key) + " is given twice in " + Names.quote(file.toString()));
            }
        }
        return settings;
    }

    private static List<String> values(String key, JsonNode value, Path file) {
        List<String> values = new ArrayList<>();
        if (value.isArray() && SpecParser.REPEATABLE.contains(key)) {
            value.forEach(element -> values.add(scalar(key, element, file)));
        } else if (value.isObject() && key.equals("tag")) {
            value.properties().forEach(tag -> values.add(tag.getKey() + "=" + scalar(key, tag.getValue(), file)));
        } else {
            values.add(scalar(key, value, file));
        }
        return values;
    }

    private static String scalar(String key, JsonNode value, Path file) {
        if (value.isValueNode() && !value.isNull()) {
            return value.asText();
        }
        throw new InvalidSpecException("spec", "setting " + Names.quote(key) + " in " + Names.quote(file.toString())
                + " must be " + (SpecParser.REPEATABLE.contains(key) ? "a value or a list of values" : "a single value")
                + (key.equals("tag") ? " (or a map of tags)" : ""));
    }
}
