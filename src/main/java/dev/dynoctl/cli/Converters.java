package dev.dynoctl.cli;

import dev.dynoctl.aws.Endpoints;
import dev.dynoctl.local.Engine;
import dev.dynoctl.table.InvalidSpecException;
import dev.dynoctl.table.Names;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value converters; each failure becomes picocli's "Invalid value for option '--x'" line (exit 2). */
final class Converters {
    private Converters() {
    }

    static final class TableName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return Names.requireTableName("name", value);
            } catch (InvalidSpecException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** 90s, 10m, 1h, 500ms, or ISO-8601 (PT10M); always positive. */
    static final class Timeout implements ITypeConverter<Duration> {
        private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

        @Override
        public Duration convert(String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            Matcher simple = SIMPLE.matcher(text);
            Duration duration;
            if (simple.matches()) {
                long amount = Long.parseLong(simple.group(1));
                duration = switch (simple.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            } else {
                try {
                    duration = Duration.parse(value.trim());
                } catch (RuntimeException e) {
                    throw new TypeConversionException("expected a duration such as 90s, 10m or 1h, got " + Names.quote(value));
                }
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new TypeConversionException("must be positive, got " + Names.quote(value));
            }
            return duration;
        }
    }

    static final class EndpointUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                return Endpoints.parse("endpoint", value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage().substring("endpoint: ".length()));
            }
        }
    }

    /** AWS region names: lower-case letters, digits and dashes (us-east-1, eu-central-2, ...). */
    static final class Region implements ITypeConverter<String> {
        private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

        @Override
        public String convert(String value) {
            if (value.length() > 64 || !REGION.matcher(value).matches()) {
                throw new TypeConversionException("expected a region name such as us-east-1, got " + Names.quote(value));
            }
            return value;
        }
    }

    /** Profile names as ~/.aws/config has them: no blanks, no control characters. */
    static final class Profile implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank() || value.length() > 128 || value.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
                throw new TypeConversionException("expected a profile name from ~/.aws/config, got " + Names.quote(value));
            }
            return value;
        }
    }

    /** A directory path: not blank, no control characters. */
    static final class Directory implements ITypeConverter<java.nio.file.Path> {
        @Override
        public java.nio.file.Path convert(String value) {
            if (value.isBlank() || value.codePoints().anyMatch(Character::isISOControl)) {
                throw new TypeConversionException("expected a directory path, got " + Names.quote(value));
            }
            return java.nio.file.Path.of(value);
        }
    }

    /** A local engine: moto or dynalite. */
    static final class LocalEngine implements ITypeConverter<Engine> {
        @Override
        public Engine convert(String value) {
            return Engine.parse(value)
                    .orElseThrow(() -> new TypeConversionException("expected moto or dynalite, got " + Names.quote(value)));
        }
    }
}
