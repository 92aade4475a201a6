package dev.dynoctl.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns settings, as typed on the command line or written in a spec file (option name without dashes to its
 * values as strings), into a checked {@link TableSpec}. Every DynamoDB rule that can be checked without AWS is
 * checked here; the exception names the setting, so the message names the flag.
 */
public final class SpecParser {

    static final int MAX_GSIS = 20;
    static final int MAX_LSIS = 5;
    static final int MAX_PROJECTED_PER_INDEX = 20;
    static final int MAX_PROJECTED_TOTAL = 100;
    static final int MAX_TAGS = 50;
    static final int MAX_RESOURCE_POLICY_BYTES = 20 * 1024;
    private static final Pattern TAG_CHARACTERS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final Pattern KMS_KEY = Pattern.compile("[A-Za-z0-9:/_.\\-]{1,2048}");

    private final Map<String, List<String>> settings;
    private final List<InvalidSpecException> problems = new ArrayList<>();

    private SpecParser(Map<String, List<String>> settings) {
        this.settings = settings;
    }

    public static TableSpec parse(Map<String, List<String>> settings) {
        return new SpecParser(settings).spec();
    }

    private TableSpec spec() {
        String name = check(() -> Names.requireTableName("name", required("name")), null);
        KeyAttribute partitionKey = check(() -> KeyAttribute.parse("pk", required("pk")), null);
        Optional<KeyAttribute> sortKey = check(() -> one("sk").map(v -> KeyAttribute.parse("sk", v)), Optional.empty());
        if (partitionKey != null && sortKey.isPresent() && sortKey.get().name().equals(partitionKey.name())) {
            problems.add(new InvalidSpecException("sk", "sort key must differ from the partition key (both are "
                    + Names.quote(partitionKey.name()) + ")"));
        }
        Billing.Mode mode = check(() -> one("billing-mode").map(SpecParser::billingMode).orElse(Billing.Mode.ON_DEMAND), null);
        Billing billing = mode == null ? null : check(() -> Billing.of(mode, one("read-capacity").map(v -> positive("read-capacity", v))
                .orElse(null), one("write-capacity").map(v -> positive("write-capacity", v)).orElse(null)), null);
        boolean provisioned = mode == Billing.Mode.PROVISIONED;

        List<GlobalIndex> globalIndexes = check(() -> all("gsi").stream().map(v -> IndexSyntax.global(v, provisioned)).toList(),
                List.of());
        List<LocalIndex> localIndexes = check(() -> all("lsi").stream().map(IndexSyntax::local).toList(), List.of());
        if (partitionKey != null) {
            check(() -> {
                checkIndexes(partitionKey, sortKey, globalIndexes, localIndexes);
                return null;
            }, null);
        }

        Optional<UnitLimits> onDemandMax = check(() -> units("max-read-units", "max-write-units"), Optional.empty());
        if (onDemandMax.isPresent() && provisioned) {
            problems.add(new InvalidSpecException(onDemandMax.get().read().isPresent() ? "max-read-units" : "max-write-units",
                    "only allowed with --billing-mode on-demand (it caps on-demand throughput)"));
        }
        Optional<Boolean> pitrEnabled = check(() -> one("pitr").map(v -> bool("pitr", v)), Optional.empty());
        Optional<Integer> recoveryDays = check(() -> one("pitr-recovery-days").map(v -> (int) range("pitr-recovery-days", v, 1, 35)),
                Optional.empty());
        if (recoveryDays.isPresent() && !pitrEnabled.orElse(false)) {
            problems.add(new InvalidSpecException("pitr-recovery-days", "only allowed with --pitr"));
        }
        Optional<Toggle<StreamView>> stream = check(() -> one("stream").map(v -> toggle(v, SpecParser::stream)), Optional.empty());
        Optional<Toggle<String>> ttl = check(() -> one("ttl-attribute")
                .map(v -> toggle(v, attribute -> Names.requireAttributeName("ttl-attribute", attribute))), Optional.empty());
        Map<String, String> tags = check(() -> tags(all("tag")), Map.of());
        Optional<Encryption> encryption = check(() -> one("sse").map(SpecParser::encryption), Optional.empty());
        Optional<TableClass> tableClass = check(() -> one("table-class").map(SpecParser::tableClass), Optional.empty());
        Optional<Boolean> protection = check(() -> one("deletion-protection").map(v -> bool("deletion-protection", v)),
                Optional.empty());
        Optional<UnitLimits> warm = check(() -> units("warm-read-units", "warm-write-units"), Optional.empty());
        Optional<Toggle<String>> policy = check(() -> one("resource-policy").map(v -> toggle(v, SpecParser::resourcePolicy)),
                Optional.empty());
        Optional<Boolean> insights = check(() -> one("contributor-insights").map(v -> bool("contributor-insights", v)),
                Optional.empty());
        if (!problems.isEmpty()) {
            throw InvalidSpecException.of(problems);
        }
        TableSpec spec = new TableSpec(name, partitionKey, sortKey, billing, globalIndexes, localIndexes, stream, ttl, tags,
                encryption, tableClass, protection, pitrEnabled.map(enabled -> new Pitr(enabled, recoveryDays)), onDemandMax, warm,
                policy, insights);
        checkAttributeTypes(spec);
        return spec;
    }

    /** Reads one part of the declaration; its problem is kept and the rest still read, so each problem is one line. */
    private <T> T check(Supplier<T> read, T otherwise) {
        try {
            return read.get();
        } catch (InvalidSpecException e) {
            problems.add(e);
            return otherwise;
        }
    }

    private String required(String setting) {
        return one(setting).orElseThrow(() -> new InvalidSpecException(setting, "required"));
    }

    private Optional<String> one(String setting) {
        List<String> values = settings.getOrDefault(setting, List.of());
        if (values.size() > 1) {
            throw new InvalidSpecException(setting, "given " + values.size() + " times; give it once");
        }
        return values.stream().findFirst();
    }

    private List<String> all(String setting) {
        return settings.getOrDefault(setting, List.of());
    }

    private static Billing.Mode billingMode(String value) {
        return switch (normalised(value)) {
            case "on-demand", "pay-per-request" -> Billing.Mode.ON_DEMAND;
            case "provisioned" -> Billing.Mode.PROVISIONED;
            default -> throw new InvalidSpecException("billing-mode",
                    "expected on-demand or provisioned (or PAY_PER_REQUEST, PROVISIONED), got " + Names.quote(value));
        };
    }

    /** {@code off} turns the setting off; anything else is its value. */
    private static <T> Toggle<T> toggle(String value, java.util.function.Function<String, T> parse) {
        return value.trim().equalsIgnoreCase(Toggle.OFF) ? Toggle.off() : Toggle.on(parse.apply(value));
    }

    private static StreamView stream(String value) {
        try {
            return StreamView.valueOf(normalised(value).replace('-', '_').toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException("stream", "expected KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES or off, got "
                    + Names.quote(value));
        }
    }

    private static TableClass tableClass(String value) {
        return switch (normalised(value)) {
            case "standard" -> TableClass.STANDARD;
            case "standard-ia", "standard-infrequent-access" -> TableClass.STANDARD_INFREQUENT_ACCESS;
            default -> throw new InvalidSpecException("table-class", "expected standard or standard-ia, got " + Names.quote(value));
        };
    }

    private static Encryption encryption(String value) {
        String text = value.trim();
        if (text.regionMatches(true, 0, "kms:", 0, 4)) {
            String key = text.substring(4);
            if (!KMS_KEY.matcher(key).matches()) {
                throw new InvalidSpecException("sse", "kms: needs a KMS key id, key ARN, alias/NAME or alias ARN, got "
                        + Names.quote(key));
            }
            return new Encryption.Kms(key);
        }
        return switch (normalised(text)) {
            case "aws-owned" -> new Encryption.AwsOwned();
            case "aws-managed" -> new Encryption.AwsManaged();
            default -> throw new InvalidSpecException("sse", "expected aws-owned, aws-managed or kms:KEY, got " + Names.quote(value));
        };
    }

    private static Map<String, String> tags(List<String> values) {
        if (values.size() > MAX_TAGS) {
            throw new InvalidSpecException("tag", "at most " + MAX_TAGS + " tags per table (got " + values.size() + ")");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String value : values) {
            int equals = value.indexOf('=');
            if (equals < 0) {
                throw new InvalidSpecException("tag", "expected KEY=VALUE, got " + Names.quote(value));
            }
            String key = value.substring(0, equals);
            String tagValue = value.substring(equals + 1);
            if (key.isEmpty() || key.length() > 128 || !TAG_CHARACTERS.matcher(key).matches()) {
                throw new InvalidSpecException("tag", "key must be 1-128 letters, digits, spaces or _ . : / = + - @ (got "
                        + Names.quote(key) + ")");
            }
            if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                throw new InvalidSpecException("tag", "keys starting with aws: are reserved for AWS (got " + Names.quote(key) + ")");
            }
            if (tagValue.length() > 256 || !TAG_CHARACTERS.matcher(tagValue).matches()) {
                throw new InvalidSpecException("tag", "value must be 0-256 letters, digits, spaces or _ . : / = + - @ (got "
                        + Names.quote(tagValue) + ")");
            }
            String earlier = tags.put(key, tagValue);
            if (earlier != null && !earlier.equals(tagValue)) {
                throw new InvalidSpecException("tag", "key " + Names.quote(key) + " given twice with different values");
            }
        }
        return tags;
    }

    /** @param value inline JSON, or @FILE */
    private static String resourcePolicy(String value) {
        String policy = value;
        if (value.startsWith("@")) {
            Path file = Path.of(value.substring(1));
            try {
                policy = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new InvalidSpecException("resource-policy", "cannot read " + Names.quote(file.toString()) + ": "
                        + Names.ioReason(e));
            }
        }
        int bytes = policy.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_RESOURCE_POLICY_BYTES) {
            throw new InvalidSpecException("resource-policy", "at most 20 KB including whitespace (got " + bytes + " bytes)");
        }
        PolicyDocument.requireObject("resource-policy", policy);
        return policy;
    }

    private Optional<UnitLimits> units(String readSetting, String writeSetting) {
        Optional<Long> read = one(readSetting).map(v -> positive(readSetting, v));
        Optional<Long> write = one(writeSetting).map(v -> positive(writeSetting, v));
        return read.isEmpty() && write.isEmpty() ? Optional.empty() : Optional.of(new UnitLimits(read, write));
    }

    static long positive(String setting, String value) {
        return range(setting, value, 1, Long.MAX_VALUE);
    }

    /** ASCII digits only: Long.parseLong also takes other scripts' digits (e.g. Arabic-Indic), which DynamoDB would not. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]{1,19}");

    static long range(String setting, String value, long min, long max) {
        long number;
        try {
            if (!WHOLE_NUMBER.matcher(value.trim()).matches()) {
                throw new NumberFormatException(value);
            }
            number = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSpecException(setting, "expected a whole number, got " + Names.quote(value));
        }
        if (number < min || number > max) {
            throw new InvalidSpecException(setting, "must be " + (max == Long.MAX_VALUE ? "at least " + min
                    : "between " + min + " and " + max) + " (got " + number + ")");
        }
        return number;
    }

    private static boolean bool(String setting, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on" -> true;
            case "false", "off" -> false;
            default -> throw new InvalidSpecException(setting, "expected true or false (or on, off), got " + Names.quote(value));
        };
    }

    private static String normalised(String value) {
        return value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void checkIndexes(KeyAttribute partitionKey, Optional<KeyAttribute> sortKey,
                                     List<GlobalIndex> globalIndexes, List<LocalIndex> localIndexes) {
        if (globalIndexes.size() > MAX_GSIS) {
            throw new InvalidSpecException("gsi", "at most " + MAX_GSIS + " global secondary indexes (got " + globalIndexes.size() + ")");
        }
        if (localIndexes.size() > MAX_LSIS) {
            throw new InvalidSpecException("lsi", "at most " + MAX_LSIS + " local secondary indexes (got " + localIndexes.size() + ")");
        }
        if (!localIndexes.isEmpty() && sortKey.isEmpty()) {
            throw new InvalidSpecException("lsi", "local secondary indexes need a table with a sort key (--sk)");
        }
        Map<String, String> seen = new HashMap<>();
        int projected = 0;
        for (GlobalIndex index : globalIndexes) {
            unique(seen, index.name(), "gsi");
            projected += index.projection().nonKeyAttributes().size();
        }
        for (LocalIndex index : localIndexes) {
            unique(seen, index.name(), "lsi");
            if (index.sortKey().name().equals(partitionKey.name())) {
                throw new InvalidSpecException("lsi", "index " + index.name() + ": its sort key must differ from the table's "
                        + "partition key " + Names.quote(partitionKey.name()));
            }
            projected += index.projection().nonKeyAttributes().size();
        }
        if (projected > MAX_PROJECTED_TOTAL) {
            throw new InvalidSpecException(globalIndexes.isEmpty() ? "lsi" : "gsi", "at most " + MAX_PROJECTED_TOTAL
                    + " projected non-key attributes over all indexes, counting repeats (got " + projected + ")");
        }
    }

    private static void unique(Map<String, String> seen, String indexName, String setting) {
        String earlier = seen.put(indexName, setting);
        if (earlier != null) {
            throw new InvalidSpecException(setting, "index name " + Names.quote(indexName) + " is used twice (index names are "
                    + "unique across --gsi and --lsi)");
        }
    }

    /** An attribute used in several keys must have one type everywhere (it has one AttributeDefinition). */
    private static void checkAttributeTypes(TableSpec spec) {
        Map<String, KeyUse> uses = new HashMap<>();
        use(uses, spec.partitionKey(), "pk", "--pk");
        spec.sortKey().ifPresent(k -> use(uses, k, "sk", "--sk"));
        for (GlobalIndex index : spec.globalIndexes()) {
            use(uses, index.partitionKey(), "gsi", "--gsi " + index.name());
            index.sortKey().ifPresent(k -> use(uses, k, "gsi", "--gsi " + index.name()));
        }
        for (LocalIndex index : spec.localIndexes()) {
            use(uses, index.sortKey(), "lsi", "--lsi " + index.name());
        }
    }

    private record KeyUse(AttributeType type, String where) {
    }

    private static void use(Map<String, KeyUse> uses, KeyAttribute key, String setting, String where) {
        KeyUse earlier = uses.putIfAbsent(key.name(), new KeyUse(key.type(), where));
        if (earlier != null && earlier.type() != key.type()) {
            throw new InvalidSpecException(setting, "attribute " + Names.quote(key.name()) + " is " + earlier.type() + " in "
                    + earlier.where() + " but " + key.type() + " in " + where + "; an attribute has one type");
        }
    }
}
