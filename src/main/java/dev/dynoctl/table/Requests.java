package dev.dynoctl.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.WarmThroughput;

/** The AWS requests for a {@link TableSpec}: everything CreateTable takes, and the pieces UpdateTable reuses. */
final class Requests {
    private Requests() {
    }

    static CreateTableRequest createTable(TableSpec spec) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(spec.name())
                .keySchema(keySchema(spec.partitionKey(), spec.sortKey()))
                .attributeDefinitions(attributeDefinitions(spec.keyAttributes()));
        if (spec.billing() instanceof Billing.Provisioned p) {
            request.billingMode(BillingMode.PROVISIONED)
                    .provisionedThroughput(throughput(new Throughput(p.readCapacity(), p.writeCapacity())));
        } else {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        }
        if (!spec.globalIndexes().isEmpty()) {
            request.globalSecondaryIndexes(spec.globalIndexes().stream().map(Requests::globalIndex).toList());
        }
        if (!spec.localIndexes().isEmpty()) {
            request.localSecondaryIndexes(spec.localIndexes().stream().map(index -> LocalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(keySchema(spec.partitionKey(), Optional.of(index.sortKey())))
                    .projection(projection(index.projection()))
                    .build()).toList());
        }
        spec.stream().flatMap(Toggle::value)
                .ifPresent(view -> request.streamSpecification(s -> s.streamEnabled(true).streamViewType(view.name())));
        if (!spec.tags().isEmpty()) {
            request.tags(tags(spec.tags()));
        }
        spec.encryption().ifPresent(encryption -> request.sseSpecification(sse(encryption)));
        spec.tableClass().ifPresent(tableClass -> request.tableClass(tableClass.name()));
        spec.deletionProtection().ifPresent(request::deletionProtectionEnabled);
        spec.onDemandMax().ifPresent(max -> request.onDemandThroughput(onDemand(max)));
        spec.warmThroughput().ifPresent(warm -> request.warmThroughput(WarmThroughput.builder()
                .readUnitsPerSecond(warm.read().orElse(null)).writeUnitsPerSecond(warm.write().orElse(null)).build()));
        spec.resourcePolicy().flatMap(Toggle::value).ifPresent(request::resourcePolicy);
        return request.build();
    }

    static CreateGlobalSecondaryIndexAction createIndex(GlobalIndex index) {
        GlobalSecondaryIndex gsi = globalIndex(index);
        return CreateGlobalSecondaryIndexAction.builder()
                .indexName(gsi.indexName())
                .keySchema(gsi.keySchema())
                .projection(gsi.projection())
                .provisionedThroughput(gsi.provisionedThroughput())
                .onDemandThroughput(gsi.onDemandThroughput())
                .build();
    }

    static List<AttributeDefinition> attributeDefinitions(List<KeyAttribute> keys) {
        return keys.stream()
                .map(key -> AttributeDefinition.builder().attributeName(key.name()).attributeType(key.type().name()).build())
                .toList();
    }

    static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build()).toList();
    }

    private static GlobalSecondaryIndex globalIndex(GlobalIndex index) {
        return GlobalSecondaryIndex.builder()
                .indexName(index.name())
                .keySchema(keySchema(index.partitionKey(), index.sortKey()))
                .projection(projection(index.projection()))
                .provisionedThroughput(index.capacity().map(Requests::throughput).orElse(null))
                .onDemandThroughput(index.onDemandMax().map(Requests::onDemand).orElse(null))
                .build();
    }

    private static List<KeySchemaElement> keySchema(KeyAttribute partitionKey, Optional<KeyAttribute> sortKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(partitionKey.name()).keyType(KeyType.HASH).build());
        sortKey.ifPresent(sk -> keys.add(KeySchemaElement.builder().attributeName(sk.name()).keyType(KeyType.RANGE).build()));
        return keys;
    }

    private static software.amazon.awssdk.services.dynamodb.model.Projection projection(Projection projection) {
        var builder = software.amazon.awssdk.services.dynamodb.model.Projection.builder()
                .projectionType(ProjectionType.fromValue(projection.type().name()));
        if (projection.type() == Projection.Type.INCLUDE) {
            builder.nonKeyAttributes(projection.nonKeyAttributes());
        }
        return builder.build();
    }

    static ProvisionedThroughput throughput(Throughput throughput) {
        return ProvisionedThroughput.builder().readCapacityUnits(throughput.read()).writeCapacityUnits(throughput.write()).build();
    }

    static OnDemandThroughput onDemand(UnitLimits max) {
        return OnDemandThroughput.builder()
                .maxReadRequestUnits(max.read().orElse(null)).maxWriteRequestUnits(max.write().orElse(null)).build();
    }

    static SSESpecification sse(Encryption encryption) {
        if (encryption instanceof Encryption.Kms kms) {
            return SSESpecification.builder().enabled(true).sseType(SSEType.KMS).kmsMasterKeyId(kms.key()).build();
        }
        return encryption instanceof Encryption.AwsManaged
                ? SSESpecification.builder().enabled(true).sseType(SSEType.KMS).build()
                : SSESpecification.builder().enabled(false).build();
    }
}
