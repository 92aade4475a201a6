package dev.dynoctl.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * One call that changes an existing table in place. A plan's steps say what changes, setting by setting; several
 * steps can share one change ({@link UpdateSettings} makes one UpdateTable of them).
 */
public sealed interface Change {
    void apply(DynamoDbTables tables, String table, String tableArn);

    /** UpdateTable changes need the table (and indexes) ACTIVE again before the next one. */
    default boolean updatesTable() {
        return false;
    }

    /**
     * The settings DynamoDB changes together in one UpdateTable: billing and capacity (of the table and its indexes),
     * stream, table class, deletion protection, on-demand maximum (table and indexes), warm throughput.
     */
    record UpdateSettings(Optional<Billing> billing, Map<String, Throughput> indexCapacity,
                          Map<String, UnitLimits> indexOnDemandMax, Optional<Toggle<StreamView>> stream,
                          Optional<TableClass> tableClass, Optional<Boolean> deletionProtection,
                          Optional<UnitLimits> onDemandMax, Optional<UnitLimits> warmThroughput) implements Change {
        public UpdateSettings {
            indexCapacity = new TreeMap<>(indexCapacity);
            indexOnDemandMax = new TreeMap<>(indexOnDemandMax);
        }

        /** DynamoDB changes a table class alone: "Table Class cannot be changed concurrently with other values". */
        static UpdateSettings tableClassAlone(TableClass tableClass) {
            return new UpdateSettings(Optional.empty(), Map.of(), Map.of(), Optional.empty(), Optional.of(tableClass),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** Warm throughput in a call of its own, as Terraform makes it (it settles on its own schedule). */
        static UpdateSettings warmThroughputAlone(UnitLimits warm) {
            return new UpdateSettings(Optional.empty(), Map.of(), Map.of(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of(warm));
        }

        @Override
        public void apply(DynamoDbTables tables, String table, String tableArn) {
            UpdateTableRequest.Builder request = UpdateTableRequest.builder().tableName(table);
            billing.ifPresent(b -> {
                if (b instanceof Billing.Provisioned p) {
                    request.billingMode(BillingMode.PROVISIONED)
                            .provisionedThroughput(Requests.throughput(new Throughput(p.readCapacity(), p.writeCapacity())));
                } else {
                    request.billingMode(BillingMode.PAY_PER_REQUEST);
                }
            });
            List<GlobalSecondaryIndexUpdate> indexUpdates = new ArrayList<>();
            TreeSet<String> indexes = new TreeSet<>(indexCapacity.keySet());
            indexes.addAll(indexOnDemandMax.keySet());
            for (String index : indexes) {
                indexUpdates.add(GlobalSecondaryIndexUpdate.builder().update(u -> u.indexName(index)
                        .provisionedThroughput(Optional.ofNullable(indexCapacity.get(index)).map(Requests::throughput).orElse(null))
                        .onDemandThroughput(Optional.ofNullable(indexOnDemandMax.get(index)).map(Requests::onDemand).orElse(null)))
                        .build());
            }
            if (!indexUpdates.isEmpty()) {
                request.globalSecondaryIndexUpdates(indexUpdates);
            }
            stream.ifPresent(s -> request.streamSpecification(spec -> {
                spec.streamEnabled(s.isOn());
                s.value().ifPresent(view -> spec.streamViewType(view.name()));
            }));
            tableClass.ifPresent(c -> request.tableClass(c.name()));
            deletionProtection.ifPresent(request::deletionProtectionEnabled);
            onDemandMax.ifPresent(max -> request.onDemandThroughput(Requests.onDemand(max)));
            warmThroughput.ifPresent(warm -> request.warmThroughput(w -> w.readUnitsPerSecond(warm.read().orElse(null))
                    .writeUnitsPerSecond(warm.write().orElse(null))));
            tables.update(request.build());
        }

        @Override
        public boolean updatesTable() {
            return true;
        }
    }

    /** A stream turned on again after it was turned off to change its view type: DynamoDB needs two calls. */
    record EnableStream(StreamView view) implements Change {
        @Override
        public void apply(DynamoDbTables tables, String table, String tableArn) {
            tables.update(UpdateTableRequest.builder().tableName(table)
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(view.name())).build());
        }

        @Override
        public boolean updatesTable() {
            return true;
        }
    }

    record DeleteIndex(String index) implements Change {
        @Override
        public void apply(DynamoDbTables tables, String table, String tableArn) {
            tables.update(UpdateTableRequest.builder().tableName(table)
                    .globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName(index))).build());
        }

        @Override
        public boolean updatesTable() {
            return true;
        }
    }

    record CreateIndex(GlobalIndex index, List<KeyAttribute> keyAttributes) implements Change {
        @Override
        public void apply(DynamoDbTables tables, String table, String tableArn) {
            tables.update(UpdateTableRequest.builder().tableName(table)
                    .attributeDefinitions(Requests.attributeDefinitions(keyAttributes))
                    .globalSecondaryIndexUpdates(u -> u.create(Requests.createIndex(index))).build());
        }

        @Override
        public boolean updatesTable() {
            return true;
        }
    }

    /** DynamoDB wants an encryption change alone in its UpdateTable. */
    record Encrypt(Encryption encryption) implements Change {
        @Override
        public void apply(DynamoDbTables tables, String table, String tableArn) {
            tables.update(UpdateTableRequest.builder().tableName(table).sseSpecification(Requests.sse(encryption)).build());
        }

        @Override
        public boolean updatesTable() {
            return true;
        }
    }

    /** @param attribute the attribute to enable TTL on, or (disabling) the one it is on now: DynamoDB needs it both ways */
    record TimeToLive(boolean enabled, String attribute) implements Change {
        @Override
        public void apply(DynamoDbTables tables, String table, String tableArn) {
            tables.updateTimeToLive(table, enabled, attribute);
        }
    }

    record PointInTimeRecovery(boolean enabled, Optional<Integer> recoveryPeriodDays) implements Change {
        @Override
        public void apply(DynamoDbTables tables, String table, String tableArn) {
            tables.updatePointInTimeRecovery(table, enabled, recoveryPeriodDays);
        }
    }

    record AddTags(Map<String, String> tags) implements Change {
        @Override
        public void apply(DynamoDbTables tables, String table, String tableArn) {
            tables.tag(tableArn, tags);
        }
    }

    record RemoveTags(List<String> keys) implements Change {
        @Override
        public void apply(DynamoDbTables tables, String table, String tableArn) {
            tables.untag(tableArn, keys);
        }
    }

    record ContributorInsights(boolean enabled) implements Change {
        @Override
        public void apply(DynamoDbTables tables, String table, String tableArn) {
            tables.updateContributorInsights(table, enabled);
        }
    }

    /** @param policy the document to put, or empty to delete the table's policy */
    record ResourcePolicy(Optional<String> policy) implements Change {
        @Override
        public void apply(DynamoDbTables tables, String table, String tableArn) {
            if (policy.isPresent()) {
                tables.putResourcePolicy(tableArn, policy.get());
            } else {
                tables.deleteResourcePolicy(tableArn);
            }
        }
    }
}
