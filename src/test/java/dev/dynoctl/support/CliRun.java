package dev.dynoctl.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynoctl.cli.Cli;
import dev.dynoctl.cli.CliContext;
import dev.dynoctl.cli.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

/** One run of the real command line: exit code and everything it printed. Failures show all three. */
public record CliRun(List<String> args, int exitCode, String out, String err) {

    public static CliRun run(CliContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Cli.forArguments(context, new PrintWriter(out, true), new PrintWriter(err, true), args).execute(args);
        return new CliRun(Arrays.asList(args), exitCode, out.toString(), err.toString());
    }

    public CliRun expect(ExitCode expected) {
        assertThat(exitCode).as("exit code of dynoctl %s%nstdout:%n%s%nstderr:%n%s", String.join(" ", args), out, err)
                .isEqualTo(expected.code());
        return this;
    }

    public List<String> errLines() {
        return err.lines().toList();
    }
}
