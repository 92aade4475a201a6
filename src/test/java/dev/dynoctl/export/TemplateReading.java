package dev.dynoctl.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynoctl.table.AttributeType;
import dev.dynoctl.table.Billing;
import dev.dynoctl.table.Encryption;
import dev.dynoctl.table.GlobalIndex;
import dev.dynoctl.table.KeyAttribute;
import dev.dynoctl.table.LocalIndex;
import dev.dynoctl.table.Pitr;
import dev.dynoctl.table.Projection;
import dev.dynoctl.table.StreamView;
import dev.dynoctl.table.TableClass;
import dev.dynoctl.table.TableSpec;
import dev.dynoctl.table.Throughput;
import dev.dynoctl.table.Toggle;
import dev.dynoctl.table.UnitLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * For the round-trip test only: the Properties of an exported AWS::DynamoDB::Table read back into a {@link TableSpec},
 * the inverse of {@link CloudFormationTable} written independently of it, so that the test checks what the template
 * says, not how it was made. A stream or resource policy left out reads as off, as CloudFormation means it.
 */
final class TemplateReading {
    private TemplateReading() {
    }

    static TableSpec table(JsonNode properties) {
        Map<String, AttributeType> types = new HashMap<>();
        properties.path("AttributeDefinitions").forEach(definition -> types.put(definition.path("AttributeName").asText(),
                AttributeType.valueOf(definition.path("AttributeType").asText())));
        List<KeyAttribute> keys = keys(properties.path("KeySchema"), types);
        boolean provisioned = properties.path("BillingMode").asText().equals("PROVISIONED");
        Billing billing = provisioned ? new Billing.Provisioned(properties.path("ProvisionedThroughput").path("ReadCapacityUnits").asLong(),
                properties.path("ProvisionedThroughput").path("WriteCapacityUnits").asLong()) : new Billing.OnDemand();
        List<GlobalIndex> globalIndexes = new ArrayList<>();
        properties.path("GlobalSecondaryIndexes").forEach(index -> {
            List<KeyAttribute> indexKeys = keys(index.path("KeySchema"), types);
            globalIndexes.add(new GlobalIndex(index.path("IndexName").asText(), indexKeys.get(0),
                    indexKeys.stream().skip(1).findFirst(), projection(index.path("Projection")),
                    index.has("ProvisionedThroughput") ? Optional.of(new Throughput(index.path("ProvisionedThroughput")
                            .path("ReadCapacityUnits").asLong(), index.path("ProvisionedThroughput").path("WriteCapacityUnits").asLong()))
                            : Optional.empty(),
                    units(index.path("OnDemandThroughput"), "MaxReadRequestUnits", "MaxWriteRequestUnits")));
        });
        List<LocalIndex> localIndexes = new ArrayList<>();
        properties.path("LocalSecondaryIndexes").forEach(index -> localIndexes.add(new LocalIndex(index.path("IndexName").asText(),
                keys(index.path("KeySchema"), types).get(1), projection(index.path("Projection")))));
        JsonNode ttl = properties.path("TimeToLiveSpecification");
        JsonNode pitr = properties.path("PointInTimeRecoverySpecification");
        JsonNode sse = properties.path("SSESpecification");
        Map<String, String> tags = new LinkedHashMap<>();
        properties.path("Tags").forEach(tag -> tags.put(tag.path("Key").asText(), tag.path("Value").asText()));
        return new TableSpec(properties.path("TableName").asText(), keys.get(0), keys.stream().skip(1).findFirst(), billing,
                globalIndexes, localIndexes,
                Optional.of(properties.has("StreamSpecification")
                        ? Toggle.on(StreamView.valueOf(properties.path("StreamSpecification").path("StreamViewType").asText()))
                        : Toggle.off()),
                ttl.isMissingNode() ? Optional.empty() : Optional.of(ttl.path("Enabled").asBoolean()
                        ? Toggle.on(ttl.path("AttributeName").asText()) : Toggle.off()),
                tags,
                sse.isMissingNode() ? Optional.empty() : Optional.of(!sse.path("SSEEnabled").asBoolean() ? new Encryption.AwsOwned()
                        : sse.has("KMSMasterKeyId") ? new Encryption.Kms(sse.path("KMSMasterKeyId").asText()) : new Encryption.AwsManaged()),
                properties.has("TableClass") ? Optional.of(TableClass.valueOf(properties.path("TableClass").asText())) : Optional.empty(),
                properties.has("DeletionProtectionEnabled") ? Optional.of(properties.path("DeletionProtectionEnabled").asBoolean())
                        : Optional.empty(),
                pitr.isMissingNode() ? Optional.empty() : Optional.of(new Pitr(pitr.path("PointInTimeRecoveryEnabled").asBoolean(),
                        pitr.has("RecoveryPeriodInDays") ? Optional.of(pitr.path("RecoveryPeriodInDays").asInt()) : Optional.empty())),
                units(properties.path("OnDemandThroughput"), "MaxReadRequestUnits", "MaxWriteRequestUnits"),
                units(properties.path("WarmThroughput"), "ReadUnitsPerSecond", "WriteUnitsPerSecond"),
                Optional.of(properties.has("ResourcePolicy") ? Toggle.on(properties.path("ResourcePolicy").path("PolicyDocument").toString())
                        : Toggle.off()),
                properties.has("ContributorInsightsSpecification")
                        ? Optional.of(properties.path("ContributorInsightsSpecification").path("Enabled").asBoolean()) : Optional.empty());
    }

    private static List<KeyAttribute> keys(JsonNode keySchema, Map<String, AttributeType> types) {
        List<KeyAttribute> keys = new ArrayList<>();
        for (String role : List.of("HASH", "RANGE")) {
            keySchema.forEach(key -> {
                if (key.path("KeyType").asText().equals(role)) {
                    keys.add(new KeyAttribute(key.path("AttributeName").asText(), types.get(key.path("AttributeName").asText())));
                }
            });
        }
        return keys;
    }

    private static Projection projection(JsonNode projection) {
        List<String> attributes = new ArrayList<>();
        projection.path("NonKeyAttributes").forEach(attribute -> attributes.add(attribute.asText()));
        return new Projection(Projection.Type.valueOf(projection.path("ProjectionType").asText()), attributes);
    }

    private static Optional<UnitLimits> units(JsonNode units, String read, String write) {
        if (units.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(new UnitLimits(units.has(read) ? Optional.of(units.path(read).asLong()) : Optional.empty(),
                units.has(write) ? Optional.of(units.path(write).asLong()) : Optional.empty()));
    }
}
