package dev.dynoctl.cli;

import dev.dynoctl.aws.ConfigurationException;
import dev.dynoctl.export.ExportException;
import dev.dynoctl.local.LocalException;
import dev.dynoctl.table.AwsCallException;
import dev.dynoctl.table.DeletionRefusedException;
import dev.dynoctl.table.Difference;
import dev.dynoctl.table.InvalidSpecException;
import dev.dynoctl.table.ProvisionResult;
import dev.dynoctl.table.TableNotFoundException;
import dev.dynoctl.table.TableUnusableException;
import dev.dynoctl.table.TooManyTableOperationsException;
import dev.dynoctl.table.WaitInterruptedException;
import dev.dynoctl.table.WaitTimeoutException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place that turns failures into a message on stderr and an exit code.
 * Messages are one line ("dynoctl COMMAND: ..."); a stack trace follows only with -v.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        say(command, problem(e) + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        return ExitCode.INVALID_INPUT.code();
    }

    /** picocli's message, except for a mistyped command or option: that one is named, with the nearest known one. */
    private static String problem(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String typed = unmatched.getUnmatched().get(0);
            if (typed.startsWith("--")) {
                Optional<String> nearest = nearestOption(typed, e.getCommandLine().getCommandSpec());
                return "unknown option '" + oneLine(typed) + "'" + nearest.map(name -> "; did you mean: " + name + "?").orElse("");
            }
            boolean command = !typed.startsWith("-") && !e.getCommandLine().getSubcommands().isEmpty();
            List<String> nearest = unmatched.getSuggestions();
            if (command || !nearest.isEmpty()) {
                return "unknown " + (command ? "command" : "option") + " '" + oneLine(typed) + "'"
                        + (nearest.isEmpty() ? "" : "; did you mean: " + nearest.get(0) + "?");
            }
        }
        return oneLine(e.getMessage());
    }

    /**
     * The command's option a mistyped one most likely meant: one that is the other with letters added or left off at
     * the end (--tags, --prune-tag), else the fewest letters changed, at most a quarter of them (--nme, --paralelism).
     * picocli's own guess compares letter pairs and offered --table-name for --tags and --profile for --prune-tag.
     */
    static Optional<String> nearestOption(String typed, CommandLine.Model.CommandSpec command) {
        String value = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        List<String> names = new ArrayList<>(command.optionsMap().keySet());
        names.addAll(command.negatedOptionsMap().keySet());
        names.removeIf(name -> !name.startsWith("--"));
        Optional<String> extended = names.stream().filter(name -> name.startsWith(value) || value.startsWith(name))
                .min(Comparator.comparingInt(name -> Math.abs(name.length() - value.length())));
        if (extended.isPresent()) {
            return extended;
        }
        return names.stream().filter(name -> editDistance(name, value) <= Math.max(1, value.length() / 4))
                .min(Comparator.comparingInt(name -> editDistance(name, value)));
    }

    /** Levenshtein distance: the fewest letters inserted, deleted or replaced that turn one into the other. */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        Failure failure = classify(e);
        if (e instanceof InvalidSpecFilesException invalid) {
            invalid.problems().forEach(problem -> say(command, problem.toString()));
        }
        report(command, failure);
        if (command.getParseResult().hasMatchedOption("--verbose")) {
            e.printStackTrace(command.getErr());
        }
        command.getErr().flush();
        return failure.code.code();
    }

    /** The failure's line on stderr, then its detail lines (a blocked table's differences), indented. */
    static ExitCode report(CommandLine command, Failure failure) {
        say(command, failure.message);
        failure.details.forEach(detail -> command.getErr().println("  " + detail));
        command.getErr().flush();
        return failure.code;
    }

    /** An exit code, the one line that says why, and lines that say more (a blocked table's differences). */
    record Failure(ExitCode code, String message, List<String> details) {
        Failure(ExitCode code, String message) {
            this(code, message, List.of());
        }
    }

    /** How a table that did not end as declared is told; empty for one that did. */
    static Optional<Failure> classify(ProvisionResult result) {
        if (result instanceof ProvisionResult.Blocked blocked) {
            return Optional.of(new Failure(ExitCode.TABLE_DIFFERS, "table " + blocked.tableName()
                    + " exists but differs from what was declared (nothing was changed):",
                    blocked.blockers().stream().map(Difference::toString).toList()));
        }
        if (result instanceof ProvisionResult.Unusable unusable) {
            return Optional.of(new Failure(ExitCode.UNUSABLE, TableUnusableException.message(unusable.tableName(), unusable.status())));
        }
        if (result instanceof ProvisionResult.Partial partial) {
            RuntimeException cause = partial.stoppedBy();
            String reason = cause instanceof AwsCallException call ? awsFailure(call).message : oneLine(cause.getMessage());
            return Optional.of(new Failure(ExitCode.PARTIAL, "table " + partial.tableName()
                    + (partial.created() ? " was created" : " exists")
                    + (partial.applied().isEmpty() ? "" : "; applied: " + String.join("; ", partial.applied()))
                    + "; NOT applied: " + String.join("; ", partial.notApplied()) + " (" + reason + ")"
                    + "; run the same command again to finish"));
        }
        return Optional.empty();
    }

    static Failure classify(Exception e) {
        if (e instanceof InvalidSpecFilesException) {
            return new Failure(ExitCode.INVALID_INPUT, e.getMessage());
        }
        if (e instanceof InvalidSpecException invalid) {
            return new Failure(ExitCode.INVALID_INPUT, "--" + invalid.setting() + ": " + invalid.getMessage());
        }
        if (e instanceof TableNotFoundException) {
            return new Failure(ExitCode.NOT_FOUND, e.getMessage());
        }
        if (e instanceof WaitTimeoutException) {
            return new Failure(ExitCode.TIMEOUT, e.getMessage());
        }
        if (e instanceof ConfigurationException) {
            return new Failure(ExitCode.CONFIGURATION, e.getMessage());
        }
        if (e instanceof DeletionRefusedException) {
            return new Failure(ExitCode.REFUSED, e.getMessage());
        }
        if (e instanceof TableUnusableException) {
            return new Failure(ExitCode.UNUSABLE, e.getMessage());
        }
        if (e instanceof TooManyTableOperationsException) {
            return new Failure(ExitCode.LIMIT_EXCEEDED, e.getMessage());
        }
        if (e instanceof WaitInterruptedException) {
            return new Failure(ExitCode.INTERRUPTED, e.getMessage());
        }
        if (e instanceof LocalException local) {
            return new Failure(switch (local.kind()) {
                case NOT_INSTALLED -> ExitCode.CONFIGURATION;
                case INVALID -> ExitCode.INVALID_INPUT;
                case FAILED -> ExitCode.FAILURE;
            }, e.getMessage());
        }
        if (e instanceof ExportException) {
            return new Failure(ExitCode.FAILURE, e.getMessage());
        }
        if (e instanceof AwsCallException call) {
            return awsFailure(call);
        }
        if (e instanceof SdkException sdk) {
            return awsFailure("AWS call", sdk);
        }
        return new Failure(ExitCode.FAILURE, "internal error: " + oneLine(String.valueOf(e)) + " (run again with -v for the stack trace)");
    }

    private static Failure awsFailure(AwsCallException call) {
        Failure failure = awsFailure(call.operation(), call.getCause());
        return call.rule().map(rule -> new Failure(failure.code, failure.message + "; " + rule)).orElse(failure);
    }

    private static Failure awsFailure(String operation, SdkException cause) {
        if (cause instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return new Failure(ExitCode.FAILURE, operation + " failed: " + service.awsErrorDetails().errorCode() + ": "
                    + oneLine(service.awsErrorDetails().errorMessage()));
        }
        String message = oneLine(cause.getMessage());
        if (message.startsWith("Unable to load credentials")) {
            return new Failure(ExitCode.CONFIGURATION, "no AWS credentials found: set AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY, use --profile, or run 'aws configure' (or 'aws sso login')");
        }
        if (message.contains("no credentials for profile") || message.contains("Profile file contained no credentials")) {
            int colon = message.indexOf(':');
            return new Failure(ExitCode.CONFIGURATION, (colon > 0 ? message.substring(0, colon) : message)
                    + " (~/.aws/credentials or ~/.aws/config; with --profile, keys in the environment are not used)");
        }
        return new Failure(ExitCode.FAILURE, operation + " failed: " + message);
    }

    private static void say(CommandLine command, String message) {
        PrintWriter err = command.getErr();
        err.println(command.getColorScheme().errorText(command.getCommandSpec().qualifiedName() + ": " + message));
        err.flush();
    }

    /** Joins a multi-line message into one line. */
    static String oneLine(String message) {
        return message == null ? "(no message)" : message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
