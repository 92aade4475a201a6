package dev.dynoctl.table;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code AWS::DynamoDB::GlobalTable} with its one replica in the command's region — what CDK's TableV2 synthesizes
 * for an ordinary table — read as the {@code AWS::DynamoDB::Table} it is: the table's properties, and the replica's
 * (tags, PITR, class, protection, insights, policy, its KMS key and read maximum) merged in. Replicas elsewhere,
 * provisioned global tables (their capacity is auto scaled) and witnesses are refused.
 */
final class TemplateGlobalTable {
    static final String TYPE = "AWS::DynamoDB::GlobalTable";
    private static final Set<String> TABLE_PROPERTIES = Set.of("TableName", "AttributeDefinitions", "KeySchema", "BillingMode",
            "GlobalSecondaryIndexes", "LocalSecondaryIndexes", "StreamSpecification", "TimeToLiveSpecification", "WarmThroughput");
    private static final Set<String> REPLICA_PROPERTIES = Set.of("ContributorInsightsSpecification", "DeletionProtectionEnabled",
            "PointInTimeRecoverySpecification", "ResourcePolicy", "TableClass", "Tags", "KinesisStreamSpecification");

    private TemplateGlobalTable() {
    }

    /** The resource as a table, or empty after adding the problem that says why it cannot be one. */
    static Optional<TemplateNode.Fields> asTable(Path file, String id, TemplateNode.Fields resource, int line,
                                                 TemplateContext context, List<SpecProblem> problems) {
        String at = "Resources." + id + ".Properties";
        if (!(resource.get("Properties") instanceof TemplateNode.Fields properties)) {
            return refuse(problems, file, line, at, "required: a mapping");
        }
        if (!(properties.get("Replicas") instanceof TemplateNode.Items replicas) || replicas.items().size() != 1
                || !(replicas.items().get(0) instanceof TemplateNode.Fields replica)) {
            return refuse(problems, file, properties.lineOf("Replicas"), at + ".Replicas", "AWS::DynamoDB::GlobalTable is read "
                    + "only with one replica, in this region (dynoctl cannot apply replicas in other regions)");
        }
        if (!inThisRegion(replica.get("Region"), context)) {
            return refuse(problems, file, replica.lineOf("Region"), at + ".Replicas[0].Region", "the one replica must be in this "
                    + "region (" + context.region().get().name() + ", or !Ref AWS::Region)");
        }
        TemplateNode billing = properties.get("BillingMode");
        if (!(billing instanceof TemplateNode.Text mode && "PAY_PER_REQUEST".equals(mode.value()))) {
            return refuse(problems, file, billing == null ? properties.line() : properties.lineOf("BillingMode"), at + ".BillingMode",
                    "a provisioned AWS::DynamoDB::GlobalTable is not supported (its capacity is auto scaled); PAY_PER_REQUEST is");
        }
        Map<String, TemplateNode> table = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (Map.Entry<String, TemplateNode> property : properties.fields().entrySet()) {
            String name = property.getKey();
            if (TABLE_PROPERTIES.contains(name)) {
                put(table, lines, name, property.getValue(), properties.lineOf(name));
            } else if (!name.equals("Replicas") && !name.equals("SSESpecification") && !name.equals("WriteOnDemandThroughputSettings")) {
                return refuse(problems, file, properties.lineOf(name), at + "." + name, "not supported for dynoctl's one-region "
                        + "reading of AWS::DynamoDB::GlobalTable");
            }
        }
        for (Map.Entry<String, TemplateNode> property : replica.fields().entrySet()) {
            String name = property.getKey();
            if (REPLICA_PROPERTIES.contains(name)) {
                put(table, lines, name, property.getValue(), replica.lineOf(name));
            } else if (!name.equals("Region") && !name.equals("SSESpecification") && !name.equals("ReadOnDemandThroughputSettings")) {
                return refuse(problems, file, replica.lineOf(name), at + ".Replicas[0]." + name, "not supported for dynoctl's "
                        + "one-region reading of AWS::DynamoDB::GlobalTable");
            }
        }
        // Encryption: the type on the table, the key on the replica. On-demand maximum: writes on the table, reads on it.
        merged(table, lines, "SSESpecification", properties.get("SSESpecification"), replica.get("SSESpecification"), line);
        merged(table, lines, "OnDemandThroughput", properties.get("WriteOnDemandThroughputSettings"),
                replica.get("ReadOnDemandThroughputSettings"), line);
        Map<String, TemplateNode> converted = new LinkedHashMap<>(resource.fields());
        converted.put("Type", new TemplateNode.Text(TemplateTable.TABLE, resource.lineOf("Type")));
        converted.put("Properties", new TemplateNode.Fields(table, lines, properties.line()));
        return Optional.of(new TemplateNode.Fields(converted, resource.lines(), resource.line()));
    }

    private static boolean inThisRegion(TemplateNode region, TemplateContext context) {
        if (region instanceof TemplateNode.Text text) {
            return context.region().get().name().equals(text.value());
        }
        return region instanceof TemplateNode.Fields ref && ref.fields().size() == 1
                && ref.get("Ref") instanceof TemplateNode.Text name && "AWS::Region".equals(name.value());
    }

    private static void put(Map<String, TemplateNode> table, Map<String, Integer> lines, String name, TemplateNode value, int line) {
        table.put(name, value);
        lines.put(name, line);
    }

    /** Two mappings' fields as one property (either may be absent). */
    private static void merged(Map<String, TemplateNode> table, Map<String, Integer> lines, String name, TemplateNode first,
                               TemplateNode second, int line) {
        Map<String, TemplateNode> fields = new LinkedHashMap<>();
        Map<String, Integer> fieldLines = new LinkedHashMap<>();
        for (TemplateNode part : new TemplateNode[] {first, second}) {
            if (part instanceof TemplateNode.Fields mapping) {
                fields.putAll(mapping.fields());
                fieldLines.putAll(mapping.lines());
            }
        }
        if (!fields.isEmpty()) {
            put(table, lines, name, new TemplateNode.Fields(fields, fieldLines, first != null ? first.line() : second.line()), line);
        }
    }

    private static Optional<TemplateNode.Fields> refuse(List<SpecProblem> problems, Path file, int line, String path, String why) {
        problems.add(new SpecProblem(new Origin(file, line, 0), path, why));
        return Optional.empty();
    }
}
