package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynoctl.support.CliRun;
import dev.dynoctl.support.EmulatorExtension;
import dev.dynoctl.support.Emulator;
import dev.dynoctl.support.Terminals;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** describe-table, list-tables and delete-table against moto's server. */
@ExtendWith(EmulatorExtension.class)
class TableCommandsIT {
    private final Emulator ddb;

    TableCommandsIT(Emulator ddb) {
        this.ddb = ddb;
    }

    /** A line of the text view: label and value aligned as dynoctl prints them. */
    static String row(String label, String value) {
        return String.format("%-24s %s", label + ":", value);
    }

    private void createWithClient(String table, boolean deletionProtection) {
        ddb.client().createTable(r -> r.tableName(table)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .deletionProtectionEnabled(deletionProtection));
    }


    @Test
    void describe_shows_status_keys_billing_counts_arn_and_creation_time() {
        String table = Emulator.uniqueTableName("Orders");
        ddb.run("create-table", "--name", table, "--pk", "customer:S", "--sk", "order:N", "--billing-mode", "provisioned",
                "--read-capacity", "3", "--write-capacity", "4").expect(ExitCode.OK);
        ddb.client().putItem(r -> r.tableName(table).item(java.util.Map.of(
                "customer", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("c1"),
                "order", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1"))));

        CliRun run = ddb.run("describe-table", "--name", table).expect(ExitCode.OK);

        var actual = ddb.client().describeTable(r -> r.tableName(table)).table();
        assertThat(run.out().lines()).containsSubsequence(
                row("Table", table),
                row("Status", "ACTIVE"),
                row("Partition key", "customer (S)"),
                row("Sort key", "order (N)"),
                row("Billing mode", "provisioned (read 3, write 4)"),
                row("Deletion protection", "off"),
                row("Items", String.valueOf(actual.itemCount())),
                row("Size", actual.tableSizeBytes() + " bytes"),
                row("ARN", actual.tableArn()),
                row("Created", actual.creationDateTime().toString()),
                row("Stream", "off"),
                row("TTL", "off"),
                row("Point-in-time recovery", "DISABLED"),
                row("Contributor insights", "not available from this endpoint (HTTP 500)"),
                row("Encryption", "AWS owned key"),
                row("Table class", "STANDARD"),
                row("Tags", "none"),
                row("Global indexes", "none"),
                row("Local indexes", "none"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void describe_json_is_the_aws_cli_shape() throws Exception {
        String table = Emulator.uniqueTableName("Users");
        createWithClient(table, false);

        JsonNode json = new ObjectMapper().readTree(ddb.run("describe-table", "--name", table, "-o", "json").expect(ExitCode.OK).out());

        assertThat(json.fieldNames()).toIterable().startsWith("Table")
                .contains("TimeToLiveDescription", "ContinuousBackupsDescription", "Tags")
                .doesNotContain("ContributorInsightsStatus"); // moto has no contributor insights (HTTP 500)
        assertThat(json.path("Table").path("TableName").asText()).isEqualTo(table);
        assertThat(json.path("Table").path("BillingModeSummary").path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(json.path("Table").path("CreationDateTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void describe_of_a_missing_table_exits_4() {
        CliRun run = ddb.run("describe-table", "--name", "NoSuchTable-xyz").expect(ExitCode.NOT_FOUND);

        assertThat(run.errLines()).containsExactly("dynoctl describe-table: table NoSuchTable-xyz not found");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void list_follows_pagination_past_100_tables() throws Exception {
        String prefix = Emulator.uniqueTableName("Many");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 105; i++) {
            String table = prefix + "-" + i;
            createWithClient(table, false);
            created.add(table);
        }
        try {
            CliRun text = ddb.run("list-tables").expect(ExitCode.OK);
            JsonNode json = new ObjectMapper().readTree(ddb.run("list-tables", "-o", "json").expect(ExitCode.OK).out());

            assertThat(text.out().lines()).containsAll(created).doesNotHaveDuplicates();
            List<String> jsonNames = new ArrayList<>();
            json.path("TableNames").forEach(n -> jsonNames.add(n.asText()));
            assertThat(jsonNames).containsAll(created).hasSize((int) text.out().lines().count());
        } finally {
            created.forEach(t -> ddb.client().deleteTable(r -> r.tableName(t)));
        }
    }

    @Test
    void delete_with_yes_deletes_and_waits_until_gone() throws Exception {
        String table = Emulator.uniqueTableName("Gone");
        createWithClient(table, false);

        CliRun run = ddb.run("delete-table", "--name", table, "--yes").expect(ExitCode.OK);

        assertThat(run.out()).isEqualTo("Deleted table " + table + ".\n");
        assertThat(ddb.tableExists(table)).isFalse();
        CliRun again = ddb.run("delete-table", "--name", table, "--yes", "-o", "json").expect(ExitCode.NOT_FOUND);
        assertThat(again.out()).isEmpty();
    }

    @Test
    void delete_json_reports_the_deleted_table() throws Exception {
        String table = Emulator.uniqueTableName("Gone");
        createWithClient(table, false);

        JsonNode json = new ObjectMapper().readTree(
                ddb.run("delete-table", "--name", table, "--yes", "-o", "json").expect(ExitCode.OK).out());

        assertThat(json.path("TableDescription").path("TableName").asText()).isEqualTo(table);
        assertThat(json.path("Outcome").asText()).isEqualTo("DELETED");
    }

    @Test
    void delete_without_yes_and_without_terminal_refuses_and_keeps_the_table() {
        String table = Emulator.uniqueTableName("Kept");
        createWithClient(table, false);

        CliRun run = ddb.run("delete-table", "--name", table).expect(ExitCode.REFUSED);

        assertThat(run.errLines()).singleElement().asString().contains("--yes");
        assertThat(ddb.tableExists(table)).isTrue();
    }

    @Test
    void delete_at_a_terminal_deletes_only_when_the_table_name_is_typed() {
        String table = Emulator.uniqueTableName("Typed");
        createWithClient(table, false);
        List<String> prompts = Terminals.prompts();

        ddb.run(Terminals.typing(table.toUpperCase(), prompts), List.of(), "delete-table", "--name", table)
                .expect(ExitCode.REFUSED);
        assertThat(ddb.tableExists(table)).isTrue();

        ddb.run(Terminals.typing(table, prompts), List.of(), "delete-table", "--name", table).expect(ExitCode.OK);
        assertThat(ddb.tableExists(table)).isFalse();
        assertThat(prompts).hasSize(2).allSatisfy(p -> assertThat(p).contains("Type the table name to confirm"));
    }

    @Test
    void deletion_protected_table_gets_a_clear_message_even_with_yes() {
        String table = Emulator.uniqueTableName("Protected");
        createWithClient(table, true);
        try {
            CliRun run = ddb.run("delete-table", "--name", table, "--yes").expect(ExitCode.REFUSED);

            assertThat(run.errLines()).singleElement().asString().contains("deletion protection enabled");
            assertThat(ddb.tableExists(table)).isTrue();
        } finally {
            ddb.client().updateTable(r -> r.tableName(table).deletionProtectionEnabled(false));
            ddb.client().deleteTable(r -> r.tableName(table));
        }
    }

    @Test
    void delete_of_a_missing_table_exits_4() {
        ddb.run("delete-table", "--name", "NoSuchTable-abc", "--yes").expect(ExitCode.NOT_FOUND);
    }
}
