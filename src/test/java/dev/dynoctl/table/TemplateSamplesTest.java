package dev.dynoctl.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Templates shaped like public ones and like cdk synth output (src/test/resources/templates, README there): read as their authors meant. */
class TemplateSamplesTest {
    private static Path sample(String name) {
        try {
            return Path.of(TemplateSamplesTest.class.getResource("/templates/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TemplateContext context(Map<String, String> parameters) {
        return new TemplateContext(parameters, Optional.empty(), Optional.empty(), () -> Templates.US_EAST_1, true, false);
    }

    private static SpecSources.Result read(String name, Map<String, String> parameters) {
        SpecSources.Result result = SpecSources.read(List.of(sample(name)), context(parameters));
        assertThat(result.problems()).as("problems").isEmpty();
        return result;
    }

    @Test
    void the_sample_table_takes_its_key_from_a_parameter_that_must_be_given() {
        SpecSources.Result unset = SpecSources.read(List.of(sample("cfn-sample-table.yaml")), context(Map.of()));
        assertThat(unset.problems()).extracting(SpecProblem::setting).containsOnly(
                "Resources.sampleTable.Properties.AttributeDefinitions[0].AttributeName.Ref",
                "Resources.sampleTable.Properties.KeySchema[0].AttributeName.Ref");
        assertThat(unset.problems().get(0).message()).isEqualTo("parameter KeyName has no value: give --parameter KeyName=VALUE "
                + "(it has no Default)");

        TableSpec spec = read("cfn-sample-table.yaml", Map.of("KeyName", "isbn")).tables().get(0).spec();

        assertThat(spec.name()).isEqualTo("sampleTable");
        assertThat(spec.partitionKey()).isEqualTo(new KeyAttribute("isbn", AttributeType.S));
        assertThat(spec.billing()).isEqualTo(new Billing.Provisioned(5, 10));
        assertThat(spec.pitr()).contains(new Pitr(true, Optional.empty()));
    }

    @Test
    void the_json_sample_has_its_indexes_and_their_capacity() {
        TableSpec spec = read("cfn-secondary-indexes.json", Map.of("ReadUnits", "7")).tables().get(0).spec();

        assertThat(spec.name()).isEqualTo("BooksTable");
        assertThat(spec.sortKey()).contains(new KeyAttribute("Title", AttributeType.S));
        assertThat(spec.billing()).isEqualTo(new Billing.Provisioned(7, 10));
        assertThat(spec.localIndexes()).extracting(LocalIndex::name).containsExactly("ByLanguage");
        assertThat(spec.globalIndexes()).singleElement().satisfies(index -> {
            assertThat(index.name()).isEqualTo("ByTitle");
            assertThat(index.capacity()).contains(new Throughput(7, 10));
        });
    }

    @Test
    void sam_simple_tables_bare_with_a_number_key_and_tagged() {
        List<TableSpec> specs = read("sam-simple-tables.yaml", Map.of("OwnerTag", "ops")).tables().stream()
                .map(DeclaredTable::spec).toList();

        assertThat(specs).extracting(TableSpec::name).containsExactly("BareTable", "MembersTable", "TaggedTable");
        assertThat(specs.get(0).partitionKey()).isEqualTo(new KeyAttribute("id", AttributeType.S));
        assertThat(specs.get(0).billing()).isEqualTo(new Billing.OnDemand());
        assertThat(specs.get(1).partitionKey()).isEqualTo(new KeyAttribute("member-number", AttributeType.N));
        assertThat(specs.get(1).billing()).isEqualTo(new Billing.Provisioned(20, 10));
        assertThat(specs.get(2).tags()).containsExactly(Map.entry("team", "payments"), Map.entry("note", ""),
                Map.entry("owner", "ops"), Map.entry("cost-centre", "123"));
    }

    @Test
    void cdk_synth_output_needs_names_and_is_read_with_its_logical_ids() {
        SpecSources.Result unnamed = SpecSources.read(List.of(sample("cdk-synth.template.json")), Templates.none());
        assertThat(unnamed.problems()).extracting(SpecProblem::setting).containsExactly(
                "Resources.UsersTable9725E9C8.Properties.TableName", "Resources.OrdersTableA1B2C3D4.Properties.TableName");

        SpecSources.Result result = read("cdk-synth.template.json", Map.of());

        assertThat(result.tables()).extracting(table -> table.origin().resource())
                .containsExactly("UsersTable9725E9C8", "OrdersTableA1B2C3D4");
        TableSpec users = result.tables().get(0).spec();
        assertThat(users.name()).isEqualTo("UsersTable9725E9C8");
        assertThat(users.globalIndexes()).extracting(GlobalIndex::name).containsExactly("byEmail");
        assertThat(users.stream()).contains(Toggle.on(StreamView.NEW_AND_OLD_IMAGES));
        assertThat(users.ttl()).contains(Toggle.on("expiresAt"));
        TableSpec orders = result.tables().get(1).spec();
        assertThat(orders.billing()).isEqualTo(new Billing.Provisioned(5, 5));
        assertThat(orders.deletionProtection()).contains(true);
        assertThat(orders.tags()).containsExactly(Map.entry("project", "shop"));
    }
}
