package dev.dynoctl.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Writes AWS SDK model objects as the AWS CLI prints them: the API's own field names (from the SDK's
 * marshalling metadata, so nothing is renamed by hand), unset fields left out, timestamps in ISO-8601.
 */
final class AwsJson implements AutoCloseable {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private final JsonGenerator json;

    AwsJson(PrintWriter out) {
        try {
            json = FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            DefaultIndenter indent = new DefaultIndenter("    ", "\n");
            json.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(indent)
                    .withArrayIndenter(indent));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {"name": value, ...} for the given pairs, values being SDK objects, strings, numbers, lists or maps. */
    void object(Map<String, ?> fields) {
        io(() -> {
            json.writeStartObject();
            for (Map.Entry<String, ?> field : fields.entrySet()) {
                if (isSet(field.getValue())) {
                    json.writeFieldName(field.getKey());
                    value(field.getValue());
                }
            }
            json.writeEndObject();
        });
    }

    private void value(Object value) throws IOException {
        if (value instanceof SdkPojo pojo) {
            json.writeStartObject();
            for (SdkField<?> field : pojo.sdkFields()) {
                Object fieldValue = field.getValueOrDefault(pojo);
                if (isSet(fieldValue)) {
                    json.writeFieldName(field.locationName());
                    value(fieldValue);
                }
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                value(element);
            }
            json.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                value(entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Long) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number number) {
            json.writeNumber(number.toString());
        } else if (value instanceof SdkBytes bytes) {
            json.writeBinary(bytes.asByteArray());
        } else if (value instanceof Instant instant) {
            json.writeString(instant.toString());
        } else {
            json.writeString(String.valueOf(value));
        }
    }

    private static boolean isSet(Object value) {
        return value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap);
    }

    @Override
    public void close() {
        io(() -> {
            json.writeRaw('\n');
            json.close();
        });
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
