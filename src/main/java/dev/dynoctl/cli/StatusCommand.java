package dev.dynoctl.cli;

import dev.dynoctl.aws.AwsSettings;
import dev.dynoctl.table.DeclaredTable;
import dev.dynoctl.table.DynamoDbTables;
import dev.dynoctl.table.Names;
import dev.dynoctl.table.StatusReader;
import dev.dynoctl.table.TableStatus;
import dev.dynoctl.table.TableUnusableException;
import dev.dynoctl.table.TableWaiter;
import dev.dynoctl.table.WaitClock;
import dev.dynoctl.table.WaitPolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show many tables at a glance, one line each, and optionally watch them until they are ACTIVE.",
            "Name tables, give --all for every table of the region, or -f for the tables spec files declare (with whether "
                + "each is as declared). Exit 0 when every table exists, 4 when one is missing."},
        footer = {"%nExamples:", "  dynoctl status Users Orders", "  dynoctl status --all",
            "  dynoctl status -f tables/ --watch --timeout 15m"})
final class StatusCommand extends AwsCommand {
    // Checked in validate(): picocli takes a positional value its converter refuses for an unknown argument.
    @Parameters(paramLabel = "TABLE", arity = "0..*", description = "Tables to show.")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "Every table of the region.")
    boolean all;

    @Option(names = {"-f", "--file"}, paramLabel = "PATH", converter = Converters.Directory.class,
            description = "The tables a spec file, a CloudFormation or SAM template, or a directory of them declares (as "
                    + "plan reads them), with a column "
                    + "saying whether each is in sync, differs or is missing; repeatable.")
    List<Path> files = new ArrayList<>();

    @Mixin
    TemplateOptions templates;

    @Option(names = "--watch", description = "Read again until every table and its indexes are ACTIVE: at a terminal the "
            + "table is redrawn in place, otherwise a line is printed when a table's state changes.")
    boolean watch;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.Timeout.class,
            description = "With --watch: how long to wait, e.g. 90s, 15m, 1h (default: 10m); then exit 5.")
    Duration timeout;

    private List<DeclaredTable> declared = List.of();
    private SpecFilesOption.Reading reading;

    StatusCommand(CliContext context) {
        super(context);
    }

    @Override
    void validate() {
        if (names.isEmpty() && !all && files.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "name the tables to show, or give --all or -f PATH");
        }
        for (String name : names) {
            try {
                new Converters.TableName().convert(name);
            } catch (picocli.CommandLine.TypeConversionException e) {
                throw new ParameterException(spec.commandLine(), "TABLE " + Names.quote(name) + ": " + e.getMessage());
            }
        }
        if (timeout != null && !watch) {
            throw new ParameterException(spec.commandLine(), "--timeout is for --watch only");
        }
        if (!files.isEmpty()) {
            reading = new SpecFilesOption.Reading(files, templates);
            declared = reading.read(aws, context.clients());
        }
    }

    @Override
    void prepare(AwsSettings settings) {
        if (reading != null) {
            declared = reading.complete(settings, context.clients(), this::warn);
        }
    }

    @Override
    ExitCode execute(DynamoDbTables tables, TableWaiter waiter) {
        List<StatusReader.Wanted> wanted = wanted(tables);
        StatusReader reader = new StatusReader(tables, context.clock());
        Ansi ansi = context.terminal().interactive() && !output.json() && !context.clients().environment().containsKey("NO_COLOR")
                && Ansi.AUTO.enabled() ? Ansi.ON : Ansi.OFF;
        if (!watch) {
            List<TableStatus> statuses = reader.read(wanted);
            renderer().statuses(statuses, ansi);
            return statuses.stream().anyMatch(status -> status.existing().isEmpty()) ? ExitCode.NOT_FOUND : ExitCode.OK;
        }
        return watch(reader, wanted, ansi);
    }

    /** The named tables, the declared ones, then (with --all) the region's others; each once. */
    private List<StatusReader.Wanted> wanted(DynamoDbTables tables) {
        Map<String, StatusReader.Wanted> wanted = new LinkedHashMap<>();
        names.forEach(name -> wanted.putIfAbsent(name, StatusReader.Wanted.named(name)));
        declared.forEach(table -> wanted.put(table.spec().name(), StatusReader.Wanted.declared(table.spec())));
        if (all) {
            tables.listNames().forEach(name -> wanted.putIfAbsent(name, StatusReader.Wanted.named(name)));
        }
        return List.copyOf(wanted.values());
    }

    private ExitCode watch(StatusReader reader, List<StatusReader.Wanted> wanted, Ansi ansi) {
        boolean redraw = context.terminal().interactive() && !output.json();
        Screen screen = new Screen(out(), redraw ? context.terminal().size() : Optional.empty(), ansi, context.clock());
        StatusReader.Watched watched;
        try (StopReport onStop = new StopReport(() -> screen.stopped(err(), spec.qualifiedName()))) {
            watched = reader.watch(wanted, WaitPolicy.withTimeout(timeout == null ? Duration.ofMinutes(10) : timeout),
                    output.json() ? screen::remember : screen::show);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERRUPTED;
        }
        if (output.json()) {
            renderer().statuses(watched.last(), ansi);
        }
        String seconds = String.format(Locale.ROOT, "%.1f s", watched.took().toMillis() / 1000.0);
        List<String> waiting = watched.last().stream().filter(status -> !status.settled())
                .map(status -> status.name() + " (" + StatusView.state(status) + ")").toList();
        return switch (watched.ending()) {
            case ACTIVE -> {
                if (!output.json() && !output.quiet) {
                    int tables = watched.last().size();
                    out().println((tables == 1 ? "The table is" : "All " + tables + " tables") + " ACTIVE after " + seconds + ".");
                }
                yield ExitCode.OK;
            }
            case TIMED_OUT -> ErrorReporter.report(spec.commandLine(), new ErrorReporter.Failure(ExitCode.TIMEOUT,
                    "timed out after " + seconds + "; not ACTIVE: " + String.join(", ", waiting)));
            case UNUSABLE -> {
                TableStatus unusable = watched.last().stream().filter(TableStatus::neverActive).findFirst().orElseThrow();
                yield ErrorReporter.report(spec.commandLine(), new ErrorReporter.Failure(ExitCode.UNUSABLE,
                        TableUnusableException.message(unusable.name(), unusable.state())));
            }
        };
    }

    /** What --watch shows: the table redrawn in place at a terminal, else the table once and a line per change. */
    private static final class Screen {
        private final PrintWriter out;
        /** The terminal to redraw on; none: print a line per change. */
        private Optional<Terminal.Size> redraw;
        private final Ansi ansi;
        private final WaitClock clock;
        private final long start;
        private volatile List<TableStatus> last = List.of();
        private int drawn;

        Screen(PrintWriter out, Optional<Terminal.Size> redraw, Ansi ansi, WaitClock clock) {
            this.out = out;
            this.redraw = redraw;
            this.ansi = ansi;
            this.clock = clock;
            this.start = clock.nanoTime();
        }

        void remember(List<TableStatus> statuses) {
            last = statuses;
        }

        synchronized void show(List<TableStatus> statuses) {
            if (redraw.isPresent() || drawn == 0) {
                if (drawn > 0) {
                    out.print("\033[" + drawn + "A\r\033[J"); // back to the table's first row, and clear below
                }
                List<String> lines = StatusView.lines(statuses, ansi);
                lines.forEach(out::println);
                drawn = redraw.map(size -> size.rowsFor(lines)).orElse(lines.size());
                // A table taller than the screen cannot be redrawn in place: from now on a line per change.
                if (redraw.filter(size -> drawn >= size.rows()).isPresent()) {
                    redraw = Optional.empty();
                }
            } else {
                double seconds = clock.since(start).toMillis() / 1000.0;
                for (int i = 0; i < statuses.size(); i++) {
                    String before = StatusView.state(last.get(i));
                    String now = StatusView.state(statuses.get(i));
                    if (!before.equals(now)) {
                        out.println(String.format(Locale.ROOT, "%s: %s -> %s (%.1f s)", statuses.get(i).name(), before, now, seconds));
                    }
                }
            }
            out.flush();
            last = statuses;
        }

        void stopped(PrintWriter err, String command) {
            List<String> waiting = last.stream().filter(status -> !status.settled())
                    .map(status -> status.name() + " (" + StatusView.state(status) + ")").toList();
            err.println(command + ": interrupted" + (waiting.isEmpty() ? "" : "; not ACTIVE yet: " + String.join(", ", waiting)));
            err.flush();
        }
    }
}
