package dev.dynoctl.table;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * A table as DynamoDB holds it: DescribeTable plus the settings other calls report (TTL, backups, tags,
 * contributor insights, resource policy), each read only when needed.
 */
public record TableState(TableDescription table, Lookup<TimeToLiveDescription> timeToLive,
                         Lookup<ContinuousBackupsDescription> continuousBackups, Lookup<Map<String, String>> tags,
                         Lookup<String> contributorInsights, Lookup<Optional<String>> resourcePolicy) {

    /** Which follow-up settings to read. */
    public record Aspects(boolean timeToLive, boolean continuousBackups, boolean tags, boolean contributorInsights,
                          boolean resourcePolicy) {
        public static final Aspects NONE = new Aspects(false, false, false, false, false);

        /** What describe-table shows (not the resource policy: reading it needs a permission few roles have). */
        public static final Aspects DESCRIBE = new Aspects(true, true, true, true, false);

        /** What export-table writes: every setting, the resource policy too (an export that lacks one shows no drift in it). */
        public static final Aspects EXPORT = new Aspects(true, true, true, true, true);

        /** Every aspect either reads. */
        public Aspects or(Aspects other) {
            return new Aspects(timeToLive || other.timeToLive, continuousBackups || other.continuousBackups, tags || other.tags,
                    contributorInsights || other.contributorInsights, resourcePolicy || other.resourcePolicy);
        }

        /** What a declaration needs compared; {@code followUpsOnly} for a table we have just created. */
        static Aspects declaredIn(TableSpec spec, boolean followUpsOnly, PlanOptions options) {
            return new Aspects(spec.ttl().isPresent(), spec.pitr().isPresent(),
                    !followUpsOnly && (!spec.tags().isEmpty() || options.pruneTags()), spec.contributorInsights().isPresent(),
                    !followUpsOnly && spec.resourcePolicy().isPresent());
        }
    }

    public static TableState read(DynamoDbTables tables, TableDescription table, Aspects aspects) {
        return new TableState(table,
                aspects.timeToLive() ? tables.describeTimeToLive(table.tableName()) : Lookup.notRead(),
                aspects.continuousBackups() ? tables.describeContinuousBackups(table.tableName()) : Lookup.notRead(),
                aspects.tags() ? tables.listTags(table.tableArn()) : Lookup.notRead(),
                aspects.contributorInsights() ? tables.contributorInsightsStatus(table.tableName()) : Lookup.notRead(),
                aspects.resourcePolicy() ? tables.resourcePolicy(table.tableArn()) : Lookup.notRead());
    }
}
