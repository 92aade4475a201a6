package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynoctl.table.Change;
import dev.dynoctl.table.DeclaredTable;
import dev.dynoctl.table.Difference;
import dev.dynoctl.table.Origin;
import dev.dynoctl.table.SpecParser;
import dev.dynoctl.table.Step;
import dev.dynoctl.table.TablePlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** plan's two formats, from the same plans: the text a person reads and the JSON document CI parses. */
class RendererTest {
    private static final List<DeclaredTable> DECLARED = List.of(
            new DeclaredTable(SpecParser.parse(Map.of("name", List.of("Orders"), "pk", List.of("id:S"))),
                    new Origin(Path.of("tables/orders.yaml"), 1, 0)),
            new DeclaredTable(SpecParser.parse(Map.of("name", List.of("Legacy"), "pk", List.of("id:N"))),
                    new Origin(Path.of("tables/all.yaml"), 4, 2)));
    private static final List<TablePlan> PLANS = List.of(
            new TablePlan("Orders", TablePlan.Action.CHANGE,
                    List.of(new Step(new Change.TimeToLive(true, "expires"), "TTL", "off", "on (attribute expires)")),
                    List.of(), List.of(), Optional.empty()),
            new TablePlan("Legacy", TablePlan.Action.BLOCKED, List.of(),
                    List.of(new Difference("partition key", "id (N)", "pk (S)")), List.of(), Optional.empty()));

    private static String render(boolean json) {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out);
        (json ? new JsonRenderer(writer) : new TextRenderer(writer)).plans(DECLARED, PLANS, List.of("Other"));
        return out.toString();
    }

    @Test
    void deletion_protection_an_endpoint_does_not_report_is_not_shown_as_off() {
        TableDescription.Builder base = TableDescription.builder().tableName("Users").tableStatus("ACTIVE");
        StringWriter unreported = new StringWriter();
        new TextRenderer(new PrintWriter(unreported)).table("Users", true, "Table", base.build(), Map.of());
        StringWriter reported = new StringWriter();
        new TextRenderer(new PrintWriter(reported)).table("Users", true, "Table", base.deletionProtectionEnabled(false).build(), Map.of());

        assertThat(unreported.toString().lines()).contains("Deletion protection:     not reported by this endpoint");
        assertThat(reported.toString().lines()).contains("Deletion protection:     off");
    }

    @Test
    void what_would_unblock_a_table_is_a_field_of_its_own_in_json_and_said_after_the_values_in_text() {
        List<DeclaredTable> declared = List.of(DECLARED.get(1));
        List<TablePlan> plans = List.of(new TablePlan("Legacy", TablePlan.Action.BLOCKED, List.of(),
                List.of(new Difference("global secondary index ByOld", "none", "keys old (S), projection ALL",
                        Optional.of("--prune-indexes deletes it"))), List.of(), Optional.empty()));
        StringWriter text = new StringWriter();
        new TextRenderer(new PrintWriter(text)).plans(declared, plans, List.of());
        StringWriter json = new StringWriter();
        new JsonRenderer(new PrintWriter(json)).plans(declared, plans, List.of());

        assertThat(text.toString()).contains("  global secondary index ByOld: declared none, actual keys old (S), projection ALL "
                + "(--prune-indexes deletes it)");
        assertThat(json.toString().replaceAll("\\s+", "")).contains("\"Actual\":\"keys old (S), projection ALL\"".replace(" ", "")
                + ",\"RequiresReplacement\":false,\"Remedy\":\"--prune-indexes deletes it\"".replace(" ", ""));
    }

    @Test
    void plan_as_text() {
        assertThat(render(false).lines()).containsExactly(
                "Orders: change (tables/orders.yaml:1)",
                "  TTL: off -> on (attribute expires)",
                "Legacy: blocked (tables/all.yaml:4 (document 2)): requires replacing the table; apply changes nothing while "
                        + "a table is blocked",
                "  partition key: declared id (N), actual pk (S) (requires replacing the table)",
                "Other: unmanaged (no spec file declares it; left alone)",
                "Plan: 1 to change, 1 blocked, 1 unmanaged.");
    }

    @Test
    void plan_as_json_keeps_its_fields_in_order() {
        String json = render(true).replaceAll("\\s+", "");

        assertThat(json).isEqualTo("{\"Tables\":["
                + "{\"TableName\":\"Orders\",\"Action\":\"CHANGE\",\"Source\":\"tables/orders.yaml:1\","
                + "\"Steps\":[{\"Setting\":\"TTL\",\"Before\":\"off\",\"After\":\"on(attributeexpires)\"}],\"Blockers\":[],\"Skipped\":[]},"
                + "{\"TableName\":\"Legacy\",\"Action\":\"BLOCKED\",\"Source\":\"tables/all.yaml:4(document2)\",\"Steps\":[],"
                + "\"Blockers\":[{\"Setting\":\"partitionkey\",\"Declared\":\"id(N)\",\"Actual\":\"pk(S)\",\"RequiresReplacement\":true}],"
                + "\"Skipped\":[]},"
                + "{\"TableName\":\"Other\",\"Action\":\"UNMANAGED\"}],"
                + "\"Summary\":{\"Create\":0,\"Change\":1,\"Wait\":0,\"InSync\":0,\"Blocked\":1,\"Unmanaged\":1}}");
    }

    @Test
    void a_templates_table_is_named_with_its_logical_id_in_both_formats() {
        List<DeclaredTable> declared = List.of(new DeclaredTable(DECLARED.get(0).spec(),
                new Origin(Path.of("template.yaml"), 12, 0, "OrdersTable")));
        List<TablePlan> plans = List.of(new TablePlan("Orders", TablePlan.Action.CREATE, List.of(), List.of(), List.of(),
                Optional.empty()));
        StringWriter text = new StringWriter();
        new TextRenderer(new PrintWriter(text)).plans(declared, plans, List.of());
        StringWriter json = new StringWriter();
        new JsonRenderer(new PrintWriter(json)).plans(declared, plans, List.of());

        assertThat(text.toString().lines()).containsExactly("Orders (OrdersTable): create (template.yaml:12)", "Plan: 1 to create.");
        assertThat(json.toString().replaceAll("\\s+", "")).startsWith("{\"Tables\":[{\"TableName\":\"Orders\",\"LogicalId\":"
                + "\"OrdersTable\",\"Action\":\"CREATE\",\"Source\":\"template.yaml:12\",");
    }
}
