package dev.dynoctl.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Compares a declaration with what DynamoDB holds, setting by setting. */
public final class SpecComparison {
    private SpecComparison() {
    }

    public static List<Difference> differences(TableSpec spec, TableDescription actual) {
        List<Difference> out = new ArrayList<>();
        compare(out, "partition key", Optional.of(spec.partitionKey()), key(actual, KeyType.HASH));
        compare(out, "sort key", spec.sortKey(), key(actual, KeyType.RANGE));
        Billing actualBilling = billing(actual);
        if (!spec.billing().equals(actualBilling)) {
            out.add(new Difference("billing mode", spec.billing().toString(), actualBilling.toString()));
        }
        return out;
    }

    /** The table's billing; tables without a BillingModeSummary and with capacity are provisioned. */
    public static Billing billing(TableDescription table) {
        ProvisionedThroughputDescription throughput = table.provisionedThroughput();
        long read = throughput == null || throughput.readCapacityUnits() == null ? 0 : throughput.readCapacityUnits();
        long write = throughput == null || throughput.writeCapacityUnits() == null ? 0 : throughput.writeCapacityUnits();
        boolean onDemand = table.billingModeSummary() != null
                ? table.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST
                : read == 0 && write == 0;
        return onDemand ? new Billing.OnDemand() : new Billing.Provisioned(Math.max(read, 1), Math.max(write, 1));
    }

    public static Optional<KeyAttribute> key(TableDescription table, KeyType role) {
        return table.keySchema().stream()
                .filter(k -> k.keyType() == role)
                .map(KeySchemaElement::attributeName)
                .findFirst()
                .map(name -> new KeyAttribute(name, typeOf(table, name)));
    }

    private static AttributeType typeOf(TableDescription table, String attribute) {
        return table.attributeDefinitions().stream()
                .filter(d -> d.attributeName().equals(attribute))
                .map(AttributeDefinition::attributeTypeAsString)
                .map(AttributeType::valueOf)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("DynamoDB described key " + attribute + " without a type"));
    }

    private static void compare(List<Difference> out, String setting, Optional<KeyAttribute> declared,
                                Optional<KeyAttribute> actual) {
        if (!declared.equals(actual)) {
            out.add(new Difference(setting, declared.map(KeyAttribute::toString).orElse("none"),
                    actual.map(KeyAttribute::toString).orElse("none")));
        }
    }
}
