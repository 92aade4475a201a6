package dev.dynoctl.export;

import dev.dynoctl.table.Names;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes exports into a directory, one file per table (created or replaced); other files there are left alone. */
public final class ExportDirectory {
    private ExportDirectory() {
    }

    /** The files written, in the order of the tables. */
    public static List<Path> write(Path dir, List<ExportedTable> tables) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ExportException("cannot create the directory " + dir + ": " + Names.ioReason(e));
        }
        List<Path> files = new ArrayList<>();
        for (ExportedTable table : tables) {
            Path file = dir.resolve(table.fileName());
            try {
                Files.writeString(file, table.document(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ExportException("cannot write " + file + ": " + Names.ioReason(e));
            }
            files.add(file);
        }
        return files;
    }
}
