package dev.dynoctl.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/** The one factory for the command line, used by {@link Main} and by every test. */
public final class Cli {
    private Cli() {
    }

    public static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
        ErrorReporter errors = new ErrorReporter();
        CommandLine commandLine = new CommandLine(new DynoctlCommand(), new ContextFactory(context))
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
        setExitCodeHelp(commandLine);
        return commandLine;
    }

    /**
     * Adds the hidden "gen-manpage" subcommand, which the build runs to write the man pages (AsciiDoc, then troff) from
     * this very model. Only for that run: every subcommand's model costs start-up time.
     */
    static CommandLine withManPageGenerator(CommandLine commandLine) {
        CommandLine manPages = new CommandLine(new ManPageGenerator());
        manPages.getCommandSpec().usageMessage().hidden(true);
        return commandLine.addSubcommand("gen-manpage", manPages);
    }

    private static void setExitCodeHelp(CommandLine commandLine) {
        commandLine.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCode.helpList());
        commandLine.getSubcommands().values().forEach(Cli::setExitCodeHelp);
    }

    /** Hands the {@link CliContext} to commands whose constructor takes it; everything else is built as usual. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == CliContext.class) {
                    return type.cast(constructor.newInstance(context));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
