package dev.dynoctl.table;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A resource policy's JSON, read with jackson-core. In a class of its own so that the parser and the planner, which
 * every create-table loads, do not reference Jackson: verifying them for the class cache would pull Jackson's parsers
 * and generators (about 0.7 MB) into the archive every run maps, though only tables with a policy need them.
 */
final class PolicyDocument {
    private PolicyDocument() {
    }

    /** One JSON object and nothing after it, or an {@link InvalidSpecException} for {@code setting}. */
    static void requireObject(String setting, String text) {
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidSpecException(setting, "must be a JSON object (a policy document)");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new InvalidSpecException(setting, "has text after the JSON object");
            }
        } catch (JsonProcessingException e) {
            // Jackson's own words, whole: quoting would cut them at 60 characters, as it cuts a user's value.
            throw new InvalidSpecException(setting, "is not valid JSON: " + e.getOriginalMessage().replaceAll("\\s+", " "));
        } catch (IOException e) {
            throw new InvalidSpecException(setting, "is not valid JSON: " + Names.quote(e.getMessage()));
        }
    }

    /** A JSON document as its token stream, so whitespace does not count as a difference. */
    static List<String> tokens(String json) {
        List<String> tokens = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                tokens.add(token + ":" + parser.getText());
            }
        } catch (IOException e) {
            tokens.add("unparsable:" + json);
        }
        return tokens;
    }
}
