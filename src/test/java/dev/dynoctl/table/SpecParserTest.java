package dev.dynoctl.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

class SpecParserTest {
    /** Settings as pairs: setting, value, setting, value... (a setting may repeat). */
    static TableSpec parse(String... pairs) {
        Map<String, List<String>> settings = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            settings.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return SpecParser.parse(settings);
    }

    static void rejects(String setting, String message, String... pairs) {
        assertThatThrownBy(() -> parse(pairs))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidSpecException) e).setting()).isEqualTo(setting));
    }

    @Test
    void key_parses_name_and_type_in_any_case() {
        assertThat(KeyAttribute.parse("pk", "user_id:s")).isEqualTo(new KeyAttribute("user_id", AttributeType.S));
        assertThat(KeyAttribute.parse("pk", "a:b:N")).isEqualTo(new KeyAttribute("a:b", AttributeType.N));
    }

    @Test
    void key_name_limit_is_255_utf8_bytes() {
        assertThat(KeyAttribute.parse("pk", "x".repeat(255) + ":S").name()).hasSize(255);
        assertThatThrownBy(() -> KeyAttribute.parse("pk", "\u00e9".repeat(128) + ":S"))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("255 bytes");
    }

    @Test
    void table_name_rules() {
        assertThat(Names.requireTableName("name", "a.b-c_9")).isEqualTo("a.b-c_9");
        assertThat(Names.requireTableName("name", "x".repeat(255))).hasSize(255);
        assertThatThrownBy(() -> Names.requireTableName("name", "ab")).isInstanceOf(InvalidSpecException.class);
        assertThatThrownBy(() -> Names.requireTableName("name", "x".repeat(256))).isInstanceOf(InvalidSpecException.class);
    }

    @Test
    void error_messages_quote_input_on_one_line() {
        assertThat(Names.quote("a\nb")).isEqualTo("'a\\u000ab'");
        assertThat(Names.quote("y".repeat(1000))).contains("(1000 chars)").hasSizeLessThan(100);
    }

    @Test
    void gsi_compact_syntax() {
        TableSpec spec = parse("name", "Posts", "pk", "id:S", "gsi", "ByEmail:email:S",
                "gsi", "ByDay:day:S,ts:N:projection=include(title,owner):max-rcu=10");

        assertThat(spec.globalIndexes()).containsExactly(
                new GlobalIndex("ByEmail", new KeyAttribute("email", AttributeType.S), Optional.empty(), Projection.ALL,
                        Optional.empty(), Optional.empty()),
                new GlobalIndex("ByDay", new KeyAttribute("day", AttributeType.S), Optional.of(new KeyAttribute("ts", AttributeType.N)),
                        new Projection(Projection.Type.INCLUDE, List.of("title", "owner")), Optional.empty(),
                        Optional.of(new UnitLimits(Optional.of(10L), Optional.empty()))));
    }

    @Test
    void gsi_capacity_on_provisioned_tables() {
        TableSpec spec = parse("name", "Posts", "pk", "id:S", "billing-mode", "provisioned", "read-capacity", "5",
                "write-capacity", "5", "gsi", "ByDay:day:S:projection=keys_only:rcu=2:wcu=3");

        assertThat(spec.globalIndexes().get(0).capacity()).contains(new Throughput(2, 3));
        assertThat(spec.globalIndexes().get(0).projection().type()).isEqualTo(Projection.Type.KEYS_ONLY);
    }

    @Test
    void index_rules() {
        rejects("gsi", "rcu=N and wcu=N are required", "name", "Tbl", "pk", "id:S", "billing-mode", "provisioned",
                "read-capacity", "1", "write-capacity", "1", "gsi", "ByX:x:S");
        rejects("gsi", "only allowed on a provisioned table", "name", "Tbl", "pk", "id:S", "gsi", "ByX:x:S:rcu=1:wcu=1");
        rejects("gsi", "index name", "name", "Tbl", "pk", "id:S", "gsi", "X:x:S");
        rejects("gsi", "unknown option", "name", "Tbl", "pk", "id:S", "gsi", "ByX:x:S:colour=red");
        rejects("gsi", "projection must be", "name", "Tbl", "pk", "id:S", "gsi", "ByX:x:S:projection=some");
        rejects("gsi", "missing the index key", "name", "Tbl", "pk", "id:S", "gsi", "ByX");
        rejects("gsi", "type must be", "name", "Tbl", "pk", "id:S", "gsi", "ByX:x:Q");
        rejects("gsi", "projected twice", "name", "Tbl", "pk", "id:S", "gsi", "ByX:x:S:projection=include(a,a)");
        rejects("gsi", "at most 20 projected", "name", "Tbl", "pk", "id:S", "gsi", "ByX:x:S:projection=include("
                + String.join(",", IntStream.range(0, 21).mapToObj(i -> "a" + i).toList()) + ")");
        rejects("lsi", "need a table with a sort key", "name", "Tbl", "pk", "id:S", "lsi", "ByX:x:S");
        rejects("lsi", "must differ from the table's partition key", "name", "Tbl", "pk", "id:S", "sk", "ts:N", "lsi", "ByX:id:S");
        rejects("lsi", "used twice", "name", "Tbl", "pk", "id:S", "sk", "ts:N", "gsi", "ByX:x:S", "lsi", "ByX:y:S");
        rejects("gsi", "is S in --pk but N in --gsi ByX", "name", "Tbl", "pk", "id:S", "gsi", "ByX:id:N");
        rejects("gsi", "sort key must differ", "name", "Tbl", "pk", "id:S", "gsi", "ByX:a:S,a:S");
        rejects("gsi", "given twice", "name", "Tbl", "pk", "id:S", "gsi", "ByX:a:S:projection=all:projection=keys_only");
    }

    @Test
    void index_count_limits() {
        String[] twentyOne = IntStream.range(0, 21).boxed()
                .flatMap(i -> java.util.stream.Stream.of("gsi", "Index" + i + ":a" + i + ":S")).toArray(String[]::new);
        rejects("gsi", "at most 20 global", concat(new String[] {"name", "Tbl", "pk", "id:S"}, twentyOne));
        String[] six = IntStream.range(0, 6).boxed()
                .flatMap(i -> java.util.stream.Stream.of("lsi", "Index" + i + ":a" + i + ":S")).toArray(String[]::new);
        rejects("lsi", "at most 5 local", concat(new String[] {"name", "Tbl", "pk", "id:S", "sk", "ts:N"}, six));
        String[] projections = IntStream.range(0, 6).boxed().flatMap(i -> java.util.stream.Stream.of("gsi", "Index" + i + ":k" + i
                + ":S:projection=include(" + String.join(",", IntStream.range(0, 17).mapToObj(j -> "p" + j).toList()) + ")"))
                .toArray(String[]::new);
        rejects("gsi", "at most 100 projected", concat(new String[] {"name", "Tbl", "pk", "id:S"}, projections));
    }

    @Test
    void setting_rules() {
        rejects("tag", "KEY=VALUE", "name", "Tbl", "pk", "id:S", "tag", "novalue");
        rejects("tag", "reserved", "name", "Tbl", "pk", "id:S", "tag", "aws:owner=me");
        rejects("tag", "1-128", "name", "Tbl", "pk", "id:S", "tag", "k".repeat(129) + "=v");
        rejects("tag", "0-256", "name", "Tbl", "pk", "id:S", "tag", "k=" + "v".repeat(257));
        rejects("tag", "different values", "name", "Tbl", "pk", "id:S", "tag", "k=1", "tag", "k=2");
        String[] fiftyOne = IntStream.range(0, 51).boxed().flatMap(i -> java.util.stream.Stream.of("tag", "k" + i + "=v"))
                .toArray(String[]::new);
        rejects("tag", "at most 50", concat(new String[] {"name", "Tbl", "pk", "id:S"}, fiftyOne));
        rejects("stream", "NEW_AND_OLD_IMAGES", "name", "Tbl", "pk", "id:S", "stream", "ALL");
        rejects("sse", "aws-owned, aws-managed or kms:KEY", "name", "Tbl", "pk", "id:S", "sse", "rot13");
        rejects("sse", "kms: needs", "name", "Tbl", "pk", "id:S", "sse", "kms:");
        rejects("table-class", "standard or standard-ia", "name", "Tbl", "pk", "id:S", "table-class", "glacier");
        rejects("pitr-recovery-days", "between 1 and 35", "name", "Tbl", "pk", "id:S", "pitr", "true", "pitr-recovery-days", "36");
        rejects("pitr-recovery-days", "only allowed with --pitr", "name", "Tbl", "pk", "id:S", "pitr-recovery-days", "7");
        rejects("max-read-units", "only allowed with --billing-mode on-demand", "name", "Tbl", "pk", "id:S",
                "billing-mode", "provisioned", "read-capacity", "1", "write-capacity", "1", "max-read-units", "5");
        rejects("warm-write-units", "at least 1", "name", "Tbl", "pk", "id:S", "warm-write-units", "0");
        rejects("ttl-attribute", "empty", "name", "Tbl", "pk", "id:S", "ttl-attribute", "");
        rejects("resource-policy", "not valid JSON", "name", "Tbl", "pk", "id:S", "resource-policy", "{nope");
        // Jackson's message whole, not cut at 60 characters as a quoted value is
        rejects("resource-policy", "is not valid JSON: Unexpected character ('n' (code 110)): was expecting double-quote to start "
                + "field name", "name", "Tbl", "pk", "id:S", "resource-policy", "{nope: 1}");
        rejects("resource-policy", "at most 20 KB", "name", "Tbl", "pk", "id:S", "resource-policy",
                "{\"a\":\"" + "x".repeat(20 * 1024) + "\"}");
        rejects("resource-policy", "cannot read", "name", "Tbl", "pk", "id:S", "resource-policy", "@/no/such/policy.json");
        rejects("name", "required", "pk", "id:S");
        rejects("pk", "required", "name", "Tbl");
        rejects("sk", "must differ", "name", "Tbl", "pk", "id:S", "sk", "id:N");
        rejects("read-capacity", "whole number", "name", "Tbl", "pk", "id:S", "billing-mode", "provisioned",
                "read-capacity", "five", "write-capacity", "1");
        rejects("deletion-protection", "true or false", "name", "Tbl", "pk", "id:S", "deletion-protection", "yes");
    }

    @Test
    void create_request_carries_every_setting() {
        TableSpec spec = parse("name", "Events", "pk", "device:S", "sk", "ts:N", "gsi", "ByDay:day:S,ts:N:max-wcu=7",
                "lsi", "ByKind:kind:S:projection=keys_only", "stream", "new_and_old_images", "tag", "team=iot",
                "sse", "kms:alias/events", "table-class", "standard-ia", "deletion-protection", "true",
                "max-read-units", "100", "warm-read-units", "12000", "resource-policy", "{\"Version\":\"2012-10-17\"}");

        CreateTableRequest request = Requests.createTable(spec);

        assertThat(request.keySchema()).extracting(k -> k.attributeName() + "/" + k.keyType())
                .containsExactly("device/" + KeyType.HASH, "ts/" + KeyType.RANGE);
        assertThat(request.attributeDefinitions()).extracting(a -> a.attributeName() + ":" + a.attributeTypeAsString())
                .containsExactly("device:S", "ts:N", "day:S", "kind:S");
        assertThat(request.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(request.provisionedThroughput()).isNull();
        assertThat(request.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
            assertThat(gsi.indexName()).isEqualTo("ByDay");
            assertThat(gsi.onDemandThroughput().maxWriteRequestUnits()).isEqualTo(7L);
            assertThat(gsi.provisionedThroughput()).isNull();
        });
        assertThat(request.localSecondaryIndexes()).singleElement().satisfies(lsi -> {
            assertThat(lsi.keySchema()).extracting(k -> k.attributeName()).containsExactly("device", "kind");
            assertThat(lsi.projection().projectionTypeAsString()).isEqualTo("KEYS_ONLY");
        });
        assertThat(request.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(request.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("team=iot");
        assertThat(request.sseSpecification().kmsMasterKeyId()).isEqualTo("alias/events");
        assertThat(request.tableClassAsString()).isEqualTo("STANDARD_INFREQUENT_ACCESS");
        assertThat(request.deletionProtectionEnabled()).isTrue();
        assertThat(request.onDemandThroughput().maxReadRequestUnits()).isEqualTo(100L);
        assertThat(request.warmThroughput().readUnitsPerSecond()).isEqualTo(12000L);
        assertThat(request.resourcePolicy()).isEqualTo("{\"Version\":\"2012-10-17\"}");
    }

    @Test
    void provisioned_request_sends_capacity() {
        CreateTableRequest request = Requests.createTable(parse("name", "Orders", "pk", "id:S", "billing-mode", "PROVISIONED",
                "read-capacity", "5", "write-capacity", "7"));

        assertThat(request.billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(request.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(request.provisionedThroughput().writeCapacityUnits()).isEqualTo(7L);
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new);
    }
}
