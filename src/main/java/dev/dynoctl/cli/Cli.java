package dev.dynoctl.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/** The one factory for the command line, used by {@link Main} and by every test. */
public final class Cli {
    /** The subcommands, in help order. */
    private static final Map<String, Class<?>> COMMANDS = commands();

    private Cli() {
    }

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("create-table", CreateTableCommand.class);
        commands.put("describe-table", DescribeTableCommand.class);
        commands.put("list-tables", ListTablesCommand.class);
        commands.put("delete-table", DeleteTableCommand.class);
        commands.put("wait", WaitCommand.class);
        commands.put("plan", PlanCommand.class);
        commands.put("apply", ApplyCommand.class);
        commands.put("status", StatusCommand.class);
        commands.put("export-table", ExportTableCommand.class);
        commands.put("local", LocalCommand.class);
        commands.put("generate-completion", AutoComplete.GenerateCompletion.class);
        commands.put("cds-training", ClassCacheTrainingCommand.class);
        return commands;
    }

    /** The whole command line: every subcommand (help, completion, tests). */
    public static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
        return commandLine(context, out, err, COMMANDS.keySet());
    }

    /**
     * The command line for these arguments. picocli builds the model of every subcommand it is given, which costs
     * start-up time (about 25 ms and 2 MB for all of them), so a run that names a subcommand gets only that one;
     * anything else (root options such as --help, no command, an unknown one) gets them all. The build's "gen-manpage" run adds the hidden man
     * page generator, which writes the man pages (AsciiDoc, then troff) from this very model.
     */
    public static CommandLine forArguments(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        // Only a command given first is built alone: options before it (dynoctl --help create-table) are the root's.
        String first = args.length == 0 ? "" : args[0];
        if (first.equals("gen-manpage")) {
            CommandLine commandLine = commandLine(context, out, err);
            CommandLine manPages = new CommandLine(new ManPageGenerator());
            manPages.getCommandSpec().usageMessage().hidden(true);
            return commandLine.addSubcommand("gen-manpage", manPages);
        }
        boolean named = COMMANDS.containsKey(first) && !first.equals("generate-completion");
        return commandLine(context, out, err, named ? Set.of(first) : COMMANDS.keySet());
    }

    private static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err, Set<String> names) {
        ErrorReporter errors = new ErrorReporter();
        ContextFactory factory = new ContextFactory(context);
        CommandLine commandLine = new CommandLine(new DynoctlCommand(), factory);
        for (String name : names) {
            try {
                commandLine.addSubcommand(name, new CommandLine(factory.create(COMMANDS.get(name)), factory));
            } catch (Exception e) {
                throw new IllegalStateException("cannot build command " + name, e);
            }
        }
        commandLine.setOut(out)
                .setErr(err)
                // "@name" is a value (--resource-policy @policy.json), never a file of arguments to splice in.
                .setExpandAtFiles(false)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
        CommandLine.IVersionProvider version = commandLine.getCommandSpec().versionProvider();
        everyCommand(commandLine, spec -> {
            spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.helpList());
            spec.versionProvider(version); // every command's -V, not only the root's, prints the version
        });
        return commandLine;
    }

    private static void everyCommand(CommandLine commandLine, Consumer<CommandLine.Model.CommandSpec> action) {
        action.accept(commandLine.getCommandSpec());
        commandLine.getSubcommands().values().forEach(sub -> everyCommand(sub, action));
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
