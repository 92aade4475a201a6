package dev.dynoctl.cli;

import picocli.CommandLine.Option;

/** --name (alias --table-name, for AWS CLI habits). */
public final class TableNameOption {
    @Option(names = {"--name", "--table-name"}, required = true, paramLabel = "TABLE", converter = Converters.TableName.class,
            description = "Table name: 3-255 characters of a-z, A-Z, 0-9, '_', '-', '.'.")
    String name;
}
