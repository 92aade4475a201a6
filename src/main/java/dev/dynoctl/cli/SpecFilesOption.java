package dev.dynoctl.cli;

import dev.dynoctl.table.DeclaredTable;
import dev.dynoctl.table.SpecSources;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** -f PATH for the commands that work on many tables (plan, apply). */
final class SpecFilesOption {
    @Option(names = {"-f", "--file"}, paramLabel = "PATH", required = true, converter = Converters.Directory.class,
            description = {"A spec file (YAML: one or more tables, separated by ---; JSON: a table or a list of tables) or a "
                + "directory of *.yaml, *.yml and *.json spec files; repeatable."})
    List<Path> paths;

    /** Every declared table; any problem in any file is exit 2 before anything is sent. */
    List<DeclaredTable> read() {
        return read(paths);
    }

    /** The same for another command's -f option. */
    static List<DeclaredTable> read(List<Path> paths) {
        SpecSources.Result read = SpecSources.read(paths);
        if (!read.problems().isEmpty()) {
            throw new InvalidSpecFilesException(read.problems());
        }
        return read.tables();
    }
}
