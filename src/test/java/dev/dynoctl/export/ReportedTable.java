package dev.dynoctl.export;

import dev.dynoctl.table.Billing;
import dev.dynoctl.table.Encryption;
import dev.dynoctl.table.KeyAttribute;
import dev.dynoctl.table.Lookup;
import dev.dynoctl.table.Pitr;
import dev.dynoctl.table.Projection;
import dev.dynoctl.table.Setting;
import dev.dynoctl.table.SpecParser;
import dev.dynoctl.table.TableSpec;
import dev.dynoctl.table.TableState;
import dev.dynoctl.table.UnitLimits;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * A table as DynamoDB reports it (DescribeTable and the follow-up reads), built with the SDK's model builders from a
 * {@link TableSpec} in the form DynamoDB holds settings (encryption as AWS owned or a KMS key ARN, every toggle on or
 * off), less what the endpoint does not report: {@code gaps} are the settings it leaves out (a Describe* call it does not
 * serve or refuses; no TableClassSummary; no DeletionProtectionEnabled, as dynalite answers).
 */
record ReportedTable(TableSpec spec, Set<Setting> gaps, TableState state) {
    static final String ACCOUNT = "123456789012";

    static ReportedTable of(TableSpec spec, Set<Setting> gaps) {
        return new ReportedTable(spec, Set.copyOf(gaps), new TableState(description(spec, gaps),
                gaps.contains(Setting.TTL_ATTRIBUTE) ? Lookup.notAvailable("UnknownOperationException") : Lookup.found(ttl(spec)),
                gaps.contains(Setting.PITR) ? Lookup.notAvailable("HTTP 501") : Lookup.found(backups(spec.pitr().orElseThrow())),
                gaps.contains(Setting.TAG) ? Lookup.denied() : Lookup.found(spec.tags()),
                gaps.contains(Setting.CONTRIBUTOR_INSIGHTS) ? Lookup.notAvailable("HTTP 500")
                        : Lookup.found(spec.contributorInsights().orElseThrow() ? "ENABLED" : "DISABLED"),
                gaps.contains(Setting.RESOURCE_POLICY) ? Lookup.denied() : Lookup.found(spec.resourcePolicy().orElseThrow().value())));
    }

    /** The settings an endpoint may leave out, each independently. */
    static final Set<Setting> POSSIBLE_GAPS = EnumSet.of(Setting.TTL_ATTRIBUTE, Setting.PITR, Setting.TAG,
            Setting.CONTRIBUTOR_INSIGHTS, Setting.RESOURCE_POLICY, Setting.TABLE_CLASS, Setting.DELETION_PROTECTION);

    /** Which settings the model of this table lacks, as {@code ExistingTable} should say. */
    Set<Setting> unreported() {
        Set<Setting> unreported = EnumSet.noneOf(Setting.class);
        unreported.addAll(gaps);
        // Without DeletionProtectionEnabled an answer without a stream says nothing of the stream either.
        if (gaps.contains(Setting.DELETION_PROTECTION) && !spec.stream().orElseThrow().isOn()) {
            unreported.add(Setting.STREAM);
        }
        return unreported;
    }

    String arn() {
        return "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/" + spec.name();
    }

    private static TableDescription description(TableSpec spec, Set<Setting> gaps) {
        boolean provisioned = spec.billing() instanceof Billing.Provisioned;
        TableDescription.Builder table = TableDescription.builder()
                .tableName(spec.name())
                .tableArn("arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/" + spec.name())
                .tableStatus("ACTIVE")
                .itemCount(0L)
                .keySchema(keySchema(spec.partitionKey(), spec.sortKey()))
                .attributeDefinitions(spec.keyAttributes().stream().map(key -> AttributeDefinition.builder()
                        .attributeName(key.name()).attributeType(key.type().name()).build()).toList())
                .billingModeSummary(b -> b.billingMode(provisioned ? "PROVISIONED" : "PAY_PER_REQUEST"))
                .provisionedThroughput(spec.billing() instanceof Billing.Provisioned p ? throughput(p.readCapacity(), p.writeCapacity())
                        : throughput(0, 0))
                .onDemandThroughput(onDemand(spec.onDemandMax()))
                .warmThroughput(w -> w.readUnitsPerSecond(spec.warmThroughput().orElseThrow().read().orElseThrow())
                        .writeUnitsPerSecond(spec.warmThroughput().orElseThrow().write().orElseThrow()).status("ACTIVE"))
                .globalSecondaryIndexes(spec.globalIndexes().stream().map(index -> GlobalSecondaryIndexDescription.builder()
                        .indexName(index.name()).indexStatus("ACTIVE")
                        .keySchema(keySchema(index.partitionKey(), index.sortKey()))
                        .projection(projection(index.projection()))
                        .provisionedThroughput(index.capacity().map(c -> throughput(c.read(), c.write())).orElse(throughput(0, 0)))
                        .onDemandThroughput(onDemand(index.onDemandMax()))
                        .build()).toList())
                .localSecondaryIndexes(spec.localIndexes().stream().map(index -> LocalSecondaryIndexDescription.builder()
                        .indexName(index.name())
                        .keySchema(keySchema(spec.partitionKey(), Optional.of(index.sortKey())))
                        .projection(projection(index.projection()))
                        .build()).toList());
        spec.stream().orElseThrow().value().ifPresent(view -> table.streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(view.name())).latestStreamArn("arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/" + spec.name()
                + "/stream/2026-12-01T00:00:00.000"));
        if (spec.encryption().orElseThrow() instanceof Encryption.Kms kms) {
            table.sseDescription(s -> s.status("ENABLED").sseType("KMS").kmsMasterKeyArn(kms.key()));
        }
        if (!gaps.contains(Setting.TABLE_CLASS)) {
            table.tableClassSummary(c -> c.tableClass(spec.tableClass().orElseThrow().name()));
        }
        if (!gaps.contains(Setting.DELETION_PROTECTION)) {
            table.deletionProtectionEnabled(spec.deletionProtection().orElseThrow());
        }
        return table.build();
    }

    /** DynamoDB answers -1 for a figure without a maximum. */
    private static OnDemandThroughput onDemand(Optional<UnitLimits> max) {
        return OnDemandThroughput.builder().maxReadRequestUnits(max.flatMap(UnitLimits::read).orElse(-1L))
                .maxWriteRequestUnits(max.flatMap(UnitLimits::write).orElse(-1L)).build();
    }

    private static ProvisionedThroughputDescription throughput(long read, long write) {
        return ProvisionedThroughputDescription.builder().readCapacityUnits(read).writeCapacityUnits(write)
                .numberOfDecreasesToday(0L).build();
    }

    private static List<KeySchemaElement> keySchema(KeyAttribute partitionKey, Optional<KeyAttribute> sortKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(partitionKey.name()).keyType(KeyType.HASH).build());
        sortKey.ifPresent(key -> keys.add(KeySchemaElement.builder().attributeName(key.name()).keyType(KeyType.RANGE).build()));
        return keys;
    }

    private static software.amazon.awssdk.services.dynamodb.model.Projection projection(Projection projection) {
        var builder = software.amazon.awssdk.services.dynamodb.model.Projection.builder().projectionType(projection.type().name());
        if (projection.type() == Projection.Type.INCLUDE) {
            builder.nonKeyAttributes(projection.nonKeyAttributes());
        }
        return builder.build();
    }

    private static TimeToLiveDescription ttl(TableSpec spec) {
        return spec.ttl().orElseThrow().value()
                .map(attribute -> TimeToLiveDescription.builder().timeToLiveStatus("ENABLED").attributeName(attribute).build())
                .orElseGet(() -> TimeToLiveDescription.builder().timeToLiveStatus("DISABLED").build());
    }

    private static ContinuousBackupsDescription backups(Pitr pitr) {
        return ContinuousBackupsDescription.builder().continuousBackupsStatus("ENABLED")
                .pointInTimeRecoveryDescription(p -> p.pointInTimeRecoveryStatus(pitr.enabled() ? "ENABLED" : "DISABLED")
                        .recoveryPeriodInDays(pitr.recoveryPeriodDays().orElse(null)))
                .build();
    }

    /**
     * A table in DynamoDB's form from spec-file settings (pairs: key, value, ...) over DynamoDB's defaults, every setting
     * given: stream, TTL, PITR, resource policy and contributor insights off, the AWS owned key, standard class,
     * the warm throughput every table starts with.
     */
    static TableSpec table(String... pairs) {
        Map<String, List<String>> settings = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(List.of("stream", "off", "ttl-attribute", "off", "sse", "aws-owned", "table-class",
                "standard", "deletion-protection", "false", "pitr", "false", "warm-read-units", "12000", "warm-write-units", "4000",
                "resource-policy", "off", "contributor-insights", "false"));
        all.addAll(List.of(pairs));
        for (int i = 0; i < all.size(); i += 2) {
            List<String> values = settings.computeIfAbsent(all.get(i), key -> new ArrayList<>());
            if (!Setting.byKey(all.get(i)).orElseThrow().repeatable()) {
                values.clear();
            }
            values.add(all.get(i + 1));
        }
        return SpecParser.parse(settings);
    }
}
