package dev.dynoctl.cli;

import picocli.CommandLine.Option;

/** -o/--output, -v/--verbose, -q/--quiet: shared by every command. */
public final class OutputOptions {
    enum Format { text, json }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Result format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). JSON follows the AWS CLI's shapes.")
    Format format;

    @Option(names = {"-v", "--verbose"},
            description = "More detail on stderr: -v progress notes and stack traces, -vv also AWS SDK requests (DEBUG).")
    boolean[] verbose = new boolean[0];

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but the result (no progress, no notes).")
    boolean quiet;

    int verbosity() {
        return verbose.length;
    }

    boolean json() {
        return format == Format.json;
    }
}
