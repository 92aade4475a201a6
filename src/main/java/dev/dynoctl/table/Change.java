package dev.dynoctl.table;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/** A setting that can be changed in place on an existing table, and how. */
public sealed interface Change {
    /** The setting, for the user: "applied: TTL on attribute expires_at". */
    String description();

    void apply(DynamoDbTables tables, String table, String tableArn);

    /** UpdateTable changes need the table (and indexes) ACTIVE again before the next one. */
    default boolean updatesTable() {
        return false;
    }

    record DeletionProtection(boolean enabled) implements Change {
        @Override
        public String description() {
            return "deletion protection " + (enabled ? "on" : "off");
        }

        @Override
        public void apply(DynamoDbTables tables, String table, String tableArn) {
            tables.update(UpdateTableRequest.builder().tableName(table).deletionProtectionEnabled(enabled).build());
        }

        @Override
        public boolean updatesTable() {
            return true;
        }
    }

    record EnableStream(StreamView view) implements Change {
        @Override
        public String description() {
            return "stream " + view;
        }

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

    record CreateIndex(GlobalIndex index, List<KeyAttribute> keyAttributes) implements Change {
        @Override
        public String description() {
            return "global secondary index " + index.name();
        }

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

    record EnableTimeToLive(String attribute) implements Change {
        @Override
        public String description() {
            return "TTL on attribute " + attribute;
        }

        @Override
        public void apply(DynamoDbTables tables, String table, String tableArn) {
            tables.enableTimeToLive(table, attribute);
        }
    }

    record PointInTimeRecovery(boolean enabled, Optional<Integer> recoveryPeriodDays) implements Change {
        @Override
        public String description() {
            return "point-in-time recovery " + new Pitr(enabled, recoveryPeriodDays);
        }

        @Override
        public void apply(DynamoDbTables tables, String table, String tableArn) {
            tables.updatePointInTimeRecovery(table, enabled, recoveryPeriodDays);
        }
    }

    record AddTags(Map<String, String> tags) implements Change {
        @Override
        public String description() {
            return "tags " + String.join(", ", tags.entrySet().stream().map(t -> t.getKey() + "=" + t.getValue()).toList());
        }

        @Override
        public void apply(DynamoDbTables tables, String table, String tableArn) {
            tables.tag(tableArn, tags);
        }
    }

    record ContributorInsights(boolean enabled) implements Change {
        @Override
        public String description() {
            return "contributor insights " + (enabled ? "on" : "off");
        }

        @Override
        public void apply(DynamoDbTables tables, String table, String tableArn) {
            tables.updateContributorInsights(table, enabled);
        }
    }
}
