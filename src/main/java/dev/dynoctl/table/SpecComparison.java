package dev.dynoctl.table;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.SSEDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * Compares a declaration with what DynamoDB holds, setting by setting. Only declared settings are compared;
 * index sets and projected attributes are compared as sets; tags the table has beyond the declared ones are ignored.
 */
public final class SpecComparison {
    private static final String NOT_REPORTED = ": not reported by this endpoint; not compared";

    private SpecComparison() {
    }

    /**
     * @param justCreated       the table was created from this spec a moment ago: compare only what CreateTable cannot set
     * @param addMissingIndexes plan missing global secondary indexes as changes instead of differences
     */
    public static Plan plan(TableSpec spec, TableState state, boolean justCreated, boolean addMissingIndexes) {
        Comparison c = new Comparison();
        TableDescription table = state.table();
        // DynamoDB always says whether deletion protection is on; an endpoint that does not keeps neither it nor a stream
        // (dynalite): a missing StreamSpecification there says nothing either. Said on the first run too.
        boolean reportsTableSettings = table.deletionProtectionEnabled() != null;
        if (!reportsTableSettings) {
            spec.deletionProtection().ifPresent(wanted -> c.skipped.add(Setting.DELETION_PROTECTION.label() + NOT_REPORTED));
            spec.stream().filter(view -> table.streamSpecification() == null)
                    .ifPresent(view -> c.skipped.add(Setting.STREAM.label() + NOT_REPORTED));
        }
        if (!justCreated) {
            c.compare(Setting.PK.label(), Optional.of(spec.partitionKey()), key(table, KeyType.HASH));
            c.compare(Setting.SK.label(), spec.sortKey(), key(table, KeyType.RANGE));
            c.compare(Setting.BILLING_MODE.label(), spec.billing(), billing(table));
            globalIndexes(c, spec, table, addMissingIndexes);
            localIndexes(c, spec, table);
            spec.stream().filter(view -> reportsTableSettings || table.streamSpecification() != null)
                    .ifPresent(view -> stream(c, view, table.streamSpecification()));
            spec.deletionProtection().filter(wanted -> reportsTableSettings && !wanted.equals(table.deletionProtectionEnabled()))
                    .ifPresent(wanted -> c.change(new Change.DeletionProtection(wanted), Setting.DELETION_PROTECTION.label(),
                            onOff(!wanted), onOff(wanted)));
            spec.onDemandMax().ifPresent(max -> c.compare("on-demand maximum throughput", max, onDemandMax(table.onDemandThroughput(), max)));
            encryptionClassAndWarmThroughput(c, spec, table);
            if (!spec.tags().isEmpty()) {
                tags(c, spec.tags(), state.tags());
            }
            spec.resourcePolicy().ifPresent(policy -> resourcePolicy(c, policy, state.resourcePolicy()));
        }
        spec.ttlAttribute().ifPresent(attribute -> timeToLive(c, attribute, state.timeToLive()));
        spec.pitr().ifPresent(pitr -> pointInTimeRecovery(c, pitr, state.continuousBackups()));
        spec.contributorInsights().ifPresent(enabled -> contributorInsights(c, enabled, state.contributorInsights()));
        return new Plan(c.differences, c.steps, c.skipped);
    }

    private static final class Comparison {
        final List<Difference> differences = new ArrayList<>();
        final List<Step> steps = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();

        void change(Change change, String setting, String before, String after) {
            steps.add(new Step(change, setting, before, after));
        }

        void compare(String setting, Object declared, Object actual) {
            if (!declared.equals(actual)) {
                differences.add(new Difference(setting, text(declared), text(actual)));
            }
        }

        private static String text(Object value) {
            return value instanceof Optional<?> optional ? optional.map(String::valueOf).orElse("none") : String.valueOf(value);
        }

        void notRead(String setting, Lookup<?> lookup) {
            skipped.add(setting + ": " + lookup.why() + "; not compared or applied");
        }
    }

    private static void globalIndexes(Comparison c, TableSpec spec, TableDescription table, boolean addMissing) {
        if (spec.globalIndexes().isEmpty()) {
            return;
        }
        Map<String, GlobalSecondaryIndexDescription> actual = new LinkedHashMap<>();
        table.globalSecondaryIndexes().forEach(index -> actual.put(index.indexName(), index));
        for (GlobalIndex declared : spec.globalIndexes()) {
            GlobalSecondaryIndexDescription found = actual.remove(declared.name());
            String setting = Setting.GSI.label() + " " + declared.name();
            if (found == null) {
                if (addMissing) {
                    c.change(new Change.CreateIndex(declared, spec.keyAttributes()), setting, "none",
                            shape(declared.partitionKey(), declared.sortKey(), declared.projection()));
                } else {
                    c.differences.add(new Difference(setting, shape(declared.partitionKey(), declared.sortKey(), declared.projection()),
                            "none (--add-missing-indexes adds it)"));
                }
                continue;
            }
            c.compare(setting, shape(declared.partitionKey(), declared.sortKey(), declared.projection()),
                    shape(indexKey(table, found.keySchema(), KeyType.HASH).orElse(null),
                            indexKey(table, found.keySchema(), KeyType.RANGE), projection(found.projection())));
            declared.capacity().ifPresent(capacity -> c.compare(setting + " capacity", capacity, throughput(found.provisionedThroughput())));
            declared.onDemandMax().ifPresent(max -> c.compare(setting + " on-demand maximum", max,
                    onDemandMax(found.onDemandThroughput(), max)));
        }
        actual.values().forEach(extra -> c.differences.add(new Difference(Setting.GSI.label() + " " + extra.indexName(), "none",
                shape(indexKey(table, extra.keySchema(), KeyType.HASH).orElse(null), indexKey(table, extra.keySchema(), KeyType.RANGE),
                        projection(extra.projection())))));
    }

    private static void localIndexes(Comparison c, TableSpec spec, TableDescription table) {
        if (spec.localIndexes().isEmpty()) {
            return;
        }
        Map<String, String> declared = new TreeMap<>();
        spec.localIndexes().forEach(index -> declared.put(index.name(),
                shape(spec.partitionKey(), Optional.of(index.sortKey()), index.projection())));
        Map<String, String> actual = new TreeMap<>();
        for (LocalSecondaryIndexDescription index : table.localSecondaryIndexes()) {
            actual.put(index.indexName(), shape(indexKey(table, index.keySchema(), KeyType.HASH).orElse(null),
                    indexKey(table, index.keySchema(), KeyType.RANGE), projection(index.projection())));
        }
        TreeSet<String> names = new TreeSet<>(declared.keySet());
        names.addAll(actual.keySet());
        for (String name : names) {
            c.compare(Setting.LSI.label() + " " + name, Optional.ofNullable(declared.get(name)), Optional.ofNullable(actual.get(name)));
        }
    }

    /** Keys and projection of an index as one comparable string; projected attributes sorted (they are a set). */
    private static String shape(KeyAttribute partitionKey, Optional<KeyAttribute> sortKey, Projection projection) {
        String keys = partitionKey + sortKey.map(k -> ", " + k).orElse("");
        String projected = projection.type() == Projection.Type.INCLUDE
                ? "INCLUDE(" + String.join(",", new TreeSet<>(projection.nonKeyAttributes())) + ")" : projection.type().name();
        return "keys " + keys + ", projection " + projected;
    }

    private static Projection projection(software.amazon.awssdk.services.dynamodb.model.Projection projection) {
        if (projection == null || projection.projectionTypeAsString() == null) {
            return Projection.ALL;
        }
        return new Projection(Projection.Type.valueOf(projection.projectionTypeAsString()), projection.nonKeyAttributes());
    }

    private static void stream(Comparison c, StreamView declared, StreamSpecification actual) {
        if (actual == null || !Boolean.TRUE.equals(actual.streamEnabled())) {
            c.change(new Change.EnableStream(declared), Setting.STREAM.label(), "off", declared.name());
        } else if (!declared.name().equals(actual.streamViewTypeAsString())) {
            c.differences.add(new Difference(Setting.STREAM.label(), declared.name(), actual.streamViewTypeAsString()
                    + " (changing the view type replaces the stream: disable it first)"));
        }
    }

    /**
     * Encryption, table class and warm throughput. Some endpoints accept a table class or warm throughput and leave it
     * out of DescribeTable: not compared then. A missing SSEDescription is compared: DynamoDB leaves it out for an AWS
     * owned key, so its absence cannot tell an endpoint that does not report encryption.
     */
    private static void encryptionClassAndWarmThroughput(Comparison c, TableSpec spec, TableDescription table) {
        spec.encryption().ifPresent(declared -> {
            c.compare(Setting.SSE.label(), declared.toString(), encryption(declared, table.sseDescription()));
            if (declared instanceof Encryption.AwsManaged
                    || declared instanceof Encryption.Kms kms && (kms.key().startsWith("alias/") || kms.key().contains(":alias/"))) {
                c.skipped.add("encryption: which KMS key (AWS managed, or which alias) is not checked without KMS; "
                        + "only that the table uses KMS");
            }
        });
        spec.tableClass().ifPresent(declared -> {
            String actual = table.tableClassSummary() == null ? null : table.tableClassSummary().tableClassAsString();
            if (actual != null) {
                c.compare(Setting.TABLE_CLASS.label(), declared, TableClass.valueOf(actual));
            } else if (declared != TableClass.STANDARD) {
                // DynamoDB leaves the summary out for some STANDARD tables, never for another class.
                c.skipped.add(Setting.TABLE_CLASS.label() + NOT_REPORTED);
            }
        });
        spec.warmThroughput().ifPresent(declared -> {
            var warm = table.warmThroughput();
            if (warm == null) {
                c.skipped.add("warm throughput" + NOT_REPORTED);
                return;
            }
            boolean enough = declared.read().map(r -> warm.readUnitsPerSecond() != null && warm.readUnitsPerSecond() >= r).orElse(true)
                    && declared.write().map(w -> warm.writeUnitsPerSecond() != null && warm.writeUnitsPerSecond() >= w).orElse(true);
            if (!enough) {
                c.differences.add(new Difference("warm throughput", "at least " + declared,
                        "read " + warm.readUnitsPerSecond() + ", write " + warm.writeUnitsPerSecond()));
            }
        });
    }

    /**
     * The declared encryption if the table matches it, else what it has. An AWS managed key and a customer key both
     * show as KMS; a declared key id or ARN is matched against the key ARN (an alias cannot be resolved without KMS).
     */
    private static String encryption(Encryption declared, SSEDescription actual) {
        boolean kms = actual != null && "KMS".equals(actual.sseTypeAsString())
                && !"DISABLED".equals(actual.statusAsString()) && !"DISABLING".equals(actual.statusAsString());
        if (!kms) {
            return new Encryption.AwsOwned().toString();
        }
        String arn = Objects.requireNonNullElse(actual.kmsMasterKeyArn(), "");
        if (declared instanceof Encryption.Kms key) {
            boolean same = key.key().startsWith("alias/") || key.key().contains(":alias/")
                    || arn.equals(key.key()) || arn.endsWith(":key/" + key.key());
            return same ? declared.toString() : "kms:" + arn;
        }
        return declared instanceof Encryption.AwsManaged ? declared.toString() : "kms:" + arn;
    }

    private static void tags(Comparison c, Map<String, String> declared, Lookup<Map<String, String>> actual) {
        if (!actual.found()) {
            c.notRead(Setting.TAG.label(), actual);
            return;
        }
        Map<String, String> missing = new LinkedHashMap<>();
        List<String> before = new ArrayList<>();
        declared.forEach((key, value) -> {
            if (!value.equals(actual.value().get(key))) {
                missing.put(key, value);
                before.add(actual.value().containsKey(key) ? key + "=" + actual.value().get(key) : key + " unset");
            }
        });
        if (!missing.isEmpty()) {
            Change.AddTags add = new Change.AddTags(missing);
            c.change(add, Setting.TAG.label(), String.join(", ", before), add.description().substring("tags ".length()));
        }
    }

    private static void resourcePolicy(Comparison c, String declared, Lookup<Optional<String>> actual) {
        if (!actual.found()) {
            c.notRead(Setting.RESOURCE_POLICY.label(), actual);
        } else if (actual.value().isEmpty()) {
            c.differences.add(new Difference(Setting.RESOURCE_POLICY.label(), "a policy", "none"));
        } else if (!jsonTokens(declared).equals(jsonTokens(actual.value().get()))) {
            c.differences.add(new Difference(Setting.RESOURCE_POLICY.label(), declared.replaceAll("\\s+", ""),
                    actual.value().get().replaceAll("\\s+", "")));
        }
    }

    /** A JSON document as its token stream, so whitespace does not count as a difference. */
    private static List<String> jsonTokens(String json) {
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

    private static void timeToLive(Comparison c, String attribute, Lookup<TimeToLiveDescription> actual) {
        if (!actual.found()) {
            c.notRead(Setting.TTL_ATTRIBUTE.label(), actual);
            return;
        }
        String status = actual.value().timeToLiveStatusAsString();
        String actualAttribute = actual.value().attributeName();
        if ("DISABLED".equals(status)) {
            c.change(new Change.EnableTimeToLive(attribute), Setting.TTL_ATTRIBUTE.label(), "off", "on (attribute " + attribute + ")");
        } else if (!attribute.equals(actualAttribute) || "DISABLING".equals(status)) {
            c.differences.add(new Difference("TTL attribute", attribute, actualAttribute + " (" + status
                    + "; DynamoDB allows one TTL change per hour: disable it first)"));
        }
    }

    private static void pointInTimeRecovery(Comparison c, Pitr declared, Lookup<ContinuousBackupsDescription> actual) {
        if (!actual.found()) {
            c.notRead(Setting.PITR.label(), actual);
            return;
        }
        var description = actual.value().pointInTimeRecoveryDescription();
        String status = description == null ? "DISABLED" : description.pointInTimeRecoveryStatusAsString();
        boolean enabled = "ENABLED".equals(status) || "ENABLING".equals(status);
        Optional<Integer> days = Optional.ofNullable(description == null ? null : description.recoveryPeriodInDays());
        boolean daysDiffer = declared.recoveryPeriodDays().isPresent() && !declared.recoveryPeriodDays().equals(days);
        if (declared.enabled() != enabled || declared.enabled() && daysDiffer) {
            c.change(new Change.PointInTimeRecovery(declared.enabled(), declared.recoveryPeriodDays()), Setting.PITR.label(),
                    new Pitr(enabled, enabled ? days : Optional.empty()).toString(), declared.toString());
        }
    }

    private static void contributorInsights(Comparison c, boolean declared, Lookup<String> actual) {
        if (!actual.found()) {
            c.notRead(Setting.CONTRIBUTOR_INSIGHTS.label(), actual);
            return;
        }
        boolean enabled = "ENABLED".equals(actual.value()) || "ENABLING".equals(actual.value());
        if (declared != enabled) {
            c.change(new Change.ContributorInsights(declared), Setting.CONTRIBUTOR_INSIGHTS.label(), onOff(enabled), onOff(declared));
        }
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    /** The table's billing; tables without a BillingModeSummary and with capacity are provisioned. */
    public static Billing billing(TableDescription table) {
        Throughput throughput = throughput(table.provisionedThroughput());
        boolean onDemand = table.billingModeSummary() != null
                ? table.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST
                : throughput.read() == 0 && throughput.write() == 0;
        return onDemand ? new Billing.OnDemand()
                : new Billing.Provisioned(Math.max(throughput.read(), 1), Math.max(throughput.write(), 1));
    }

    private static Throughput throughput(ProvisionedThroughputDescription description) {
        return new Throughput(description == null || description.readCapacityUnits() == null ? 0 : description.readCapacityUnits(),
                description == null || description.writeCapacityUnits() == null ? 0 : description.writeCapacityUnits());
    }

    /** The actual on-demand maximum, limited to the figures that were declared. */
    private static UnitLimits onDemandMax(OnDemandThroughput actual, UnitLimits declared) {
        return new UnitLimits(declared.read().map(r -> actual == null ? -1L : Objects.requireNonNullElse(actual.maxReadRequestUnits(), -1L)),
                declared.write().map(w -> actual == null ? -1L : Objects.requireNonNullElse(actual.maxWriteRequestUnits(), -1L)));
    }

    public static Optional<KeyAttribute> key(TableDescription table, KeyType role) {
        return indexKey(table, table.keySchema(), role);
    }

    public static Optional<KeyAttribute> indexKey(TableDescription table, List<KeySchemaElement> keySchema, KeyType role) {
        Map<String, String> types = new HashMap<>();
        table.attributeDefinitions().forEach(d -> types.put(d.attributeName(), d.attributeTypeAsString()));
        return keySchema.stream()
                .filter(k -> k.keyType() == role)
                .map(KeySchemaElement::attributeName)
                .findFirst()
                .map(name -> new KeyAttribute(name, AttributeType.valueOf(Objects.requireNonNull(types.get(name),
                        () -> "DynamoDB described key " + name + " without a type"))));
    }
}
