package dev.dynoctl.table;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads a template's text into {@link TemplateNode}s: JSON, or YAML with CloudFormation's short-form tags. The YAML is
 * read event by event (SnakeYAML's parser, not its object builder, so no constructor runs for any tag) and Jackson's
 * YAML reader is not used: it reads {@code !Ref Env} as the text "Env". Bounded whatever the input: aliases are refused
 * (an alias bomb never grows), and so is nesting deeper than {@link #MAX_DEPTH} or more than {@link #MAX_VALUES} values.
 */
final class TemplateParser {
    /** A number or boolean as JSON writes it. */
    static final java.util.regex.Pattern JSON_LITERAL =
            java.util.regex.Pattern.compile("true|false|-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    static final int MAX_DEPTH = 100;
    static final int MAX_VALUES = 200_000;
    private static final JsonFactory JSON = new JsonFactory();
    /** The functions CloudFormation has a short form for: !Ref, !Condition and !NAME for Fn::NAME. */
    private static final Set<String> SHORT_FORMS = Set.of("And", "Base64", "Cidr", "Condition", "Equals", "FindInMap", "ForEach",
            "GetAtt", "GetAZs", "If", "ImportValue", "Join", "Length", "Not", "Or", "Ref", "Select", "Split", "Sub", "ToJsonString",
            "Transform");

    /** YAML's own tags for what a template holds anyway: none of them makes anything but text, lists and mappings here. */
    private static final Set<String> STANDARD_TAGS = Set.of("str", "int", "float", "bool", "null", "map", "seq").stream()
            .map(name -> "tag:yaml.org,2002:" + name).collect(java.util.stream.Collectors.toSet());

    private int values;

    /** The first document (null when empty) and whether another follows it. */
    record Parsed(TemplateNode root, boolean moreDocuments) {
    }

    private TemplateParser() {
    }

    static Parsed parse(String text, boolean json) throws TemplateProblem {
        return json ? new TemplateParser().json(text) : new TemplateParser().yaml(text);
    }

    /** Whether a document with content follows; an empty one (a trailing "---") is none. */
    private static boolean moreDocuments(Parser parser) {
        while (!parser.checkEvent(Event.ID.StreamEnd)) {
            parser.getEvent(); // document start
            Event value = parser.getEvent();
            if (!(value instanceof ScalarEvent scalar && scalar.isPlain() && scalar.getValue().isEmpty())) {
                return true;
            }
            parser.getEvent(); // document end
        }
        return false;
    }

    private Parsed yaml(String text) throws TemplateProblem {
        Parser parser = new ParserImpl(new StreamReader(text), new LoaderOptions());
        try {
            parser.getEvent(); // stream start
            if (parser.checkEvent(Event.ID.StreamEnd)) {
                return new Parsed(null, false);
            }
            parser.getEvent(); // document start
            TemplateNode root = yamlNode(parser, 1);
            parser.getEvent(); // document end
            return new Parsed(root, moreDocuments(parser));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new TemplateProblem(line, null, "not valid YAML: " + e.getProblem().replaceAll("\\s+", " ").trim());
        } catch (YAMLException e) {
            throw new TemplateProblem(0, null, "not valid YAML: " + e.getMessage().replaceAll("\\s+", " ").trim());
        }
    }

    private TemplateNode yamlNode(Parser parser, int depth) throws TemplateProblem {
        Event event = parser.getEvent();
        int line = event.getStartMark().getLine() + 1;
        counted(line, depth);
        if (event instanceof AliasEvent alias) {
            throw new TemplateProblem(line, null, "YAML aliases are not supported (got *" + alias.getAnchor() + "); write the value out");
        }
        if (event instanceof ScalarEvent scalar) {
            boolean isNull = scalar.isPlain() && scalar.getTag() == null
                    && Set.of("", "~", "null", "Null", "NULL").contains(scalar.getValue())
                    || "tag:yaml.org,2002:null".equals(scalar.getTag());
            boolean literal = scalar.isPlain() && scalar.getTag() == null && JSON_LITERAL.matcher(scalar.getValue()).matches();
            return tagged(scalar.getTag(), new TemplateNode.Text(isNull ? null : scalar.getValue(), line, literal), line);
        }
        String tag = ((CollectionStartEvent) event).getTag();
        if (event.is(Event.ID.SequenceStart)) {
            List<TemplateNode> items = new ArrayList<>();
            while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                items.add(yamlNode(parser, depth + 1));
            }
            parser.getEvent();
            return tagged(tag, new TemplateNode.Items(items, line), line);
        }
        Map<String, TemplateNode> fields = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            Event key = parser.getEvent();
            int keyLine = key.getStartMark().getLine() + 1;
            if (!(key instanceof ScalarEvent name) || name.getTag() != null && !name.getTag().equals("!")) {
                throw new TemplateProblem(keyLine, null, "a mapping key must be plain text");
            }
            field(fields, lines, name.getValue(), keyLine, yamlNode(parser, depth + 1));
        }
        parser.getEvent();
        return tagged(tag, new TemplateNode.Fields(fields, lines, line), line);
    }

    /** A short-form tag as the long form it stands for: {@code !Sub x} is {@code {Fn::Sub: x}}. */
    private static TemplateNode tagged(String tag, TemplateNode node, int line) throws TemplateProblem {
        if (tag == null || tag.equals("!") || STANDARD_TAGS.contains(tag)) {
            return node;
        }
        String name = tag.substring(1);
        if (!tag.startsWith("!") || !SHORT_FORMS.contains(name)) {
            throw new TemplateProblem(line, null, "unknown tag " + Names.quote(tag) + " (CloudFormation's are !Ref, !Sub, "
                    + "!GetAtt, !If, ...)");
        }
        String function = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
        if (name.equals("GetAtt") && node instanceof TemplateNode.Text text && text.value() != null) {
            // !GetAtt Resource.Attribute: the attribute may itself contain dots.
            int dot = text.value().indexOf('.');
            node = new TemplateNode.Items(dot < 0 ? List.of(text) : List.of(new TemplateNode.Text(text.value().substring(0, dot), line),
                    new TemplateNode.Text(text.value().substring(dot + 1), line)), line);
        }
        return new TemplateNode.Fields(Map.of(function, node), Map.of(function, line), line);
    }

    private Parsed json(String text) throws TemplateProblem {
        try (JsonParser parser = JSON.createParser(text)) {
            try {
                if (parser.nextToken() == null) {
                    return new Parsed(null, false);
                }
                TemplateNode root = jsonNode(parser, 1);
                if (parser.nextToken() != null) {
                    throw new TemplateProblem(parser.currentTokenLocation().getLineNr(), null, "has text after its JSON value");
                }
                return new Parsed(root, false);
            } catch (JsonProcessingException e) {
                int line = e.getLocation() != null ? e.getLocation().getLineNr() : parser.currentLocation().getLineNr();
                throw new TemplateProblem(line, null, "not valid JSON: " + e.getOriginalMessage().replaceAll("\\s+", " ").trim());
            }
        } catch (IOException e) {
            throw new TemplateProblem(0, null, "cannot read: " + Names.ioReason(e));
        }
    }

    private TemplateNode jsonNode(JsonParser parser, int depth) throws IOException, TemplateProblem {
        int line = parser.currentTokenLocation().getLineNr();
        counted(line, depth);
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_ARRAY) {
            List<TemplateNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(jsonNode(parser, depth + 1));
            }
            return new TemplateNode.Items(items, line);
        }
        if (token == JsonToken.START_OBJECT) {
            Map<String, TemplateNode> fields = new LinkedHashMap<>();
            Map<String, Integer> lines = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = parser.currentTokenLocation().getLineNr();
                parser.nextToken();
                field(fields, lines, key, keyLine, jsonNode(parser, depth + 1));
            }
            return new TemplateNode.Fields(fields, lines, line);
        }
        boolean literal = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
                || token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
        return new TemplateNode.Text(token == JsonToken.VALUE_NULL ? null : parser.getText(), line, literal);
    }

    private static void field(Map<String, TemplateNode> fields, Map<String, Integer> lines, String key, int line, TemplateNode value)
            throws TemplateProblem {
        if (fields.containsKey(key)) {
            throw new TemplateProblem(line, null, "key " + Names.quote(key) + " given twice (first at line " + lines.get(key) + ")");
        }
        fields.put(key, value);
        lines.put(key, line);
    }

    private void counted(int line, int depth) throws TemplateProblem {
        if (depth > MAX_DEPTH) {
            throw new TemplateProblem(line, null, "nested deeper than " + MAX_DEPTH + " levels");
        }
        if (++values > MAX_VALUES) {
            throw new TemplateProblem(line, null, "holds more than " + MAX_VALUES + " values; a template declares resources, not data");
        }
    }
}
