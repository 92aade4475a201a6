package dev.dynoctl.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** --name, or --table-name for AWS CLI habits (two options, so messages name the one the user typed). */
public final class TableNameOption {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Name table;

    static final class Name {
        @Option(names = "--name", required = true, paramLabel = "TABLE", converter = Converters.TableName.class,
                description = "Table name: 3-255 characters of a-z, A-Z, 0-9, '_', '-', '.'.")
        String name;

        @Option(names = "--table-name", required = true, paramLabel = "TABLE", converter = Converters.TableName.class,
                description = "Same as --name.")
        String tableName;
    }

    String name() {
        return table.name != null ? table.name : table.tableName;
    }
}
