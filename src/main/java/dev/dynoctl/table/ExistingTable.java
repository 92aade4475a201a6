package dev.dynoctl.table;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.SSEDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * A table as it exists, in the same model as a declaration: DescribeTable and its follow-up reads mapped back into a
 * {@link TableSpec} in which every setting the endpoint reported is declared. What it did not report (an emulator's
 * gaps, a follow-up read not made or not permitted) is undeclared there and listed in {@code unreported} with why.
 * {@code state} keeps what the model has no place for: statuses, backfilling, item counts, ARNs.
 */
public record ExistingTable(TableSpec settings, Map<Setting, String> unreported, TableState state) {
    public static final String NOT_REPORTED = "not reported by this endpoint";

    public ExistingTable {
        unreported = Map.copyOf(unreported);
    }

    public TableDescription table() {
        return state.table();
    }

    /** Why a setting is not in the model, or null when it is. */
    public String whyUnreported(Setting setting) {
        return unreported.get(setting);
    }

    public static ExistingTable read(TableState state) {
        TableDescription table = state.table();
        Map<Setting, String> unreported = new EnumMap<>(Setting.class);
        Billing billing = billing(table);
        boolean provisioned = billing instanceof Billing.Provisioned;
        List<GlobalIndex> globalIndexes = new ArrayList<>();
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            if ("DELETING".equals(index.indexStatusAsString())) {
                continue; // going away: the table has it no longer, as far as any declaration is concerned
            }
            globalIndexes.add(new GlobalIndex(index.indexName(), indexKey(table, index.keySchema(), KeyType.HASH).orElseThrow(),
                    indexKey(table, index.keySchema(), KeyType.RANGE), projection(index.projection()),
                    provisioned ? Optional.of(throughput(index.provisionedThroughput())) : Optional.empty(),
                    onDemandLimits(index.onDemandThroughput())));
        }
        List<LocalIndex> localIndexes = new ArrayList<>();
        for (LocalSecondaryIndexDescription index : table.localSecondaryIndexes()) {
            localIndexes.add(new LocalIndex(index.indexName(), indexKey(table, index.keySchema(), KeyType.RANGE).orElseThrow(),
                    projection(index.projection())));
        }
        // DynamoDB always says whether deletion protection is on; an endpoint that does not keeps neither it nor a
        // stream (dynalite), so a missing StreamSpecification there says nothing either. One that reports a stream
        // but not protection (older DynamoDB Local) has its stream compared, not its protection.
        boolean reportsTableSettings = table.deletionProtectionEnabled() != null;
        if (!reportsTableSettings) {
            unreported.put(Setting.DELETION_PROTECTION, NOT_REPORTED);
        }
        Optional<Toggle<StreamView>> stream;
        if (table.streamSpecification() != null && Boolean.TRUE.equals(table.streamSpecification().streamEnabled())) {
            // moto accepts a stream without a view type: on, but of no view a declaration could match.
            stream = Optional.ofNullable(table.streamSpecification().streamViewTypeAsString()).map(StreamView::valueOf).map(Toggle::on);
            if (stream.isEmpty()) {
                unreported.put(Setting.STREAM, NOT_REPORTED + " (a stream without a view type)");
            }
        } else if (reportsTableSettings) {
            stream = Optional.of(Toggle.off());
        } else {
            stream = Optional.empty();
            unreported.put(Setting.STREAM, NOT_REPORTED);
        }
        // DynamoDB leaves the summary out for a table whose class was never set: STANDARD. An endpoint that does not
        // report deletion protection (dynalite) says nothing about the class either.
        Optional<TableClass> tableClass = Optional.ofNullable(table.tableClassSummary())
                .map(summary -> summary.tableClassAsString()).map(TableClass::valueOf)
                .or(() -> reportsTableSettings ? Optional.of(TableClass.STANDARD) : Optional.empty());
        if (tableClass.isEmpty()) {
            unreported.put(Setting.TABLE_CLASS, NOT_REPORTED);
        }
        Optional<UnitLimits> warm = Optional.ofNullable(table.warmThroughput())
                .map(w -> new UnitLimits(Optional.ofNullable(w.readUnitsPerSecond()), Optional.ofNullable(w.writeUnitsPerSecond())));
        if (warm.isEmpty()) {
            unreported.put(Setting.WARM_READ_UNITS, NOT_REPORTED);
        }
        TableSpec settings = new TableSpec(table.tableName(), indexKey(table, table.keySchema(), KeyType.HASH).orElseThrow(),
                indexKey(table, table.keySchema(), KeyType.RANGE), billing, globalIndexes, localIndexes, stream,
                timeToLive(state.timeToLive(), unreported),
                found(state.tags(), Setting.TAG, unreported).orElse(Map.of()),
                Optional.of(encryption(table.sseDescription())), tableClass,
                Optional.ofNullable(table.deletionProtectionEnabled()),
                found(state.continuousBackups(), Setting.PITR, unreported).map(backups -> {
                    var pitr = backups.pointInTimeRecoveryDescription();
                    String status = pitr == null ? "DISABLED" : pitr.pointInTimeRecoveryStatusAsString();
                    boolean enabled = "ENABLED".equals(status) || "ENABLING".equals(status);
                    return new Pitr(enabled, enabled ? Optional.ofNullable(pitr.recoveryPeriodInDays()) : Optional.empty());
                }),
                onDemandLimits(table.onDemandThroughput()), warm,
                found(state.resourcePolicy(), Setting.RESOURCE_POLICY, unreported)
                        .map(policy -> policy.map(Toggle::on).orElseGet(Toggle::off)),
                found(state.contributorInsights(), Setting.CONTRIBUTOR_INSIGHTS, unreported)
                        .map(status -> "ENABLED".equals(status) || "ENABLING".equals(status)));
        return new ExistingTable(settings, unreported, state);
    }

    /** TTL as on (with its attribute) or off; DISABLING counts as off, as it will be. */
    private static Optional<Toggle<String>> timeToLive(Lookup<TimeToLiveDescription> lookup, Map<Setting, String> unreported) {
        Optional<TimeToLiveDescription> ttl = found(lookup, Setting.TTL_ATTRIBUTE, unreported);
        if (ttl.isEmpty()) {
            return Optional.empty();
        }
        boolean on = "ENABLED".equals(ttl.get().timeToLiveStatusAsString()) || "ENABLING".equals(ttl.get().timeToLiveStatusAsString());
        if (on && ttl.get().attributeName() == null) {
            unreported.put(Setting.TTL_ATTRIBUTE, NOT_REPORTED + " (TTL on, without its attribute)");
            return Optional.empty();
        }
        return Optional.of(on ? Toggle.on(ttl.get().attributeName()) : Toggle.off());
    }

    private static <T> Optional<T> found(Lookup<T> lookup, Setting setting, Map<Setting, String> unreported) {
        if (!lookup.found()) {
            unreported.put(setting, lookup.why());
            return Optional.empty();
        }
        return Optional.of(lookup.value());
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

    /** An on-demand maximum; DynamoDB reports -1 (or nothing) for "no maximum". */
    private static Optional<UnitLimits> onDemandLimits(OnDemandThroughput limits) {
        if (limits == null) {
            return Optional.empty();
        }
        Optional<Long> read = Optional.ofNullable(limits.maxReadRequestUnits()).filter(units -> units > 0);
        Optional<Long> write = Optional.ofNullable(limits.maxWriteRequestUnits()).filter(units -> units > 0);
        return read.isEmpty() && write.isEmpty() ? Optional.empty() : Optional.of(new UnitLimits(read, write));
    }

    /**
     * A customer or AWS managed key shows as KMS with the key's ARN (which of the two it is, KMS would have to say);
     * no SSEDescription, or a disabled one, is DynamoDB's default AWS owned key.
     */
    private static Encryption encryption(SSEDescription sse) {
        boolean kms = sse != null && "KMS".equals(sse.sseTypeAsString())
                && !"DISABLED".equals(sse.statusAsString()) && !"DISABLING".equals(sse.statusAsString());
        return kms ? new Encryption.Kms(Objects.requireNonNullElse(sse.kmsMasterKeyArn(), "")) : new Encryption.AwsOwned();
    }

    private static Projection projection(software.amazon.awssdk.services.dynamodb.model.Projection projection) {
        if (projection == null || projection.projectionTypeAsString() == null) {
            return Projection.ALL;
        }
        return new Projection(Projection.Type.valueOf(projection.projectionTypeAsString()), projection.nonKeyAttributes());
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
