package dev.dynoctl.export;

import dev.dynoctl.table.DynamoDbTables;
import dev.dynoctl.table.ExistingTable;
import dev.dynoctl.table.Parallel;
import dev.dynoctl.table.TableNotFoundException;
import dev.dynoctl.table.TableState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads tables for export: DescribeTable and every follow-up read, into the model of what exists. */
public final class TableExporter {
    /** How many tables are read at once (as plan reads them). */
    static final int READERS = 16;

    private final DynamoDbTables tables;

    public TableExporter(DynamoDbTables tables) {
        this.tables = tables;
    }

    /** @throws TableNotFoundException when there is no such table */
    public ExistingTable read(String table) {
        return readIfExists(table).orElseThrow(() -> new TableNotFoundException(table));
    }

    /** Every table of the region, in ListTables' order; {@code gone}: listed, but deleted before it could be read. */
    public record Region(List<ExistingTable> tables, List<String> gone) {
    }

    public Region readAll() {
        List<String> names = tables.listNames();
        List<Optional<ExistingTable>> read = Parallel.map(names, READERS, "dynoctl-export", this::readIfExists);
        List<ExistingTable> found = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (read.get(i).isPresent()) {
                found.add(read.get(i).get());
            } else {
                gone.add(names.get(i));
            }
        }
        return new Region(found, gone);
    }

    private Optional<ExistingTable> readIfExists(String table) {
        return tables.describe(table)
                .map(description -> ExistingTable.read(TableState.read(tables, description, TableState.Aspects.EXPORT)));
    }
}
