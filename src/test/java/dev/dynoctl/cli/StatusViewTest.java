package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynoctl.table.ExistingTable;
import dev.dynoctl.table.Lookup;
import dev.dynoctl.table.TableState;
import dev.dynoctl.table.TableStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The status table as text: states rolled up, columns aligned with and without colour, what is not reported. */
class StatusViewTest {
    private static TableDescription.Builder table(String name, String status) {
        return TableDescription.builder().tableName(name).tableStatus(status)
                .keySchema(k -> k.attributeName("id").keyType("HASH")).attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                .billingModeSummary(b -> b.billingMode("PAY_PER_REQUEST")).itemCount(1234567L).tableSizeBytes(2_500_000L)
                .deletionProtectionEnabled(true);
    }

    private static TableStatus status(TableDescription.Builder table) {
        TableState state = new TableState(table.build(), Lookup.notAvailable("UnknownOperationException"), Lookup.notRead(),
                Lookup.notRead(), Lookup.notRead(), Lookup.notRead());
        return new TableStatus(table.build().tableName(), Optional.of(ExistingTable.read(state)), Optional.empty());
    }

    private static final TableStatus BUILDING = status(table("Users", "ACTIVE").globalSecondaryIndexes(index -> index
            .indexName("ByEmail").indexStatus("CREATING").backfilling(true)
            .keySchema(k -> k.attributeName("id").keyType("HASH")).projection(p -> p.projectionType("ALL"))));
    private static final TableStatus MISSING = new TableStatus("Orders", Optional.empty(), Optional.empty());

    @Test
    void an_active_table_building_an_index_is_updating_with_what_is_built() {
        assertThat(BUILDING.state()).isEqualTo("UPDATING");
        assertThat(StatusView.state(BUILDING)).isEqualTo("UPDATING: index ByEmail CREATING (backfilling)");
        assertThat(BUILDING.settled()).isFalse();
    }

    @Test
    void columns_line_up_and_what_the_endpoint_does_not_report_says_so() {
        List<String> lines = StatusView.lines(List.of(BUILDING, MISSING), Ansi.OFF);

        assertThat(lines).containsExactly(
                "TABLE   STATE                                           BILLING    ITEMS*     SIZE*   GSIS  STREAM  TTL  PITR  PROTECTION",
                "Users   UPDATING: index ByEmail CREATING (backfilling)  on-demand  1,234,567  2.5 MB  1     off     n/a  n/a   on",
                "Orders  MISSING                                         -          -          -       -     -       -    -     -",
                "* item count and size: DynamoDB's figures, updated about every six hours",
                "n/a: not reported by this endpoint");
    }

    @Test
    void colour_does_not_move_the_columns() {
        List<String> plain = StatusView.lines(List.of(BUILDING, MISSING), Ansi.OFF);
        List<String> coloured = StatusView.lines(List.of(BUILDING, MISSING), Ansi.ON);

        assertThat(coloured.get(1)).contains("\u001B[33m").isNotEqualTo(plain.get(1));
        assertThat(coloured.get(2)).contains("\u001B[31mMISSING");
        assertThat(coloured).extracting(line -> line.replaceAll("\u001B\\[[0-9;]*m", "")).isEqualTo(plain);
    }

    @Test
    void a_terminal_counts_the_rows_long_lines_wrap_onto_without_escape_codes() {
        Terminal.Size size = new Terminal.Size(24, 10);

        assertThat(size.rowsFor(List.of("", "1234567890", "12345678901", "\u001B[32m1234567890\u001B[0m"))).isEqualTo(1 + 1 + 2 + 1);
    }
}
