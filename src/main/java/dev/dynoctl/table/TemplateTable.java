package dev.dynoctl.table;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One AWS::DynamoDB::Table or AWS::Serverless::SimpleTable of a template, as the settings of a spec file: its properties
 * evaluated, then each mapped to the setting that declares the same (KeySchema with AttributeDefinitions to pk and sk,
 * GlobalSecondaryIndexes to gsi, ...), with the property's line and path, so {@link SpecParser} checks it like any
 * declaration and its problems name the property. A property left out is CloudFormation's default, as a table made
 * from the template has it: no stream, TTL and PITR off, an AWS owned key, standard class, no deletion protection or
 * contributor insights, no resource policy; BillingMode defaults to PROVISIONED (a SimpleTable's to on-demand). A
 * property --ignore-unsupported left undeclared (it holds what only a deployment knows) is no default: nothing.
 */
final class TemplateTable {
    static final String TABLE = "AWS::DynamoDB::Table";
    static final String SIMPLE_TABLE = "AWS::Serverless::SimpleTable";

    private static final Set<String> TABLE_PROPERTIES = Set.of("TableName", "KeySchema", "AttributeDefinitions", "BillingMode",
            "ProvisionedThroughput", "GlobalSecondaryIndexes", "LocalSecondaryIndexes", "StreamSpecification",
            "TimeToLiveSpecification", "PointInTimeRecoverySpecification", "SSESpecification", "TableClass",
            "DeletionProtectionEnabled", "OnDemandThroughput", "WarmThroughput", "ContributorInsightsSpecification", "Tags",
            "ResourcePolicy");
    private static final Set<String> SIMPLE_TABLE_PROPERTIES = Set.of("TableName", "PrimaryKey", "ProvisionedThroughput",
            "SSESpecification", "PointInTimeRecoverySpecification", "Tags");
    /**
     * Properties --ignore-unsupported may leave undeclared when they hold a value only a deployment knows (a KMS key
     * that is another resource's ARN, a policy naming a role's): their settings are then neither compared nor changed.
     * Not the keys, indexes, billing and capacity a table cannot be read without, nor Tags: with --prune-tags, tags left
     * undeclared would all be removed.
     */
    private static final Set<String> UNDECLARABLE = Set.of("StreamSpecification", "TimeToLiveSpecification",
            "PointInTimeRecoverySpecification", "SSESpecification", "TableClass", "DeletionProtectionEnabled",
            "OnDemandThroughput", "WarmThroughput", "ContributorInsightsSpecification", "ResourcePolicy");
    /** Properties that declare what dynoctl cannot apply, and why. */
    private static final Map<String, String> UNSUPPORTED = Map.of(
            "KinesisStreamSpecification", "a Kinesis Data Streams destination",
            "ImportSourceSpecification", "importing the table's items from S3");
    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final String id;
    private final String type;
    private final String base;
    private final TemplateContext context;
    private final List<SpecProblem> problems;
    private final List<SpecProblem> warnings;
    private final Map<String, List<String>> settings = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    /** AttributeDefinitions by name, and the ones a key schema used. */
    private final Map<String, String> attributeTypes = new LinkedHashMap<>();
    private final Set<String> usedAttributes = new LinkedHashSet<>();
    /** Properties left undeclared by --ignore-unsupported (see {@link #UNDECLARABLE}). */
    private final Set<String> undeclared = new HashSet<>();
    private final int line;
    private TemplateNode.Fields properties;

    private TemplateTable(Path file, String id, String type, int line, TemplateContext context, List<SpecProblem> problems,
                          List<SpecProblem> warnings) {
        this.file = file;
        this.id = id;
        this.type = type;
        this.line = line;
        this.base = "Resources." + id + ".Properties";
        this.context = context;
        this.problems = problems;
        this.warnings = warnings;
    }

    /**
     * The table's declaration, or empty when it has problems (added to {@code problems}).
     * @param globals SAM's Globals for SimpleTable: properties a SimpleTable without them takes
     */
    static Optional<SpecFile.Document> read(Path file, String id, String type, TemplateNode.Fields resource, int line,
                                            TemplateNode.Fields globals, Intrinsics intrinsics, TemplateContext context,
                                            List<SpecProblem> problems, List<SpecProblem> warnings) {
        TemplateTable table = new TemplateTable(file, id, type, line, context, problems, warnings);
        int before = problems.size();
        // A property that could not be evaluated would only be reported again as missing: then nothing is mapped.
        if (table.evaluate(resource, globals, intrinsics)) {
            table.attempt(type.equals(TABLE) ? table::table : table::simpleTable);
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new SpecFile.Document(new Origin(file, line, 0, id), table.settings, table.lines, table.labels));
    }

    /**
     * Evaluates each property on its own, so that each bad one is a problem; unsupported ones are not evaluated.
     * @return whether every property could be evaluated
     */
    private boolean evaluate(TemplateNode.Fields resource, TemplateNode.Fields globals, Intrinsics intrinsics) {
        Map<String, TemplateNode> values = new LinkedHashMap<>();
        Map<String, Integer> valueLines = new HashMap<>();
        properties = new TemplateNode.Fields(values, valueLines, line);
        TemplateNode given = resource.get("Properties");
        TemplateNode.Fields raw;
        try {
            // Properties may itself be a function (Fn::If); otherwise each property is evaluated alone below.
            raw = given == null ? new TemplateNode.Fields(Map.of(), Map.of(), line)
                    : given instanceof TemplateNode.Fields plain && plain.function() == null ? plain
                    : fields(intrinsics.value(given, base), base);
        } catch (TemplateProblem problem) {
            problems.add(problem.in(file));
            return false;
        }
        Map<String, TemplateNode> all = new LinkedHashMap<>(globals.fields());
        all.putAll(raw.fields());
        Set<String> known = type.equals(TABLE) ? TABLE_PROPERTIES : SIMPLE_TABLE_PROPERTIES;
        boolean evaluated = true;
        for (Map.Entry<String, TemplateNode> property : all.entrySet()) {
            String name = property.getKey();
            int at = raw.fields().containsKey(name) ? raw.lineOf(name) : globals.lineOf(name);
            String path = base + "." + name;
            if (type.equals(TABLE) && UNSUPPORTED.containsKey(name)) {
                unsupported(at, path, UNSUPPORTED.get(name));
            } else if (!known.contains(name)) {
                problems.add(new SpecProblem(new Origin(file, at, 0), path, "unknown property of " + type + " (known: "
                        + String.join(", ", new java.util.TreeSet<>(known)) + ")"));
            } else {
                try {
                    TemplateNode value = intrinsics.value(property.getValue(), path);
                    if (value != null) {
                        values.put(name, value);
                        valueLines.put(name, at);
                    }
                } catch (TemplateProblem problem) {
                    if (problem.deployTime() && context.ignoreUnsupported() && UNDECLARABLE.contains(name)) {
                        undeclared.add(name);
                        SpecProblem left = problem.in(file);
                        warnings.add(new SpecProblem(left.origin(), left.setting(), left.message() + "; " + name
                                + " left undeclared: plan neither compares nor changes it (--ignore-unsupported)"));
                    } else {
                        SpecProblem refused = problem.in(file);
                        problems.add(problem.deployTime() && UNDECLARABLE.contains(name) ? new SpecProblem(refused.origin(),
                                refused.setting(), refused.message() + "; or --ignore-unsupported leaves " + name + " undeclared")
                                : refused);
                        evaluated = false;
                    }
                }
            }
        }
        properties = new TemplateNode.Fields(values, valueLines, line);
        return evaluated;
    }

    private interface Step {
        void run() throws TemplateProblem;
    }

    /** Runs a part of the reading; its problem is collected, and the rest goes on. */
    private void attempt(Step step) {
        try {
            step.run();
        } catch (TemplateProblem problem) {
            problems.add(problem.in(file));
        }
    }

    /** Maps a property, unless --ignore-unsupported left it undeclared: then its setting is not declared at all. */
    private void declared(String property, Step step) {
        if (!undeclared.contains(property)) {
            attempt(step);
        }
    }

    private void unsupported(int at, String path, String what) {
        if (context.ignoreUnsupported()) {
            warnings.add(new SpecProblem(new Origin(file, at, 0), path, "not supported (" + what + "); left out (--ignore-unsupported)"));
        } else {
            problems.add(new SpecProblem(new Origin(file, at, 0), path, "not supported: dynoctl cannot apply " + what
                    + "; --ignore-unsupported reads the table without it"));
        }
    }

    private void table() throws TemplateProblem {
        int before = problems.size();
        name();
        List<String> keys = keySchema(required("KeySchema"), path("KeySchema"), true);
        attributeDefinitions();
        attempt(() -> {
            put("pk", key(keys.get(0), path("KeySchema")), "KeySchema");
            if (keys.size() > 1) {
                put("sk", key(keys.get(1), path("KeySchema")), "KeySchema");
            }
        });
        boolean provisioned = true;
        TemplateNode mode = properties.get("BillingMode");
        if (mode != null) {
            put("billing-mode", text(mode, path("BillingMode")), "BillingMode");
            provisioned = text(mode, path("BillingMode")).trim().equalsIgnoreCase("PROVISIONED");
        } else {
            put("billing-mode", "provisioned", "BillingMode");
        }
        if (provisioned && properties.get("ProvisionedThroughput") == null) {
            throw new TemplateProblem(line, path("ProvisionedThroughput"), "required: BillingMode is PROVISIONED"
                    + (mode == null ? " (CloudFormation's default when BillingMode is not given)" : "")
                    + "; give ProvisionedThroughput, or BillingMode: PAY_PER_REQUEST");
        }
        capacity();
        attempt(() -> globalIndexes(keys));
        attempt(() -> localIndexes(keys.get(0)));
        // An attribute a failed key did not get to use is no news.
        attempt(() -> attributes().stream().filter(unused -> problems.size() == before).forEach(unused -> problems.add(new SpecProblem(new Origin(file, lineOf("AttributeDefinitions"), 0),
                path("AttributeDefinitions"), "attribute " + Names.quote(unused) + " is in no key schema (DynamoDB refuses "
                        + "definitions of attributes no table or index key uses)"))));
        declared("StreamSpecification", this::stream);
        declared("TimeToLiveSpecification", this::timeToLive);
        declared("PointInTimeRecoverySpecification", this::pointInTimeRecovery);
        declared("SSESpecification", this::encryption);
        declared("TableClass", () -> put("table-class", optionalText("TableClass").orElse("standard"), "TableClass"));
        declared("DeletionProtectionEnabled", () -> put("deletion-protection",
                optionalBool("DeletionProtectionEnabled").orElse("false"), "DeletionProtectionEnabled"));
        declared("OnDemandThroughput", () -> units("OnDemandThroughput", "MaxReadRequestUnits", "max-read-units",
                "MaxWriteRequestUnits", "max-write-units"));
        declared("WarmThroughput", () -> units("WarmThroughput", "ReadUnitsPerSecond", "warm-read-units", "WriteUnitsPerSecond",
                "warm-write-units"));
        declared("ContributorInsightsSpecification", this::contributorInsights);
        attempt(this::tags);
        declared("ResourcePolicy", this::resourcePolicy);
    }

    private void simpleTable() throws TemplateProblem {
        name();
        String primaryKey = "id:S";
        TemplateNode given = properties.get("PrimaryKey");
        if (given != null) {
            TemplateNode.Fields key = fields(given, path("PrimaryKey"), "Name", "Type");
            String name = text(required(key, "Name", path("PrimaryKey")), path("PrimaryKey.Name"));
            String keyType = text(required(key, "Type", path("PrimaryKey")), path("PrimaryKey.Type"));
            primaryKey = name + ":" + switch (keyType) {
                case "String" -> "S";
                case "Number" -> "N";
                case "Binary" -> "B";
                default -> throw new TemplateProblem(key.lineOf("Type"), path("PrimaryKey.Type"),
                        "expected String, Number or Binary, got " + Names.quote(keyType));
            };
        }
        put("pk", primaryKey, "PrimaryKey");
        boolean provisioned = properties.get("ProvisionedThroughput") != null;
        put("billing-mode", provisioned ? "provisioned" : "on-demand", "ProvisionedThroughput");
        capacity();
        // A SimpleTable is a Table without these: CloudFormation's defaults.
        put("stream", Toggle.OFF, "StreamSpecification");
        put("ttl-attribute", Toggle.OFF, "TimeToLiveSpecification");
        declared("PointInTimeRecoverySpecification", this::pointInTimeRecovery);
        declared("SSESpecification", this::encryption);
        put("table-class", "standard", "TableClass");
        put("deletion-protection", "false", "DeletionProtectionEnabled");
        put("contributor-insights", "false", "ContributorInsightsSpecification");
        put("resource-policy", Toggle.OFF, "ResourcePolicy");
        attempt(this::tags);
    }

    private void name() throws TemplateProblem {
        TemplateNode name = properties.get("TableName");
        if (name != null) {
            put("name", text(name, path("TableName")), "TableName");
        } else if (context.nameFromLogicalId()) {
            put("name", id, "TableName");
        } else {
            throw new TemplateProblem(line, path("TableName"), "missing: CloudFormation would make a name up when it deploys; "
                    + "give the table a TableName, or name it " + id + " with --name-from-logical-id");
        }
    }

    /** The key schema's attribute names, partition key first; a table's has a HASH key and at most one RANGE key. */
    private List<String> keySchema(TemplateNode node, String path, boolean sortKeyAllowed) throws TemplateProblem {
        List<TemplateNode> elements = items(node, path);
        String hash = null;
        String range = null;
        for (int i = 0; i < elements.size(); i++) {
            String at = path + "[" + i + "]";
            TemplateNode.Fields element = fields(elements.get(i), at, "AttributeName", "KeyType");
            String name = text(required(element, "AttributeName", at), at + ".AttributeName");
            String role = text(required(element, "KeyType", at), at + ".KeyType");
            if (role.equals("HASH") && hash == null) {
                hash = name;
            } else if (role.equals("RANGE") && range == null && sortKeyAllowed) {
                range = name;
            } else {
                throw new TemplateProblem(element.line(), at + ".KeyType", role.equals("HASH") || role.equals("RANGE")
                        ? "a key schema has one HASH key and at most one RANGE key" : "expected HASH or RANGE, got " + Names.quote(role));
            }
        }
        if (hash == null) {
            throw new TemplateProblem(node.line(), path, "needs a HASH key");
        }
        return range == null ? List.of(hash) : List.of(hash, range);
    }

    private void attributeDefinitions() throws TemplateProblem {
        String path = path("AttributeDefinitions");
        List<TemplateNode> definitions = items(required("AttributeDefinitions"), path);
        for (int i = 0; i < definitions.size(); i++) {
            String at = path + "[" + i + "]";
            TemplateNode.Fields definition = fields(definitions.get(i), at, "AttributeName", "AttributeType");
            String name = text(required(definition, "AttributeName", at), at + ".AttributeName");
            String attributeType = text(required(definition, "AttributeType", at), at + ".AttributeType");
            if (!Set.of("S", "N", "B").contains(attributeType)) {
                throw new TemplateProblem(definition.lineOf("AttributeType"), at + ".AttributeType",
                        "expected S, N or B (a key's type), got " + Names.quote(attributeType));
            }
            if (attributeTypes.put(name, attributeType) != null) {
                throw new TemplateProblem(definition.line(), at, "attribute " + Names.quote(name) + " is defined twice");
            }
        }
    }

    /** NAME:TYPE of a key attribute, its type from AttributeDefinitions. */
    private String key(String name, String path) throws TemplateProblem {
        String attributeType = attributeTypes.get(name);
        if (attributeType == null) {
            throw new TemplateProblem(lineOf("AttributeDefinitions"), path("AttributeDefinitions"), "has no AttributeType for "
                    + "the key attribute " + Names.quote(name) + " (of " + path + ")");
        }
        usedAttributes.add(name);
        return name + ":" + attributeType;
    }

    /** The defined attributes no key used. */
    private List<String> attributes() {
        return attributeTypes.keySet().stream().filter(name -> !usedAttributes.contains(name)).toList();
    }

    private void capacity() throws TemplateProblem {
        TemplateNode given = properties.get("ProvisionedThroughput");
        if (given != null) {
            TemplateNode.Fields capacity = fields(given, path("ProvisionedThroughput"), "ReadCapacityUnits", "WriteCapacityUnits");
            put("read-capacity", text(required(capacity, "ReadCapacityUnits", path("ProvisionedThroughput")),
                    path("ProvisionedThroughput.ReadCapacityUnits")), "ProvisionedThroughput.ReadCapacityUnits",
                    capacity.lineOf("ReadCapacityUnits"));
            put("write-capacity", text(required(capacity, "WriteCapacityUnits", path("ProvisionedThroughput")),
                    path("ProvisionedThroughput.WriteCapacityUnits")), "ProvisionedThroughput.WriteCapacityUnits",
                    capacity.lineOf("WriteCapacityUnits"));
        }
    }

    /** Each index in the compact syntax the gsi setting takes: NAME:PK:TYPE[,SK:TYPE]:projection=...[:rcu=N:wcu=N]... */
    private void globalIndexes(List<String> tableKeys) throws TemplateProblem {
        TemplateNode given = properties.get("GlobalSecondaryIndexes");
        if (given == null) {
            return;
        }
        List<TemplateNode> indexes = items(given, path("GlobalSecondaryIndexes"));
        for (int i = 0; i < indexes.size(); i++) {
            String at = path("GlobalSecondaryIndexes") + "[" + i + "]";
            TemplateNode.Fields index = fields(indexes.get(i), at);
            for (String property : index.fields().keySet()) {
                switch (property) {
                    case "IndexName", "KeySchema", "Projection", "ProvisionedThroughput", "OnDemandThroughput" -> {
                    }
                    case "ContributorInsightsSpecification" -> unsupported(index.lineOf(property), at + "." + property,
                            "contributor insights of an index");
                    case "WarmThroughput" -> unsupported(index.lineOf(property), at + "." + property, "an index's warm throughput");
                    default -> throw new TemplateProblem(index.lineOf(property), at + "." + property, "unknown property of a "
                            + "global secondary index (known: IndexName, KeySchema, Projection, ProvisionedThroughput, "
                            + "OnDemandThroughput)");
                }
            }
            StringBuilder text = new StringBuilder(text(required(index, "IndexName", at), at + ".IndexName"));
            List<String> keys = keySchema(required(index, "KeySchema", at), at + ".KeySchema", true);
            text.append(':').append(indexKey(keys.get(0), at + ".KeySchema", index.line()));
            if (keys.size() > 1) {
                text.append(',').append(indexKey(keys.get(1), at + ".KeySchema", index.line()));
            }
            text.append(":projection=").append(projection(index, at));
            if (index.get("ProvisionedThroughput") != null) {
                TemplateNode.Fields capacity = fields(index.get("ProvisionedThroughput"), at + ".ProvisionedThroughput",
                        "ReadCapacityUnits", "WriteCapacityUnits");
                text.append(":rcu=").append(text(required(capacity, "ReadCapacityUnits", at + ".ProvisionedThroughput"),
                        at + ".ProvisionedThroughput.ReadCapacityUnits"));
                text.append(":wcu=").append(text(required(capacity, "WriteCapacityUnits", at + ".ProvisionedThroughput"),
                        at + ".ProvisionedThroughput.WriteCapacityUnits"));
            }
            if (index.get("OnDemandThroughput") != null) {
                TemplateNode.Fields max = fields(index.get("OnDemandThroughput"), at + ".OnDemandThroughput",
                        "MaxReadRequestUnits", "MaxWriteRequestUnits");
                for (String[] figure : List.of(new String[] {"MaxReadRequestUnits", "max-rcu"}, new String[] {"MaxWriteRequestUnits", "max-wcu"})) {
                    if (max.get(figure[0]) != null && !text(max.get(figure[0]), at + ".OnDemandThroughput." + figure[0]).equals("-1")) {
                        text.append(':').append(figure[1]).append('=').append(text(max.get(figure[0]), ""));
                    }
                }
            }
            put("gsi", text.toString(), "GlobalSecondaryIndexes");
        }
    }

    private void localIndexes(String tablePartitionKey) throws TemplateProblem {
        TemplateNode given = properties.get("LocalSecondaryIndexes");
        if (given == null) {
            return;
        }
        List<TemplateNode> indexes = items(given, path("LocalSecondaryIndexes"));
        for (int i = 0; i < indexes.size(); i++) {
            String at = path("LocalSecondaryIndexes") + "[" + i + "]";
            TemplateNode.Fields index = fields(indexes.get(i), at);
            for (String property : index.fields().keySet()) {
                if (!Set.of("IndexName", "KeySchema", "Projection").contains(property)) {
                    throw new TemplateProblem(index.lineOf(property), at + "." + property, "unknown property of a local "
                            + "secondary index (known: IndexName, KeySchema, Projection)");
                }
            }
            String name = text(required(index, "IndexName", at), at + ".IndexName");
            List<String> keys = keySchema(required(index, "KeySchema", at), at + ".KeySchema", true);
            if (!keys.get(0).equals(tablePartitionKey) || keys.size() < 2) {
                throw new TemplateProblem(index.lineOf("KeySchema"), at + ".KeySchema", "a local secondary index has the "
                        + "table's HASH key (" + Names.quote(tablePartitionKey) + ") and a RANGE key of its own");
            }
            key(keys.get(0), at + ".KeySchema");
            put("lsi", name + ":" + indexKey(keys.get(1), at + ".KeySchema", index.line()) + ":projection=" + projection(index, at),
                    "LocalSecondaryIndexes");
        }
    }

    /** A key attribute of an index; the compact syntax cannot hold some characters in its names. */
    private String indexKey(String name, String path, int at) throws TemplateProblem {
        String key = key(name, path);
        indexSafe(name, path, ",=()", false, at);
        return key;
    }

    /** @param trimmed the syntax trims the name (a projected attribute), so it cannot begin or end with a space */
    private static void indexSafe(String name, String path, String reserved, boolean trimmed, int line) throws TemplateProblem {
        if (name.chars().anyMatch(c -> reserved.indexOf(c) >= 0) || trimmed && !name.equals(name.trim())) {
            throw new TemplateProblem(line, path, "attribute " + Names.quote(name) + ": dynoctl's index syntax cannot hold an "
                    + "attribute name with " + String.join(" ", reserved.split("")) + " or spaces at its ends");
        }
    }

    private static String projection(TemplateNode.Fields index, String at) throws TemplateProblem {
        TemplateNode.Fields projection = fields(required(index, "Projection", at), at + ".Projection", "ProjectionType",
                "NonKeyAttributes");
        String projectionType = text(required(projection, "ProjectionType", at + ".Projection"), at + ".Projection.ProjectionType");
        TemplateNode nonKey = projection.get("NonKeyAttributes");
        switch (projectionType) {
            case "ALL", "KEYS_ONLY" -> {
                if (nonKey != null) {
                    throw new TemplateProblem(projection.lineOf("NonKeyAttributes"), at + ".Projection.NonKeyAttributes",
                            "only with ProjectionType INCLUDE");
                }
                return projectionType.toLowerCase(Locale.ROOT);
            }
            case "INCLUDE" -> {
                List<String> attributes = new ArrayList<>();
                String path = at + ".Projection.NonKeyAttributes";
                for (TemplateNode attribute : items(nonKey == null ? new TemplateNode.Items(List.of(), projection.line()) : nonKey, path)) {
                    String name = text(attribute, path);
                    indexSafe(name, path, ",()", true, attribute.line());
                    attributes.add(name);
                }
                return "include(" + String.join(",", attributes) + ")";
            }
            default -> throw new TemplateProblem(projection.lineOf("ProjectionType"), at + ".Projection.ProjectionType",
                    "expected ALL, KEYS_ONLY or INCLUDE, got " + Names.quote(projectionType));
        }
    }

    private void stream() throws TemplateProblem {
        TemplateNode given = properties.get("StreamSpecification");
        if (given == null) {
            put("stream", Toggle.OFF, "StreamSpecification");
            return;
        }
        TemplateNode.Fields stream = fields(given, path("StreamSpecification"), "StreamViewType", "ResourcePolicy");
        if (stream.get("ResourcePolicy") != null) {
            unsupported(stream.lineOf("ResourcePolicy"), path("StreamSpecification.ResourcePolicy"), "a stream's resource policy");
        }
        put("stream", text(required(stream, "StreamViewType", path("StreamSpecification")), path("StreamSpecification.StreamViewType")),
                "StreamSpecification.StreamViewType", stream.lineOf("StreamViewType"));
    }

    private void timeToLive() throws TemplateProblem {
        TemplateNode given = properties.get("TimeToLiveSpecification");
        String setting = Toggle.OFF;
        if (given != null) {
            TemplateNode.Fields ttl = fields(given, path("TimeToLiveSpecification"), "AttributeName", "Enabled");
            if (bool(required(ttl, "Enabled", path("TimeToLiveSpecification")), path("TimeToLiveSpecification.Enabled"))) {
                setting = text(required(ttl, "AttributeName", path("TimeToLiveSpecification")),
                        path("TimeToLiveSpecification.AttributeName"));
                if (setting.trim().equalsIgnoreCase(Toggle.OFF)) {
                    // dynoctl's declarations say "off" for TTL off: an attribute of that name cannot be declared.
                    throw new TemplateProblem(ttl.lineOf("AttributeName"), path("TimeToLiveSpecification.AttributeName"),
                            "TTL on an attribute named " + Names.quote(setting) + " cannot be declared (dynoctl reads off as "
                                    + "TTL off)");
                }
            }
        }
        put("ttl-attribute", setting, "TimeToLiveSpecification");
    }

    private void pointInTimeRecovery() throws TemplateProblem {
        TemplateNode given = properties.get("PointInTimeRecoverySpecification");
        String path = path("PointInTimeRecoverySpecification");
        if (given == null) {
            put("pitr", "false", "PointInTimeRecoverySpecification");
            return;
        }
        TemplateNode.Fields pitr = fields(given, path, "PointInTimeRecoveryEnabled", "RecoveryPeriodInDays");
        boolean enabled = pitr.get("PointInTimeRecoveryEnabled") != null
                && bool(pitr.get("PointInTimeRecoveryEnabled"), path + ".PointInTimeRecoveryEnabled");
        put("pitr", String.valueOf(enabled), "PointInTimeRecoverySpecification", pitr.lineOf("PointInTimeRecoveryEnabled"));
        if (pitr.get("RecoveryPeriodInDays") != null) {
            put("pitr-recovery-days", text(pitr.get("RecoveryPeriodInDays"), path + ".RecoveryPeriodInDays"),
                    "PointInTimeRecoverySpecification.RecoveryPeriodInDays", pitr.lineOf("RecoveryPeriodInDays"));
        }
    }

    /** SSEEnabled false is DynamoDB's default AWS owned key; true is KMS, the AWS managed key unless KMSMasterKeyId names one. */
    private void encryption() throws TemplateProblem {
        TemplateNode given = properties.get("SSESpecification");
        String path = path("SSESpecification");
        if (given == null) {
            put("sse", "aws-owned", "SSESpecification");
            return;
        }
        TemplateNode.Fields sse = fields(given, path, "SSEEnabled", "SSEType", "KMSMasterKeyId");
        boolean enabled = bool(required(sse, "SSEEnabled", path), path + ".SSEEnabled");
        Optional<String> key = sse.get("KMSMasterKeyId") == null ? Optional.empty()
                : Optional.of(text(sse.get("KMSMasterKeyId"), path + ".KMSMasterKeyId"));
        if (sse.get("SSEType") != null && !text(sse.get("SSEType"), path + ".SSEType").equals("KMS")) {
            throw new TemplateProblem(sse.lineOf("SSEType"), path + ".SSEType", "expected KMS, got "
                    + Names.quote(text(sse.get("SSEType"), path)));
        }
        if (!enabled && key.isPresent()) {
            throw new TemplateProblem(sse.lineOf("KMSMasterKeyId"), path + ".KMSMasterKeyId", "only with SSEEnabled: true");
        }
        put("sse", !enabled ? "aws-owned" : key.map(k -> "kms:" + k).orElse("aws-managed"), "SSESpecification");
    }

    private void contributorInsights() throws TemplateProblem {
        TemplateNode given = properties.get("ContributorInsightsSpecification");
        String path = path("ContributorInsightsSpecification");
        boolean enabled = false;
        if (given != null) {
            TemplateNode.Fields insights = fields(given, path, "Enabled", "Mode");
            enabled = bool(required(insights, "Enabled", path), path + ".Enabled");
            if (insights.get("Mode") != null && !text(insights.get("Mode"), path + ".Mode").equals("ACCESSED_AND_THROTTLED_KEYS")) {
                unsupported(insights.lineOf("Mode"), path + ".Mode", "contributor insights of throttled keys only");
            }
        }
        put("contributor-insights", String.valueOf(enabled), "ContributorInsightsSpecification");
    }

    /** A Table's Tags are a list of {Key, Value}; a SimpleTable's a mapping. Written KEY=VALUE, as the tag setting takes them. */
    private void tags() throws TemplateProblem {
        TemplateNode given = properties.get("Tags");
        if (given == null) {
            return;
        }
        String path = path("Tags");
        Map<String, TemplateNode> tags = new LinkedHashMap<>();
        if (type.equals(SIMPLE_TABLE)) {
            tags.putAll(fields(given, path).fields());
        } else {
            List<TemplateNode> list = items(given, path);
            for (int i = 0; i < list.size(); i++) {
                TemplateNode.Fields tag = fields(list.get(i), path + "[" + i + "]", "Key", "Value");
                String key = text(required(tag, "Key", path + "[" + i + "]"), path + "[" + i + "].Key");
                if (tags.put(key, required(tag, "Value", path + "[" + i + "]")) != null) {
                    throw new TemplateProblem(tag.lineOf("Key"), path + "[" + i + "].Key", "tag key " + Names.quote(key)
                            + " is given twice (DynamoDB refuses duplicate tag keys)");
                }
            }
        }
        for (Map.Entry<String, TemplateNode> tag : tags.entrySet()) {
            if (tag.getKey().contains("=")) {
                throw new TemplateProblem(given.line(), path, "tag key " + Names.quote(tag.getKey()) + ": dynoctl's tags "
                        + "(KEY=VALUE) cannot hold a key with '='");
            }
            put("tag", tag.getKey() + "=" + text(tag.getValue(), path + "." + tag.getKey()), "Tags");
        }
    }

    /** PolicyDocument as an object is written as JSON; as text it must be a JSON object (checked as any resource policy). */
    private void resourcePolicy() throws TemplateProblem {
        TemplateNode given = properties.get("ResourcePolicy");
        String path = path("ResourcePolicy");
        if (given == null) {
            put("resource-policy", Toggle.OFF, "ResourcePolicy");
            return;
        }
        TemplateNode document = required(fields(given, path, "PolicyDocument"), "PolicyDocument", path);
        String policy;
        if (document instanceof TemplateNode.Fields object) {
            StringWriter json = new StringWriter();
            try (JsonGenerator generator = JSON.createGenerator(json)) {
                write(generator, object);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringWriter does no I/O
            }
            policy = json.toString();
        } else {
            policy = text(document, path + ".PolicyDocument");
            if (!policy.trim().startsWith("{")) {
                throw new TemplateProblem(document.line(), path + ".PolicyDocument", "must be a JSON object (a policy document)");
            }
        }
        put("resource-policy", policy, "ResourcePolicy.PolicyDocument", document.line());
    }

    private static void write(JsonGenerator generator, TemplateNode node) throws IOException {
        if (node instanceof TemplateNode.Fields object) {
            generator.writeStartObject();
            for (Map.Entry<String, TemplateNode> field : object.fields().entrySet()) {
                generator.writeFieldName(field.getKey());
                write(generator, field.getValue());
            }
            generator.writeEndObject();
        } else if (node instanceof TemplateNode.Items list) {
            generator.writeStartArray();
            for (TemplateNode item : list.items()) {
                write(generator, item);
            }
            generator.writeEndArray();
        } else {
            TemplateNode.Text text = (TemplateNode.Text) node;
            String value = text.value();
            if (value == null) {
                generator.writeNull();
            } else if (text.literal() && (value.equals("true") || value.equals("false"))) {
                generator.writeBoolean(value.equals("true"));
            } else if (text.literal()) {
                generator.writeNumber(value);
            } else {
                generator.writeString(value);
            }
        }
    }

    private void units(String property, String read, String readSetting, String write, String writeSetting) throws TemplateProblem {
        TemplateNode given = properties.get(property);
        if (given == null) {
            return;
        }
        TemplateNode.Fields units = fields(given, path(property), read, write);
        for (String[] figure : List.of(new String[] {read, readSetting}, new String[] {write, writeSetting})) {
            TemplateNode value = units.get(figure[0]);
            // -1 is CloudFormation's "no maximum": not declared here.
            if (value != null && !text(value, path(property + "." + figure[0])).equals("-1")) {
                put(figure[1], text(value, path(property + "." + figure[0])), property + "." + figure[0], units.lineOf(figure[0]));
            }
        }
    }

    private void put(String setting, String value, String property) {
        put(setting, value, property, lineOf(property.contains(".") ? property.substring(0, property.indexOf('.')) : property));
    }

    private void put(String setting, String value, String property, int at) {
        settings.computeIfAbsent(setting, key -> new ArrayList<>()).add(value);
        lines.putIfAbsent(setting, at);
        labels.putIfAbsent(setting, path(property));
    }

    /** The line of a property, or the resource's when it is not given. */
    private int lineOf(String property) {
        return properties.lines().getOrDefault(property, line);
    }

    private String path(String property) {
        return base + "." + property;
    }

    private TemplateNode required(String property) throws TemplateProblem {
        return required(properties, property, base);
    }

    private static TemplateNode required(TemplateNode.Fields fields, String property, String path) throws TemplateProblem {
        TemplateNode value = fields.get(property);
        if (value == null) {
            throw new TemplateProblem(fields.line(), path + "." + property, "required");
        }
        return value;
    }

    private Optional<String> optionalText(String property) throws TemplateProblem {
        TemplateNode value = properties.get(property);
        return value == null ? Optional.empty() : Optional.of(text(value, path(property)));
    }

    private Optional<String> optionalBool(String property) throws TemplateProblem {
        TemplateNode value = properties.get(property);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(bool(value, path(property))));
    }

    private static String text(TemplateNode node, String path) throws TemplateProblem {
        return Intrinsics.text(node, node.line(), path);
    }

    private static boolean bool(TemplateNode node, String path) throws TemplateProblem {
        String value = text(node, path);
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new TemplateProblem(node.line(), path, "expected true or false, got " + Names.quote(value));
    }

    private static List<TemplateNode> items(TemplateNode node, String path) throws TemplateProblem {
        if (node instanceof TemplateNode.Items items) {
            return items.items();
        }
        throw new TemplateProblem(node.line(), path, "expected a list, got " + TemplateNode.kind(node));
    }

    /** A mapping with only the {@code known} properties (CloudFormation refuses others; a typo would be lost). */
    private static TemplateNode.Fields fields(TemplateNode node, String path, String... known) throws TemplateProblem {
        TemplateNode.Fields fields = fields(node, path);
        for (String property : fields.fields().keySet()) {
            if (!List.of(known).contains(property)) {
                throw new TemplateProblem(fields.lineOf(property), path + "." + property, "unknown property (known: "
                        + String.join(", ", known) + ")");
            }
        }
        return fields;
    }

    private static TemplateNode.Fields fields(TemplateNode node, String path) throws TemplateProblem {
        if (node instanceof TemplateNode.Fields fields) {
            return fields;
        }
        throw new TemplateProblem(node == null ? 0 : node.line(), path, "expected a mapping, got "
                + (node == null ? "nothing" : TemplateNode.kind(node)));
    }
}
