package dev.dynoctl.table;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Table definitions in a file (JSON, or YAML for any other extension), in the flags' vocabulary: each key is
 * a create-table option without its dashes, each value what the flag takes. Repeatable options take lists;
 * {@code tag} also takes a map. {@code resource-policy: "@policy.json"} is read relative to the spec file.
 * <pre>
 * name: Users
 * pk: user_id:S
 * gsi: [ "ByEmail:email:S" ]
 * tag: { team: identity }
 * pitr: true
 * </pre>
 * A YAML file may declare several tables as documents separated by {@code ---}; a JSON file declares one table
 * (an object) or a list of them. The settings are read here, with the line of each; {@link SpecParser} checks them.
 * A file whose top level has {@code Resources} is a CloudFormation or SAM template instead ({@link TemplateReader}).
 */
public final class SpecFile {
    static final int MAX_BYTES = 1024 * 1024;
    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

    private SpecFile() {
    }

    /**
     * One table's settings as a document declared them, with the line of each setting and, for a template, the
     * property each setting came from ({@code labels}: how a problem names the setting; its key when absent).
     */
    public record Document(Origin origin, Map<String, List<String>> settings, Map<String, Integer> lines,
                           Map<String, String> labels) {
        public Document(Origin origin, Map<String, List<String>> settings, Map<String, Integer> lines) {
            this(origin, settings, lines, Map.of());
        }

        /** Where a setting is declared; the document's start for one it lacks (e.g. a missing required setting). */
        public Origin originOf(String setting) {
            return origin.atLine(lines.getOrDefault(setting, origin.line()));
        }

        /** A problem with a setting, where it is declared (the property's path names a template's resource). */
        public SpecProblem problem(String setting, String message) {
            Origin at = originOf(setting);
            return new SpecProblem(new Origin(at.file(), at.line(), at.document()), labels.getOrDefault(setting, setting), message);
        }
    }

    /**
     * Every document of a file that could be read, a problem for each one that could not, and what a template
     * showed besides: warnings (what --ignore-unsupported left out), the pseudo parameters it used and the parameters
     * it declares.
     */
    public record Contents(List<Document> documents, List<SpecProblem> problems, List<SpecProblem> warnings,
                           Set<String> pseudoParametersUsed, Set<String> parameters) {
    }

    /** The one table a {@code --spec} file (or template) declares, and what reading it showed; its first problem as the exception. */
    public static Contents read(Path file, TemplateContext templates) {
        Contents contents = contents(file, templates);
        if (!contents.problems().isEmpty()) {
            throw new InvalidSpecException("spec", contents.problems().get(0).toString());
        }
        if (contents.documents().size() != 1) {
            throw new InvalidSpecException("spec", file + ": declares " + contents.documents().size()
                    + " tables; --spec takes a file declaring one");
        }
        return contents;
    }

    static Contents contents(Path file, TemplateContext templates) {
        Contents contents = new Contents(new ArrayList<>(), new ArrayList<>(), List.of(), Set.of(), Set.of());
        try {
            String text = text(file);
            // Only a text that names Resources can be a template: spec files are not parsed twice.
            TemplateParser.Parsed parsed = text.contains("Resources") ? TemplateParser.parse(text, isJson(file)) : null;
            if (parsed != null && TemplateReader.isTemplate(parsed)) {
                return TemplateReader.read(file, parsed, templates);
            }
            read(file, text, contents);
        } catch (Problem p) {
            contents.problems().add(p.problem);
        } catch (TemplateProblem p) {
            contents.problems().add(p.in(file));
        }
        if (contents.documents().isEmpty() && contents.problems().isEmpty()) {
            contents.problems().add(new SpecProblem(Origin.of(file), null, "holds no table definition"));
        }
        return contents;
    }

    private static boolean isJson(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** Adds each document to {@code into}; throws for a problem that stops the reading of the whole file. */
    private static void read(Path file, String text, Contents into) throws Problem {
        boolean json = isJson(file);
        try (JsonParser parser = (json ? JSON : YAML).createParser(text)) {
            try {
                JsonToken token = parser.nextToken();
                if (!json) {
                    boolean numbered = yamlDocuments(text) > 1;
                    for (int document = 1; token != null; token = parser.nextToken(), document++) {
                        readDocument(parser, file, numbered ? document : 0, 0, into);
                    }
                } else if (token == JsonToken.START_ARRAY) {
                    for (int document = 1; parser.nextToken() != JsonToken.END_ARRAY; document++) {
                        readDocument(parser, file, document, 1, into);
                    }
                } else if (token != null) {
                    readDocument(parser, file, 0, 0, into);
                }
                if (json && parser.nextToken() != null) {
                    throw new Problem(new Origin(file, parser.currentTokenLocation().getLineNr(), 0), null,
                            "has text after its JSON value (several tables go in one JSON list)");
                }
            } catch (JsonProcessingException e) {
                // A constraint (e.g. nesting depth) breach carries no location; the parser's is where it stopped.
                JsonLocation where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                throw new Problem(new Origin(file, where.getLineNr(), 0), null, "not valid " + (json ? "JSON" : "YAML")
                        + ": " + syntaxError(e));
            }
        } catch (IOException e) {
            throw new Problem(Origin.of(file), null, "cannot read: " + Names.ioReason(e));
        }
    }

    /** Jackson's words on one line, without SnakeYAML's echo of the input or Jackson's note on hidden sources. */
    private static String syntaxError(JsonProcessingException e) {
        // Jackson's own wrapper of SnakeYAML's exception is deprecated; its cause is SnakeYAML's.
        String message = e.getCause() instanceof MarkedYAMLException yaml ? yaml.getProblem() : e.getOriginalMessage();
        return message.replace("[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ", "[")
                .replaceAll("\\s+", " ").trim();
    }

    /** The file as UTF-8 text, refusing files too large to be table definitions before reading them whole. */
    private static String text(Path file) throws Problem {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new Problem(Origin.of(file), null, "larger than 1 MiB; a spec file or template declares tables, not data");
            }
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            // A byte order mark, as Windows editors write it, is no part of the JSON or YAML.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException | RuntimeException e) {
            throw new Problem(Origin.of(file), null, "cannot read: " + Names.ioReason(e));
        }
    }

    /** How many documents a YAML text holds, up to a syntax error (which the reading proper reports). */
    private static int yamlDocuments(String text) {
        int count = 0;
        try (JsonParser parser = YAML.createParser(text)) {
            for (; parser.nextToken() != null; count++) {
                parser.skipChildren();
            }
        } catch (IOException e) {
            // counted so far
        }
        return count;
    }

    /**
     * Reads the document whose first token is current into {@code into}, or its problem; either way leaves the
     * parser on the document's last token, i.e. back at {@code depth}, so the next document can be read.
     */
    private static void readDocument(JsonParser parser, Path file, int document, int depth, Contents into) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return; // an empty document, e.g. after a trailing ---, declares nothing
        }
        try {
            into.documents().add(document(parser, new Origin(file, parser.currentTokenLocation().getLineNr(), document)));
        } catch (Problem p) {
            into.problems().add(p.problem);
            while (parser.getParsingContext().getNestingDepth() > depth && parser.nextToken() != null) {
                // skipping the rest of the document
            }
        }
    }

    private static Document document(JsonParser parser, Origin start) throws IOException, Problem {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new Problem(start, null, "must hold a mapping of settings, e.g. name: Users and pk: user_id:S");
        }
        Map<String, List<String>> settings = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String given = parser.currentName();
            Origin at = start.atLine(parser.currentTokenLocation().getLineNr());
            String key = Setting.byKey(given).map(Setting::key).orElseThrow(() -> new Problem(at, null, "unknown setting "
                    + Names.quote(given) + " (known: " + String.join(", ", Setting.keys()) + ")"));
            if (lines.containsKey(key)) {
                throw new Problem(at, given, "given twice (first at line " + lines.get(key) + (given.equals(key) ? "" : " as name") + ")");
            }
            lines.put(key, at.line());
            parser.nextToken();
            settings.put(key, values(parser, key, at));
        }
        return new Document(start, settings, lines);
    }

    private static List<String> values(JsonParser parser, String key, Origin at) throws IOException, Problem {
        List<String> values = new ArrayList<>();
        if (parser.currentToken() == JsonToken.START_ARRAY && Setting.byKey(key).filter(Setting::repeatable).isPresent()) {
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                values.add(scalar(parser, key, at));
            }
        } else if (parser.currentToken() == JsonToken.START_OBJECT && key.equals("tag")) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String tag = parser.currentName();
                parser.nextToken();
                values.add(tag + "=" + scalar(parser, key, at));
            }
        } else {
            values.add(scalar(parser, key, at));
        }
        if (key.equals("resource-policy") && values.get(0).startsWith("@")) {
            Path policy = Path.of(values.get(0).substring(1));
            Path base = at.file().toAbsolutePath().getParent();
            values = List.of("@" + (policy.isAbsolute() || base == null ? policy : base.resolve(policy)));
        }
        return values;
    }

    private static String scalar(JsonParser parser, String key, Origin setting) throws IOException, Problem {
        Origin at = setting.atLine(parser.currentTokenLocation().getLineNr());
        // Jackson does not resolve aliases (so no alias bomb can grow), but gives the anchor's name as the value.
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new Problem(at, key, "YAML aliases are not supported (got *" + parser.getText() + "); write the value out");
        }
        JsonToken token = parser.currentToken();
        if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
            return parser.getText();
        }
        throw new Problem(at, key, "must be " + (Setting.byKey(key).filter(Setting::repeatable).isPresent() ? "a value or a list of values" : "a single value")
                + (key.equals("tag") ? " (or a map of tags)" : ""));
    }

    /** Stops reading a document (or a whole file) with its problem. */
    private static final class Problem extends Exception {
        private final transient SpecProblem problem;

        Problem(Origin origin, String setting, String message) {
            super(message, null, false, false);
            this.problem = new SpecProblem(origin, setting, message);
        }
    }
}
