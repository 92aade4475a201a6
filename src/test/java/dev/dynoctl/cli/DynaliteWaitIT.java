package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynoctl.support.CliRun;
import dev.dynoctl.support.Dynalite;
import dev.dynoctl.support.Emulator;
import dev.dynoctl.support.EmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real waits: dynalite keeps every table CREATING, UPDATING and DELETING for {@link EmulatorExtension#DYNALITE_DELAY},
 * as DynamoDB does for a few seconds. Checked from an independent client the moment dynoctl returns.
 */
@ExtendWith(EmulatorExtension.class)
class DynaliteWaitIT {
    private final Emulator dynalite;

    DynaliteWaitIT(@Dynalite Emulator dynalite) {
        this.dynalite = dynalite;
    }

    private String status(String table) {
        return dynalite.client().describeTable(r -> r.tableName(table)).table().tableStatusAsString();
    }

    @Test
    void create_table_returns_once_the_table_is_active() {
        String table = Emulator.uniqueTableName("Slow");
        long start = System.nanoTime();

        CliRun run = dynalite.run("create-table", "--name", table, "--pk", "id:S").expect(ExitCode.OK);

        assertThat(status(table)).isEqualTo("ACTIVE");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(EmulatorExtension.DYNALITE_DELAY);
        assertThat(run.out()).startsWith("Created table " + table + ": ACTIVE after ");
    }

    @Test
    void no_wait_returns_while_creating_and_wait_then_sees_it_active() {
        String table = Emulator.uniqueTableName("Later");

        CliRun created = dynalite.run("create-table", "--name", table, "--pk", "id:S", "--no-wait").expect(ExitCode.OK);
        assertThat(created.out()).startsWith("Created table " + table + ": CREATING after ");
        assertThat(status(table)).isEqualTo("CREATING");

        CliRun waited = dynalite.run("wait", "--name", table, "--until", "active").expect(ExitCode.OK);
        assertThat(waited.out()).startsWith("Table " + table + " is ACTIVE.");
        assertThat(status(table)).isEqualTo("ACTIVE");
    }

    @Test
    void wait_gives_up_with_exit_5_and_the_last_status_while_the_table_is_still_creating() {
        String table = Emulator.uniqueTableName("Patience");
        dynalite.run("create-table", "--name", table, "--pk", "id:S", "--no-wait").expect(ExitCode.OK);

        CliRun run = dynalite.run("wait", "--name", table, "--until", "active", "--timeout", "1s").expect(ExitCode.TIMEOUT);

        assertThat(run.errLines()).singleElement().asString()
                .matches("dynoctl wait: timed out after 1\\.\\d s waiting for table " + table + " to be ACTIVE; last status seen: CREATING");
    }

    @Test
    void delete_table_returns_once_the_table_is_gone() {
        String table = Emulator.uniqueTableName("Gone");
        dynalite.run("create-table", "--name", table, "--pk", "id:S").expect(ExitCode.OK);

        CliRun run = dynalite.run("delete-table", "--name", table, "--yes").expect(ExitCode.OK);

        assertThat(run.out()).startsWith("Deleted table " + table + ".");
        assertThat(dynalite.tableExists(table)).isFalse();
    }

    @Test
    void describe_table_reads_what_dynalite_has_in_text_and_json() {
        String table = Emulator.uniqueTableName("Shown");
        CliRun created = dynalite.run("create-table", "--name", table, "--pk", "id:S", "--sk", "at:N", "--ttl-attribute", "expires")
                .expect(ExitCode.OK);
        assertThat(created.errLines()).singleElement().asString().isEqualTo("dynoctl create-table: warning: TTL: off -> on "
                + "(attribute expires): not available from this endpoint (UnknownOperationException); not applied");

        assertThat(dynalite.run("describe-table", "--name", table).expect(ExitCode.OK).out())
                .contains("Status:                  ACTIVE", "Partition key:           id (S)");
        assertThat(dynalite.run("describe-table", "--name", table, "-o", "json").expect(ExitCode.OK).out())
                .startsWith("{").contains("\"TableName\": \"" + table + "\"");
    }
}
