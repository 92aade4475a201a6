package dev.dynoctl.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dynoctl.table.AttributeType;
import dev.dynoctl.table.Billing;
import dev.dynoctl.table.Encryption;
import dev.dynoctl.table.ExistingTable;
import dev.dynoctl.table.GlobalIndex;
import dev.dynoctl.table.KeyAttribute;
import dev.dynoctl.table.LocalIndex;
import dev.dynoctl.table.Pitr;
import dev.dynoctl.table.PlanOptions;
import dev.dynoctl.table.Projection;
import dev.dynoctl.table.Setting;
import dev.dynoctl.table.SpecSources;
import dev.dynoctl.table.StreamView;
import dev.dynoctl.table.TableClass;
import dev.dynoctl.table.TablePlan;
import dev.dynoctl.table.TablePlanner;
import dev.dynoctl.table.TableSpec;
import dev.dynoctl.table.Throughput;
import dev.dynoctl.table.Toggle;
import dev.dynoctl.table.UnitLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The round trip is the contract: a table as DynamoDB reports it, exported, read back as dynoctl reads files, and planned
 * against that same table, is in sync; and what was read back is exactly what the table has, less the settings the
 * endpoint did not report (each named in a warning) and the few a format cannot hold. Generated tables have tricky
 * attribute names and tag values (YAML's reserved words, quotes, ':' and '#', other scripts, line separators), every
 * setting in each of its states, and endpoint gaps. Pure: no endpoint, no AWS SDK client.
 */
class ExportRoundTripTest {
    /** Key attribute names the index syntax can hold, chosen to trip YAML writers. */
    private static final List<String> ATTRIBUTES = List.of("id", "user_id", "a:b", "first name", "trailing ", " lead", "off",
            "null", "true", "~", "123", "0x1F", "1:30", "2024-01-01", "#hash", "a #b", "- dash", "ünïcödé", "名前", "emoji\uD83D\uDE00",
            "quo\"te", "it's", "back\\slash", "@at", "a/b", "[x]", "{y}", "*star", "&amp", "!bang", "%pct", "`tick`", "?q",
            "|pipe", ">gt", "k: v", "ends:", "S", "N", "projection", "rcu", "line\u2028sep", "nbsp\u00a0", "x".repeat(255));
    /** Projected attributes: the index syntax trims them, so none begins or ends with a space. */
    private static final List<String> PROJECTED = ATTRIBUTES.stream().filter(name -> name.strip().equals(name)).toList();
    private static final String TAG_CHARACTERS = "abcXYZ019 _.:/=+-@é\u00a0\u2028";
    private static final List<String> POLICIES = List.of(
            "{\"Version\":\"2012-10-17\",\"Statement\":[]}",
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Deny\",\n      \"Principal\": \"*\",\n"
                    + "      \"Action\": \"dynamodb:DeleteTable\",\n      \"Resource\": \"*\"\n    }\n  ]\n}\n",
            "  {\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"it's #1: 'quoted'\", \"Effect\": \"Allow\", "
                    + "\"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}, \"Action\": [\"dynamodb:GetItem\"], "
                    + "\"Resource\": \"*\"}]}  ",
            "{\r\n\t\"Version\": \"2012-10-17\",\r\n\t\"Statement\": [{\"Sid\": \"caf\u00e9 \u2028 \\u0007\", \"Effect\": \"Deny\","
                    + " \"Principal\": \"*\", \"Action\": \"dynamodb:*\", \"Resource\": \"*\", \"Condition\": {\"NumericLessThan\":"
                    + " {\"aws:MultiFactorAuthAge\": 3600}}}]\r\n}",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"dynamodb:DeleteTable\","
                    + "\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":false}}}]}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Property(tries = 1000)
    void an_exported_spec_file_reads_back_as_the_table_and_plans_in_sync(@ForAll("tables") ReportedTable reported) {
        ExportedTable exported = SpecWriter.write(ExistingTable.read(reported.state()));

        TableSpec read = readBack(exported.document());

        TablePlan plan = TablePlanner.plan(read, Optional.of(reported.state()), PlanOptions.NONE);
        assertThat(plan.action()).as("plan of\n%s", exported.document()).isEqualTo(TablePlan.Action.IN_SYNC);
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.blockers()).isEmpty();
        assertThat(comparable(read)).as("read back from\n%s", exported.document())
                .isEqualTo(comparable(expected(reported)));
        assertThat(exported.skipped()).as("warnings").hasSize(expectedWarnings(reported))
                .allMatch(line -> line.endsWith("; not exported"));
    }

    @Property(tries = 1000)
    void an_exported_template_holds_every_setting_the_table_has(@ForAll("tables") ReportedTable reported) throws IOException {
        if (ttlNamedOff(reported)) {
            // Left out, a template's TTL reads as off: such a table is refused rather than exported wrong.
            assertThatThrownBy(() -> CloudFormationTemplate.write(ExistingTable.read(reported.state())))
                    .isInstanceOf(ExportException.class).hasMessageContaining("which dynoctl reads as TTL off");
            return;
        }
        ExportedTable exported = CloudFormationTemplate.write(ExistingTable.read(reported.state()));

        JsonNode template = YAML.readTree(exported.document());

        assertThat(template.path("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
        assertThat(template.path("Resources").size()).isEqualTo(1);
        JsonNode resource = template.path("Resources").path(CloudFormationTable.logicalId(reported.spec().name()));
        assertThat(resource.path("Type").asText()).isEqualTo("AWS::DynamoDB::Table");
        assertThat(resource.path("DeletionPolicy").asText()).isEqualTo("Retain");
        // Read back by dynoctl's own template reader, as plan -f reads it.
        TableSpec read = readBack(exported.document());
        TablePlan plan = TablePlanner.plan(read, Optional.of(reported.state()), PlanOptions.NONE);
        assertThat(plan.action()).as("read back from\n%s\nsteps %s", exported.document(), plan.steps())
                .isEqualTo(TablePlan.Action.IN_SYNC);
        assertThat(exported.skipped()).hasSize(expectedWarnings(reported));
    }

    /** The spec file, read as plan -f reads it: any problem fails the test. */
    private static TableSpec readBack(String document) {
        try {
            Path file = Files.createTempFile("export", ".yaml");
            try {
                Files.writeString(file, document);
                SpecSources.Result result = SpecSources.read(List.of(file), dev.dynoctl.table.Templates.none());
                assertThat(result.problems()).as("problems reading\n%s", document).isEmpty();
                assertThat(result.tables()).hasSize(1);
                return result.tables().get(0).spec();
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a file should declare: what the table has, in the file's order, less what was not reported or cannot be written. */
    private static TableSpec expected(ReportedTable reported) {
        TableSpec table = reported.spec();
        Set<Setting> unreported = reported.unreported();
        Map<String, String> tags = new TreeMap<>();
        if (!unreported.contains(Setting.TAG)) {
            table.tags().forEach((key, value) -> {
                if (!key.toLowerCase(Locale.ROOT).startsWith("aws:") && !key.contains("=")) {
                    tags.put(key, value);
                }
            });
        }
        boolean onDemand = table.billing() instanceof Billing.OnDemand;
        UnitLimits warm = table.warmThroughput().orElseThrow();
        Optional<Long> warmRead = warm.read().filter(units -> units > 12_000);
        Optional<Long> warmWrite = warm.write().filter(units -> units > 4_000);
        boolean ttlNamedOff = table.ttl().flatMap(Toggle::value).filter(a -> a.trim().equalsIgnoreCase("off")).isPresent();
        return new TableSpec(table.name(), table.partitionKey(), table.sortKey(), table.billing(),
                table.globalIndexes().stream().sorted(Comparator.comparing(GlobalIndex::name)).toList(),
                table.localIndexes().stream().sorted(Comparator.comparing(LocalIndex::name)).toList(),
                unreported.contains(Setting.STREAM) ? Optional.empty() : table.stream(),
                unreported.contains(Setting.TTL_ATTRIBUTE) || ttlNamedOff ? Optional.empty() : table.ttl(),
                tags, table.encryption(),
                unreported.contains(Setting.TABLE_CLASS) ? Optional.of(TableClass.STANDARD) : table.tableClass(),
                unreported.contains(Setting.DELETION_PROTECTION) ? Optional.empty() : table.deletionProtection(),
                unreported.contains(Setting.PITR) ? Optional.empty() : table.pitr(),
                onDemand ? table.onDemandMax() : Optional.empty(),
                warmRead.isEmpty() && warmWrite.isEmpty() ? Optional.empty() : Optional.of(new UnitLimits(warmRead, warmWrite)),
                unreported.contains(Setting.RESOURCE_POLICY) ? Optional.empty() : table.resourcePolicy(),
                unreported.contains(Setting.CONTRIBUTOR_INSIGHTS) ? Optional.empty() : table.contributorInsights());
    }

    private static boolean ttlNamedOff(ReportedTable reported) {
        return !reported.unreported().contains(Setting.TTL_ATTRIBUTE)
                && reported.spec().ttl().flatMap(Toggle::value).filter(a -> a.trim().equalsIgnoreCase("off")).isPresent();
    }

    private static int expectedWarnings(ReportedTable reported) {
        TableSpec table = reported.spec();
        boolean tagsRead = !reported.unreported().contains(Setting.TAG);
        boolean awsTags = table.tags().keySet().stream().anyMatch(key -> key.toLowerCase(Locale.ROOT).startsWith("aws:"));
        boolean equalsTags = table.tags().keySet().stream()
                .anyMatch(key -> key.contains("=") && !key.toLowerCase(Locale.ROOT).startsWith("aws:"));
        boolean ttlNamedOff = !reported.unreported().contains(Setting.TTL_ATTRIBUTE)
                && table.ttl().flatMap(Toggle::value).filter(a -> a.trim().equalsIgnoreCase("off")).isPresent();
        int unreported = (int) reported.unreported().stream().filter(setting -> setting != Setting.TABLE_CLASS).count();
        return unreported + (tagsRead && awsTags ? 1 : 0)
                + (tagsRead && equalsTags ? 1 : 0) + (ttlNamedOff ? 1 : 0);
    }

    /** The spec with what order and whitespace do not change made equal: included attributes as sets, policies as JSON. */
    private static Map<String, Object> comparable(TableSpec spec) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("spec", new TableSpec(spec.name(), spec.partitionKey(), spec.sortKey(), spec.billing(),
                spec.globalIndexes().stream().map(index -> new GlobalIndex(index.name(), index.partitionKey(), index.sortKey(),
                        sorted(index.projection()), index.capacity(), index.onDemandMax())).toList(),
                spec.localIndexes().stream().map(index -> new LocalIndex(index.name(), index.sortKey(), sorted(index.projection())))
                        .toList(),
                spec.stream(), spec.ttl(), new TreeMap<>(spec.tags()), spec.encryption(), spec.tableClass(), spec.deletionProtection(),
                spec.pitr(), spec.onDemandMax(), spec.warmThroughput(), Optional.empty(), spec.contributorInsights()));
        fields.put("policy", spec.resourcePolicy().map(policy -> policy.value().<Object>map(ExportRoundTripTest::json).orElse("off")));
        return fields;
    }

    private static Projection sorted(Projection projection) {
        return new Projection(projection.type(), projection.nonKeyAttributes().stream().sorted().toList());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- generated tables ---------------------------------------------------------------------------------------

    /** A table of random settings; fields are drawn independently and made consistent in {@link #build}. */
    private static final class Draw {
        String name;
        List<AttributeType> types;
        int partitionKey;
        Optional<Integer> sortKey;
        boolean provisioned;
        long read;
        long write;
        List<IndexDraw> globalIndexes;
        List<IndexDraw> localIndexes;
        Optional<StreamView> stream;
        Optional<Integer> ttl;
        Map<String, String> tags;
        boolean awsTag;
        Optional<String> kmsKey;
        TableClass tableClass;
        boolean protection;
        Optional<Integer> pitrDays;
        boolean pitr;
        Optional<Long> maxRead;
        Optional<Long> maxWrite;
        long warmRead;
        long warmWrite;
        Optional<String> policy;
        boolean insights;
        Set<Setting> gaps;
    }

    private record IndexDraw(String name, int partitionKey, Optional<Integer> sortKey, Projection projection, long read, long write,
                             Optional<Long> maxRead, Optional<Long> maxWrite) {
    }

    @Provide
    Arbitrary<ReportedTable> tables() {
        Arbitrary<Integer> attribute = Arbitraries.integers().between(0, ATTRIBUTES.size() - 1);
        Arbitrary<Long> capacity = Arbitraries.longs().between(1, 40_000);
        return Builders.withBuilder(Draw::new)
                .use(Arbitraries.strings().withChars("abcXYZ0189_.-").ofMinLength(3).ofMaxLength(40)).inSetter((d, v) -> d.name = v)
                .use(Arbitraries.of(AttributeType.class).list().ofSize(ATTRIBUTES.size())).inSetter((d, v) -> d.types = v)
                .use(attribute).inSetter((d, v) -> d.partitionKey = v)
                .use(attribute.optional(0.6)).inSetter((d, v) -> d.sortKey = v)
                .use(Arbitraries.of(true, false)).inSetter((d, v) -> d.provisioned = v)
                .use(capacity).inSetter((d, v) -> d.read = v)
                .use(capacity).inSetter((d, v) -> d.write = v)
                .use(index(attribute, capacity).list().ofMaxSize(4)).inSetter((d, v) -> d.globalIndexes = v)
                .use(index(attribute, capacity).list().ofMaxSize(3)).inSetter((d, v) -> d.localIndexes = v)
                .use(Arbitraries.of(StreamView.class).optional(0.5)).inSetter((d, v) -> d.stream = v)
                .use(attribute.optional(0.5)).inSetter((d, v) -> d.ttl = v)
                .use(Arbitraries.maps(tagText(1, 20), tagText(0, 20)).ofMaxSize(5)).inSetter((d, v) -> d.tags = v)
                .use(Arbitraries.of(true, false)).inSetter((d, v) -> d.awsTag = v)
                .use(Arbitraries.strings().withChars("0123456789abcdef-").ofLength(36).optional(0.3)).inSetter((d, v) -> d.kmsKey = v)
                .use(Arbitraries.of(TableClass.class)).inSetter((d, v) -> d.tableClass = v)
                .use(Arbitraries.of(true, false)).inSetter((d, v) -> d.protection = v)
                .use(Arbitraries.of(true, false)).inSetter((d, v) -> d.pitr = v)
                .use(Arbitraries.integers().between(1, 35).optional(0.7)).inSetter((d, v) -> d.pitrDays = v)
                .use(capacity.optional(0.3)).inSetter((d, v) -> d.maxRead = v)
                .use(capacity.optional(0.3)).inSetter((d, v) -> d.maxWrite = v)
                .use(Arbitraries.longs().between(1, 100_000)).inSetter((d, v) -> d.warmRead = v)
                .use(Arbitraries.longs().between(1, 100_000)).inSetter((d, v) -> d.warmWrite = v)
                .use(Arbitraries.of(POLICIES).optional(0.4)).inSetter((d, v) -> d.policy = v)
                .use(Arbitraries.of(true, false)).inSetter((d, v) -> d.insights = v)
                .use(Arbitraries.subsetOf(ReportedTable.POSSIBLE_GAPS)).inSetter((d, v) -> d.gaps = v)
                .build(ExportRoundTripTest::build);
    }

    private static Arbitrary<IndexDraw> index(Arbitrary<Integer> attribute, Arbitrary<Long> capacity) {
        Arbitrary<Projection> projection = Arbitraries.oneOf(Arbitraries.just(Projection.ALL),
                Arbitraries.just(new Projection(Projection.Type.KEYS_ONLY, List.of())),
                Arbitraries.of(PROJECTED).set().ofMinSize(1).ofMaxSize(5)
                        .map(attributes -> new Projection(Projection.Type.INCLUDE, new ArrayList<>(attributes))));
        return Combinators.combine(Arbitraries.strings().withChars("abcXYZ0189_.-").ofMinLength(1).ofMaxLength(12),
                        attribute, attribute.optional(0.5), projection, capacity, capacity,
                        capacity.optional(0.3), capacity.optional(0.3))
                .as(IndexDraw::new);
    }

    private static Arbitrary<String> tagText(int min, int max) {
        return Arbitraries.oneOf(Arbitraries.strings().withChars(TAG_CHARACTERS).ofMinLength(min).ofMaxLength(max),
                Arbitraries.of("off", "null", "true", "NO", "123", "+1", ".5", "1:30", "2024-01-01", "yes", "a: b", "x:", ": x", "@x", "- x", "k=v")
                        .filter(text -> text.length() >= min));
    }

    /** The drawn table made valid: one type per attribute, keys distinct where DynamoDB wants them, indexes named apart. */
    private static ReportedTable build(Draw d) {
        KeyAttribute partitionKey = key(d, d.partitionKey);
        Optional<KeyAttribute> sortKey = d.sortKey.filter(k -> k != d.partitionKey).map(k -> key(d, k));
        Billing billing = d.provisioned ? new Billing.Provisioned(d.read, d.write) : new Billing.OnDemand();
        List<GlobalIndex> globalIndexes = IntStream.range(0, d.globalIndexes.size()).mapToObj(i -> {
            IndexDraw index = d.globalIndexes.get(i);
            Optional<UnitLimits> max = d.provisioned || index.maxRead().isEmpty() && index.maxWrite().isEmpty() ? Optional.empty()
                    : Optional.of(new UnitLimits(index.maxRead(), index.maxWrite()));
            return new GlobalIndex("g" + i + index.name() + "x", key(d, index.partitionKey()),
                    index.sortKey().filter(k -> k != index.partitionKey()).map(k -> key(d, k)), index.projection(),
                    d.provisioned ? Optional.of(new Throughput(index.read(), index.write())) : Optional.empty(), max);
        }).toList();
        List<LocalIndex> localIndexes = sortKey.isEmpty() ? List.of() : IntStream.range(0, d.localIndexes.size())
                .filter(i -> d.localIndexes.get(i).partitionKey() != d.partitionKey)
                .mapToObj(i -> new LocalIndex("l" + i + d.localIndexes.get(i).name() + "x", key(d, d.localIndexes.get(i).partitionKey()),
                        d.localIndexes.get(i).projection()))
                .toList();
        Map<String, String> tags = new LinkedHashMap<>(d.tags);
        if (d.awsTag) {
            tags.put("aws:cloudformation:stack-name", "orders");
        }
        Optional<UnitLimits> onDemandMax = d.provisioned || d.maxRead.isEmpty() && d.maxWrite.isEmpty() ? Optional.empty()
                : Optional.of(new UnitLimits(d.maxRead, d.maxWrite));
        TableSpec spec = new TableSpec(d.name, partitionKey, sortKey, billing, globalIndexes, localIndexes,
                Optional.of(d.stream.map(Toggle::on).orElseGet(Toggle::off)),
                Optional.of(d.ttl.map(i -> Toggle.on(ATTRIBUTES.get(i))).orElseGet(Toggle::off)), tags,
                Optional.of(d.kmsKey.<Encryption>map(id -> new Encryption.Kms("arn:aws:kms:us-east-1:" + ReportedTable.ACCOUNT
                        + ":key/" + id)).orElseGet(Encryption.AwsOwned::new)),
                Optional.of(d.tableClass), Optional.of(d.protection),
                Optional.of(new Pitr(d.pitr, d.pitr ? d.pitrDays : Optional.empty())), onDemandMax,
                Optional.of(new UnitLimits(Optional.of(d.warmRead), Optional.of(d.warmWrite))),
                Optional.of(d.policy.map(Toggle::on).orElseGet(Toggle::off)), Optional.of(d.insights));
        return ReportedTable.of(spec, d.gaps.isEmpty() ? EnumSet.noneOf(Setting.class) : EnumSet.copyOf(d.gaps));
    }

    private static KeyAttribute key(Draw d, int attribute) {
        return new KeyAttribute(ATTRIBUTES.get(attribute), d.types.get(attribute));
    }
}
