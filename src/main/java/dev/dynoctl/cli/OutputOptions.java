package dev.dynoctl.cli;

import picocli.CommandLine.Option;

/** -o/--output, -v/--verbose, -q/--quiet: shared by every command. */
public final class OutputOptions {
    enum Format { text, json }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Result format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). JSON follows the AWS CLI's shapes.")
    Format format = Format.text;

    @Option(names = {"-v", "--verbose"},
            description = "More detail on stderr: -v info logs and stack traces of errors, -vv also AWS SDK requests (debug).")
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
