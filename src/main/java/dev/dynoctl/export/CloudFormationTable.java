package dev.dynoctl.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynoctl.table.Billing;
import dev.dynoctl.table.Encryption;
import dev.dynoctl.table.GlobalIndex;
import dev.dynoctl.table.KeyAttribute;
import dev.dynoctl.table.LocalIndex;
import dev.dynoctl.table.Projection;
import dev.dynoctl.table.TableSpec;
import dev.dynoctl.table.Throughput;
import dev.dynoctl.table.Toggle;
import dev.dynoctl.table.UnitLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one mapping of dynoctl's table settings to the properties of an {@code AWS::DynamoDB::Table} resource, with
 * CloudFormation's property names: KeySchema and AttributeDefinitions, BillingMode, ProvisionedThroughput,
 * GlobalSecondaryIndexes, LocalSecondaryIndexes, StreamSpecification, TimeToLiveSpecification,
 * PointInTimeRecoverySpecification, SSESpecification, TableClass, DeletionProtectionEnabled, OnDemandThroughput,
 * WarmThroughput, ContributorInsightsSpecification, Tags, ResourcePolicy. The values are plain maps, lists, strings,
 * numbers and booleans, ready for any serialiser. A setting turned off is written where CloudFormation can say it
 * (TTL, PITR, contributor insights, encryption with DynamoDB's own key); a stream or resource policy that is off is
 * left out, which in CloudFormation means none.
 */
public final class CloudFormationTable {
    public static final String TYPE = "AWS::DynamoDB::Table";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudFormationTable() {
    }

    /** The resource's logical ID: the table name's letters and digits, each run after another character capitalised. */
    public static String logicalId(String tableName) {
        StringBuilder id = new StringBuilder();
        boolean capitalise = true;
        for (char c : tableName.toCharArray()) {
            boolean alphanumeric = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (alphanumeric) {
                id.append(capitalise ? Character.toUpperCase(c) : c);
            }
            capitalise = !alphanumeric;
        }
        // CloudFormation wants a letter first; "Table" also names a table called only "___".
        return id.length() == 0 || Character.isDigit(id.charAt(0)) ? "Table" + id : id.toString();
    }

    public static Map<String, Object> properties(TableSpec spec) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("TableName", spec.name());
        properties.put("KeySchema", keySchema(spec.partitionKey(), spec.sortKey()));
        properties.put("AttributeDefinitions", spec.keyAttributes().stream()
                .map(key -> fields("AttributeName", key.name(), "AttributeType", key.type().name())).toList());
        if (spec.billing() instanceof Billing.Provisioned capacity) {
            properties.put("BillingMode", "PROVISIONED");
            properties.put("ProvisionedThroughput", throughput(new Throughput(capacity.readCapacity(), capacity.writeCapacity())));
        } else {
            properties.put("BillingMode", "PAY_PER_REQUEST");
        }
        if (!spec.globalIndexes().isEmpty()) {
            properties.put("GlobalSecondaryIndexes", spec.globalIndexes().stream().map(CloudFormationTable::globalIndex).toList());
        }
        if (!spec.localIndexes().isEmpty()) {
            properties.put("LocalSecondaryIndexes", spec.localIndexes().stream()
                    .map(index -> localIndex(spec.partitionKey(), index)).toList());
        }
        spec.stream().flatMap(Toggle::value)
                .ifPresent(view -> properties.put("StreamSpecification", fields("StreamViewType", view.name())));
        spec.ttl().ifPresent(ttl -> properties.put("TimeToLiveSpecification", ttl.value()
                .map(attribute -> fields("AttributeName", attribute, "Enabled", true)).orElseGet(() -> fields("Enabled", false))));
        spec.pitr().ifPresent(pitr -> {
            Map<String, Object> recovery = fields("PointInTimeRecoveryEnabled", pitr.enabled());
            pitr.recoveryPeriodDays().ifPresent(days -> recovery.put("RecoveryPeriodInDays", days));
            properties.put("PointInTimeRecoverySpecification", recovery);
        });
        spec.encryption().ifPresent(sse -> properties.put("SSESpecification", encryption(sse)));
        spec.tableClass().ifPresent(tableClass -> properties.put("TableClass", tableClass.name()));
        spec.deletionProtection().ifPresent(on -> properties.put("DeletionProtectionEnabled", on));
        spec.onDemandMax().ifPresent(max -> properties.put("OnDemandThroughput", onDemand(max)));
        spec.warmThroughput().ifPresent(warm -> properties.put("WarmThroughput",
                units(warm, "ReadUnitsPerSecond", "WriteUnitsPerSecond")));
        spec.contributorInsights().ifPresent(on -> properties.put("ContributorInsightsSpecification", fields("Enabled", on)));
        if (!spec.tags().isEmpty()) {
            properties.put("Tags", spec.tags().entrySet().stream()
                    .map(tag -> fields("Key", tag.getKey(), "Value", tag.getValue())).toList());
        }
        spec.resourcePolicy().flatMap(Toggle::value)
                .ifPresent(policy -> properties.put("ResourcePolicy", fields("PolicyDocument", document(policy))));
        return properties;
    }

    private static Map<String, Object> globalIndex(GlobalIndex index) {
        Map<String, Object> fields = fields("IndexName", index.name(), "KeySchema", keySchema(index.partitionKey(), index.sortKey()),
                "Projection", projection(index.projection()));
        index.capacity().ifPresent(capacity -> fields.put("ProvisionedThroughput", throughput(capacity)));
        index.onDemandMax().ifPresent(max -> fields.put("OnDemandThroughput", onDemand(max)));
        return fields;
    }

    private static Map<String, Object> localIndex(KeyAttribute partitionKey, LocalIndex index) {
        return fields("IndexName", index.name(), "KeySchema", keySchema(partitionKey, Optional.of(index.sortKey())),
                "Projection", projection(index.projection()));
    }

    private static List<Map<String, Object>> keySchema(KeyAttribute partitionKey, Optional<KeyAttribute> sortKey) {
        List<Map<String, Object>> keys = new ArrayList<>();
        keys.add(fields("AttributeName", partitionKey.name(), "KeyType", "HASH"));
        sortKey.ifPresent(key -> keys.add(fields("AttributeName", key.name(), "KeyType", "RANGE")));
        return keys;
    }

    private static Map<String, Object> projection(Projection projection) {
        Map<String, Object> fields = fields("ProjectionType", projection.type().name());
        if (projection.type() == Projection.Type.INCLUDE) {
            fields.put("NonKeyAttributes", projection.nonKeyAttributes());
        }
        return fields;
    }

    private static Map<String, Object> throughput(Throughput throughput) {
        return fields("ReadCapacityUnits", throughput.read(), "WriteCapacityUnits", throughput.write());
    }

    private static Map<String, Object> onDemand(UnitLimits max) {
        return units(max, "MaxReadRequestUnits", "MaxWriteRequestUnits");
    }

    private static Map<String, Object> units(UnitLimits units, String read, String write) {
        Map<String, Object> fields = new LinkedHashMap<>();
        units.read().ifPresent(figure -> fields.put(read, figure));
        units.write().ifPresent(figure -> fields.put(write, figure));
        return fields;
    }

    private static Map<String, Object> encryption(Encryption sse) {
        if (sse instanceof Encryption.Kms kms) {
            return fields("SSEEnabled", true, "SSEType", "KMS", "KMSMasterKeyId", kms.key());
        }
        return sse instanceof Encryption.AwsManaged ? fields("SSEEnabled", true, "SSEType", "KMS") : fields("SSEEnabled", false);
    }

    /** The policy as a JSON object in the template (CloudFormation's PolicyDocument is JSON), its fields in their order. */
    private static Object document(String policy) {
        try {
            return JSON.readValue(policy, Object.class);
        } catch (JsonProcessingException e) {
            // DynamoDB holds only valid JSON policies; should one not parse, the template still carries it, as text.
            return policy;
        }
    }

    /** A map of name, value pairs, in their order. */
    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return fields;
    }
}
