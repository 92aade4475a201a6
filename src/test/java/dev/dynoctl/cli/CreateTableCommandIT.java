package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynoctl.support.CliRun;
import dev.dynoctl.support.EmulatorExtension;
import dev.dynoctl.support.Emulator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

@ExtendWith(EmulatorExtension.class)
class CreateTableCommandIT {
    private final Emulator ddb;

    CreateTableCommandIT(Emulator ddb) {
        this.ddb = ddb;
    }

    private TableDescription describe(String table) {
        return ddb.client().describeTable(r -> r.tableName(table)).table();
    }

    @Test
    void creates_an_on_demand_table_and_reports_it_active() {
        String table = Emulator.uniqueTableName("Users");

        CliRun run = ddb.run("create-table", "--name", table, "--pk", "user_id:S").expect(ExitCode.OK);

        assertThat(run.out()).startsWith("Created table " + table + ": ACTIVE after ")
                .contains(TableCommandsIT.row("Partition key", "user_id (S)"), TableCommandsIT.row("Sort key", "none"),
                        TableCommandsIT.row("Billing mode", "on-demand"));
        assertThat(run.err()).isEmpty();
        TableDescription actual = describe(table);
        assertThat(actual.tableStatusAsString()).isEqualTo("ACTIVE");
        assertThat(actual.keySchema()).singleElement().satisfies(k -> {
            assertThat(k.attributeName()).isEqualTo("user_id");
            assertThat(k.keyType()).isEqualTo(KeyType.HASH);
        });
        assertThat(actual.attributeDefinitions()).singleElement()
                .satisfies(a -> assertThat(a.attributeTypeAsString()).isEqualTo("S"));
    }

    @Test
    void table_name_alias_and_sort_key_reach_dynamodb() {
        String table = Emulator.uniqueTableName("Events");

        ddb.run("create-table", "--table-name", table, "--pk", "device:S", "--sk", "ts:N").expect(ExitCode.OK);

        TableDescription actual = describe(table);
        assertThat(actual.keySchema()).extracting(k -> k.attributeName() + "/" + k.keyTypeAsString())
                .containsExactly("device/HASH", "ts/RANGE");
        assertThat(actual.attributeDefinitions()).extracting(a -> a.attributeName() + ":" + a.attributeTypeAsString())
                .containsExactlyInAnyOrder("device:S", "ts:N");
    }

    @Test
    void provisioned_capacity_reaches_dynamodb() {
        String table = Emulator.uniqueTableName("Orders");

        ddb.run("create-table", "--name", table, "--pk", "id:B", "--billing-mode", "PROVISIONED",
                "--read-capacity", "5", "--write-capacity", "7").expect(ExitCode.OK);

        TableDescription actual = describe(table);
        assertThat(actual.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(actual.provisionedThroughput().writeCapacityUnits()).isEqualTo(7L);
        if (actual.billingModeSummary() != null) {
            assertThat(actual.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
        }
        ddb.run("create-table", "--name", table, "--pk", "id:B", "--billing-mode", "provisioned",
                "--read-capacity", "5", "--write-capacity", "7").expect(ExitCode.OK);
    }

    @Test
    void rerun_with_the_same_declaration_says_it_exists_and_exits_0() {
        String table = Emulator.uniqueTableName("Users");
        ddb.run("create-table", "--name", table, "--pk", "user_id:S").expect(ExitCode.OK);

        CliRun again = ddb.run("create-table", "--name", table, "--pk", "user_id:S").expect(ExitCode.OK);

        assertThat(again.out()).startsWith("Table " + table + " already exists as declared: ACTIVE.");
        assertThat(ddb.client().listTables().tableNames()).containsOnlyOnce(table);
    }

    @Test
    void rerun_with_other_keys_exits_3_with_one_line_per_difference_and_changes_nothing() {
        String table = Emulator.uniqueTableName("Users");
        ddb.run("create-table", "--name", table, "--pk", "user_id:S").expect(ExitCode.OK);
        TableDescription before = describe(table);

        CliRun run = ddb.run("create-table", "--name", table, "--pk", "user_id:N", "--sk", "ts:N",
                "--billing-mode", "provisioned", "--read-capacity", "1", "--write-capacity", "1").expect(ExitCode.TABLE_DIFFERS);

        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "dynoctl create-table: table " + table + " exists but differs from what was declared (nothing was changed):",
                "  partition key: declared user_id (N), actual user_id (S) (requires replacing the table)",
                "  sort key: declared ts (N), actual none (requires replacing the table)");
        assertThat(describe(table)).isEqualTo(before);
    }

    @Test
    void other_capacity_on_a_provisioned_table_is_changed_in_place() {
        String table = Emulator.uniqueTableName("Orders");
        ddb.run("create-table", "--name", table, "--pk", "id:S", "--billing-mode", "provisioned",
                "--read-capacity", "5", "--write-capacity", "5").expect(ExitCode.OK);

        CliRun run = ddb.run("create-table", "--name", table, "--pk", "id:S", "--billing-mode", "provisioned",
                "--read-capacity", "10", "--write-capacity", "5").expect(ExitCode.OK);

        assertThat(run.out()).startsWith("Table " + table + " exists; applied 1 change: ACTIVE after ")
                .contains("Applied: capacity: read 5, write 5 -> read 10, write 5");
        assertThat(describe(table).provisionedThroughput().readCapacityUnits()).isEqualTo(10L);
    }

    @Test
    void json_output_is_the_describe_table_shape_plus_outcome() throws Exception {
        String table = Emulator.uniqueTableName("Users");
        ObjectMapper mapper = new ObjectMapper();

        JsonNode created = mapper.readTree(ddb.run("create-table", "--name", table, "--pk", "user_id:S", "-o", "json")
                .expect(ExitCode.OK).out());
        JsonNode exists = mapper.readTree(ddb.run("create-table", "--name", table, "--pk", "user_id:S", "--output", "json")
                .expect(ExitCode.OK).out());

        assertThat(created.path("Outcome").asText()).isEqualTo("CREATED");
        assertThat(exists.path("Outcome").asText()).isEqualTo("EXISTS");
        JsonNode described = created.path("Table");
        assertThat(described.path("TableName").asText()).isEqualTo(table);
        assertThat(described.path("TableStatus").asText()).isEqualTo("ACTIVE");
        assertThat(described.path("KeySchema").get(0).path("AttributeName").asText()).isEqualTo("user_id");
        assertThat(described.path("KeySchema").get(0).path("KeyType").asText()).isEqualTo("HASH");
        assertThat(described.path("AttributeDefinitions").get(0).path("AttributeType").asText()).isEqualTo("S");
        assertThat(described.path("TableArn").asText()).isEqualTo(describe(table).tableArn());
        assertThat(described.path("ItemCount").isNumber()).isTrue();
    }

    @Test
    void quiet_prints_only_the_result() {
        String table = Emulator.uniqueTableName("Users");

        CliRun run = ddb.run("create-table", "--name", table, "--pk", "user_id:S", "-q", "-o", "json").expect(ExitCode.OK);

        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("{");
    }

    @Test
    void ten_concurrent_creators_of_one_table_all_exit_0_and_one_table_exists() throws Exception {
        String table = Emulator.uniqueTableName("Race");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<CliRun>> runs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                runs.add(pool.submit(() -> ddb.run("create-table", "--name", table, "--pk", "id:S", "-o", "json")));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<CliRun> run : runs) {
                String out = run.get().expect(ExitCode.OK).out();
                outcomes.add(new ObjectMapper().readTree(out).path("Outcome").asText());
            }
            assertThat(outcomes).containsOnly("CREATED", "EXISTS").containsOnlyOnce("CREATED");
        } finally {
            pool.shutdownNow();
        }
        assertThat(ddb.client().listTables().tableNames()).containsOnlyOnce(table);
        assertThat(describe(table).tableStatusAsString()).isEqualTo("ACTIVE");
    }
}
