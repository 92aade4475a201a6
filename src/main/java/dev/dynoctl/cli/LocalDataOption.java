package dev.dynoctl.cli;

import dev.dynoctl.local.LocalDataDir;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** --data-dir for the `local` commands. */
final class LocalDataOption {
    @Option(names = "--data-dir", paramLabel = "DIR", converter = Converters.Directory.class,
            description = "Where the local engine keeps its pid file, log and dynalite's tables (default: $DYNOCTL_LOCAL_DATA, else e.g. ~/.local/share/dynoctl/local).")
    Path dataDir;

    /** " --data-dir DIR" when one was given, for hints that must name the same directory. */
    String asOption() {
        return dataDir == null ? "" : " --data-dir " + dataDir;
    }

    Path resolve(Map<String, String> environment) {
        return LocalDataDir.resolve(environment, Optional.ofNullable(dataDir));
    }
}
