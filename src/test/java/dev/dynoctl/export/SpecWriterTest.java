package dev.dynoctl.export;

import static dev.dynoctl.export.ReportedTable.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynoctl.table.AttributeType;
import dev.dynoctl.table.ExistingTable;
import dev.dynoctl.table.GlobalIndex;
import dev.dynoctl.table.IndexSyntax;
import dev.dynoctl.table.KeyAttribute;
import dev.dynoctl.table.LocalIndex;
import dev.dynoctl.table.Lookup;
import dev.dynoctl.table.Projection;
import dev.dynoctl.table.Setting;
import dev.dynoctl.table.TableState;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/** The spec file an export writes, exactly; the round trip over generated tables is {@link ExportRoundTripTest}. */
class SpecWriterTest {
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";

    private static ExportedTable export(ReportedTable table) {
        return SpecWriter.write(ExistingTable.read(table.state()));
    }

    private static ExportedTable export(TableState state) {
        return SpecWriter.write(ExistingTable.read(state));
    }

    @Test
    void every_setting_is_written_by_its_spec_key_in_the_vocabulary_order_indexes_by_name() {
        ExportedTable exported = export(ReportedTable.of(table("name", "Orders", "pk", "customer:S", "sk", "order_id:S",
                "gsi", "ByStatus:status:S,created:N:projection=include(total,currency)", "gsi", "ByEmail:email:S:projection=keys_only",
                "lsi", "ByScore:score:N", "stream", "NEW_AND_OLD_IMAGES", "ttl-attribute", "expires_at", "tag", "team=payments",
                "tag", "env=prod", "pitr", "true", "pitr-recovery-days", "14", "deletion-protection", "true",
                "max-read-units", "500", "warm-read-units", "20000", "resource-policy", POLICY, "contributor-insights", "true"),
                Set.of()));

        assertThat(exported.table()).isEqualTo("Orders");
        assertThat(exported.fileName()).isEqualTo("Orders.yaml");
        assertThat(exported.skipped()).isEmpty();
        assertThat(exported.document()).isEqualTo("""
                name: Orders
                pk: customer:S
                sk: order_id:S
                billing-mode: on-demand
                gsi:
                  - ByEmail:email:S:projection=keys_only
                  - "ByStatus:status:S,created:N:projection=include(currency,total)"
                lsi:
                  - ByScore:score:N
                stream: NEW_AND_OLD_IMAGES
                ttl-attribute: expires_at
                tag:
                  env: prod
                  team: payments
                sse: aws-owned
                table-class: standard
                deletion-protection: true
                pitr: true
                pitr-recovery-days: 14
                max-read-units: 500
                warm-read-units: 20000
                resource-policy: '{"Version":"2012-10-17","Statement":[]}'
                contributor-insights: true
                """);
    }

    @Test
    void a_provisioned_table_has_its_capacity_and_each_index_its_own() {
        ExportedTable exported = export(ReportedTable.of(table("name", "Events", "pk", "device:S", "billing-mode", "provisioned",
                "read-capacity", "20", "write-capacity", "5", "gsi", "ByKind:kind:S:rcu=2:wcu=1", "sse",
                "kms:arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "table-class", "standard-ia"),
                Set.of()));

        assertThat(exported.document()).isEqualTo("""
                name: Events
                pk: device:S
                billing-mode: provisioned
                read-capacity: 20
                write-capacity: 5
                gsi:
                  - ByKind:kind:S:rcu=2:wcu=1
                stream: off
                ttl-attribute: off
                sse: kms:arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
                table-class: standard-ia
                deletion-protection: false
                pitr: false
                resource-policy: off
                contributor-insights: false
                """);
    }

    @Test
    void what_the_endpoint_does_not_report_is_left_out_with_a_line_each_saying_why() {
        ExportedTable exported = export(ReportedTable.of(table("name", "Legacy", "pk", "id:S"),
                EnumSet.of(Setting.DELETION_PROTECTION, Setting.TABLE_CLASS, Setting.TTL_ATTRIBUTE, Setting.PITR, Setting.TAG,
                        Setting.CONTRIBUTOR_INSIGHTS, Setting.RESOURCE_POLICY)));

        assertThat(exported.document()).isEqualTo("""
                name: Legacy
                pk: id:S
                billing-mode: on-demand
                sse: aws-owned
                table-class: standard
                """);
        assertThat(exported.skipped()).as("no table class is a standard table's: DynamoDB leaves it out for some").containsExactly(
                "stream: not reported by this endpoint; not exported",
                "TTL: not available from this endpoint (UnknownOperationException); not exported",
                "tags: not permitted to read it (AccessDeniedException); not exported",
                "deletion protection: not reported by this endpoint; not exported",
                "point-in-time recovery: not available from this endpoint (HTTP 501); not exported",
                "resource policy: not permitted to read it (AccessDeniedException); not exported",
                "contributor insights: not available from this endpoint (HTTP 500); not exported");
    }

    @Test
    void aws_own_tags_and_keys_with_equals_signs_are_left_out_naming_them() {
        TableState state = ReportedTable.of(table("name", "Stack", "pk", "id:S"), Set.of()).state();
        TableState tagged = new TableState(state.table(), state.timeToLive(), state.continuousBackups(),
                Lookup.found(Map.of("aws:cloudformation:stack-name", "prod", "team", "a", "a=b", "c", "AWS:x", "y")),
                state.contributorInsights(), state.resourcePolicy());

        ExportedTable exported = export(tagged);

        assertThat(exported.document()).contains("tag:\n  team: a\n").doesNotContain("aws:", "AWS:", "a=b");
        assertThat(exported.skipped()).containsExactly(
                "tags: AWS:x, aws:cloudformation:stack-name: AWS's own (aws:), which no declaration can set; not exported",
                "tags: a=b: a key with '=', which no declaration can hold; not exported");
    }

    @Test
    void a_ttl_attribute_named_off_is_left_out_as_the_file_would_turn_ttl_off() {
        TableState state = ReportedTable.of(table("name", "Odd", "pk", "id:S"), Set.of()).state();
        ExportedTable exported = export(new TableState(state.table(), Lookup.found(TimeToLiveDescription.builder()
                .timeToLiveStatus("ENABLED").attributeName(" Off").build()), state.continuousBackups(), state.tags(),
                state.contributorInsights(), state.resourcePolicy()));

        assertThat(exported.document()).doesNotContain("ttl-attribute");
        assertThat(exported.skipped()).containsExactly("TTL: its attribute is named  Off, which a declaration reads as TTL off; not exported");
    }

    @Test
    void an_index_whose_attribute_names_the_syntax_cannot_hold_fails_the_export_naming_it() {
        ReportedTable table = ReportedTable.of(table("name", "Odd", "pk", "id:S", "sk", "ts:N"), Set.of());
        var description = table.state().table().toBuilder()
                .attributeDefinitions(List.of(definition("id", "S"), definition("ts", "N"), definition("a,b", "S")))
                .globalSecondaryIndexes(g -> g.indexName("ByAB").indexStatus("ACTIVE")
                        .keySchema(k -> k.attributeName("a,b").keyType("HASH")).projection(p -> p.projectionType("ALL")))
                .build();
        TableState state = new TableState(description, table.state().timeToLive(), table.state().continuousBackups(),
                table.state().tags(), table.state().contributorInsights(), table.state().resourcePolicy());

        assertThatThrownBy(() -> export(state)).isInstanceOf(ExportException.class)
                .hasMessage("Odd: global secondary index ByAB: its attribute names cannot be declared (they contain "
                        + "',', '=', '(' or ')', or begin or end with a space)");
        // A template could hold it, but dynoctl would not read it back: refused in both formats.
        assertThatThrownBy(() -> CloudFormationTemplate.write(ExistingTable.read(state))).isInstanceOf(ExportException.class);
    }

    @Test
    void the_index_syntax_is_written_only_where_it_reads_back_the_same() {
        KeyAttribute id = new KeyAttribute("id", AttributeType.S);
        assertThat(IndexSyntax.format(new GlobalIndex("ByX", new KeyAttribute("a:b", AttributeType.N), Optional.of(id),
                new Projection(Projection.Type.INCLUDE, List.of("z", "k: v")), Optional.empty(), Optional.empty()), false))
                .contains("ByX:a:b:N,id:S:projection=include(k: v,z)");
        assertThat(IndexSyntax.format(new LocalIndex("ByY", new KeyAttribute(" lead", AttributeType.B), Projection.ALL)))
                .contains("ByY: lead:B");
        assertThat(IndexSyntax.format(new LocalIndex("ByZ", id, new Projection(Projection.Type.INCLUDE, List.of(" padded")))))
                .isEmpty();
        assertThat(IndexSyntax.format(new GlobalIndex("ByW", new KeyAttribute("x=y", AttributeType.S), Optional.empty(),
                Projection.ALL, Optional.empty(), Optional.empty()), false)).isEmpty();
    }

    @Test
    void kms_without_a_key_arn_is_the_aws_managed_key() {
        ReportedTable table = ReportedTable.of(table("name", "Managed", "pk", "id:S"), Set.of());
        TableState state = new TableState(table.state().table().toBuilder().sseDescription(s -> s.status("ENABLED").sseType("KMS"))
                .build(), table.state().timeToLive(), table.state().continuousBackups(), table.state().tags(),
                table.state().contributorInsights(), table.state().resourcePolicy());

        assertThat(export(state).document()).contains("\nsse: aws-managed\n");
    }

    @Test
    void warm_throughput_is_written_only_above_what_every_table_starts_with() {
        assertThat(export(ReportedTable.of(table("name", "Warm", "pk", "id:S", "warm-read-units", "12000",
                "warm-write-units", "4001"), Set.of())).document()).doesNotContain("warm-read-units").contains("\nwarm-write-units: 4001\n");
    }

    @Test
    void a_policy_on_several_lines_is_a_literal_block_and_one_with_control_characters_is_escaped() {
        String pretty = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}\n";
        assertThat(export(ReportedTable.of(table("name", "Pretty", "pk", "id:S", "resource-policy", pretty), Set.of())).document())
                .contains("\nresource-policy: |-\n  {\n    \"Version\": \"2012-10-17\",\n    \"Statement\": []\n  }\n");
        String crlf = "{\"Version\": \"2012-10-17\",\r\n \"Statement\": [], \"Sid\": \"a\u2028b\"}";
        assertThat(export(ReportedTable.of(table("name", "Crlf", "pk", "id:S", "resource-policy", crlf), Set.of())).document())
                .contains("\nresource-policy: \"{\\\"Version\\\": \\\"2012-10-17\\\",\\r\\n \\\"Statement\\\": [], "
                        + "\\\"Sid\\\": \\\"a\\u2028b\\\"}\"\n");
    }

    @Test
    void strings_are_plain_only_where_every_yaml_reader_takes_them_as_that_string() {
        assertThat(List.of("Orders", "user_id:S", "ByEmail:email:S:projection=keys_only", "kms:arn:aws:kms:x", "a/b", "équipe"))
                .allSatisfy(text -> assertThat(Yaml.scalar(text)).isEqualTo(text));
        assertThat(Yaml.scalar("off")).isEqualTo("\"off\"");
        assertThat(Yaml.scalar("Yes")).isEqualTo("\"Yes\"");
        assertThat(Yaml.scalar("null")).isEqualTo("\"null\"");
        assertThat(Yaml.scalar("N")).isEqualTo("\"N\"");
        assertThat(Yaml.scalar("")).isEqualTo("\"\"");
        assertThat(Yaml.scalar("123")).isEqualTo("\"123\"");
        assertThat(Yaml.scalar("2010-09-09")).isEqualTo("\"2010-09-09\"");
        assertThat(Yaml.scalar("ends:")).isEqualTo("\"ends:\"");
        assertThat(Yaml.scalar("a #b")).isEqualTo("\"a #b\"");
        assertThat(Yaml.scalar("- x")).isEqualTo("\"- x\"");
        assertThat(Yaml.scalar("it's \"x\"")).isEqualTo("'it''s \"x\"'");
        assertThat(Yaml.scalar("a\u2028b\u0007")).isEqualTo("\"a\\u2028b\\x07\"");
        assertThat(Yaml.scalar("tab\there")).isEqualTo("\"tab\\there\"");
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeDefinition definition(String name, String type) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }
}
