package dev.dynoctl.cli;

import dev.dynoctl.aws.AwsSettings;
import dev.dynoctl.aws.DynamoDbClients;
import dev.dynoctl.table.AwsCallException;
import dev.dynoctl.table.InvalidSpecException;
import dev.dynoctl.table.Names;
import dev.dynoctl.table.SpecProblem;
import dev.dynoctl.table.TemplateContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * How plan, apply and create-table read CloudFormation and SAM templates: parameter values, the pseudo parameters a
 * run cannot know by itself, and what to do with what dynoctl cannot apply.
 */
final class TemplateOptions {
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9]{1,255}");
    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,127}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    @Option(names = "--parameter", paramLabel = "KEY=VALUE", order = 4,
            description = "A template parameter's value (repeatable); a parameter not given takes its Default.")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--stack-name", paramLabel = "NAME", order = 4, description = "AWS::StackName in templates.")
    String stackName;

    @Option(names = "--account-id", paramLabel = "ID", order = 4, description = "AWS::AccountId in templates (default: the "
            + "credentials' account, one STS call made only when a template uses it; 123456789012 with --local or --endpoint-url).")
    String accountId;

    @Option(names = "--name-from-logical-id", order = 4, description = "A template's table without TableName is named after "
            + "its logical ID (CloudFormation would make a name up).")
    boolean nameFromLogicalId;

    @Option(names = "--ignore-unsupported", order = 4, description = "Read templates' tables without what dynoctl cannot "
            + "apply (KinesisStreamSpecification, ImportSourceSpecification, global tables, ...): a warning each, not an error.")
    boolean ignoreUnsupported;

    private TemplateContext context;
    private boolean endpointGiven;

    /** Checks the options and gives what templates are read with; no AWS call, and the region is looked up only if asked. */
    TemplateContext context(AwsOptions aws, DynamoDbClients clients) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String parameter : parameters) {
            int equals = parameter.indexOf('=');
            String key = equals < 0 ? parameter : parameter.substring(0, equals);
            if (equals < 0 || !PARAMETER_NAME.matcher(key).matches()) {
                throw new InvalidSpecException("parameter", "expected KEY=VALUE with KEY a template parameter's name (letters "
                        + "and digits), got " + Names.quote(parameter));
            }
            String earlier = values.put(key, parameter.substring(equals + 1));
            if (earlier != null && !earlier.equals(values.get(key))) {
                throw new InvalidSpecException("parameter", key + " given twice with different values");
            }
        }
        if (stackName != null && !STACK_NAME.matcher(stackName).matches()) {
            throw new InvalidSpecException("stack-name", "a stack name is 1-128 letters, digits and '-', starting with a letter "
                    + "(got " + Names.quote(stackName) + ")");
        }
        if (accountId != null && !ACCOUNT_ID.matcher(accountId).matches()) {
            throw new InvalidSpecException("account-id", "expected 12 digits, got " + Names.quote(accountId));
        }
        // Against a local engine or another endpoint the credentials' account means nothing: a fixed one stands in.
        endpointGiven = aws.local || clients.endpointGiven(aws.settings());
        Optional<String> account = Optional.ofNullable(accountId)
                .or(() -> endpointGiven ? Optional.of(TemplateContext.STAND_IN_ACCOUNT) : Optional.empty());
        context = new TemplateContext(values, Optional.ofNullable(stackName), account, once(() -> {
            String name = aws.region(clients);
            DynamoDbClients.Partition partition = DynamoDbClients.partition(name);
            return new TemplateContext.Region(name, partition.name(), partition.dnsSuffix());
        }), nameFromLogicalId, ignoreUnsupported);
        return context;
    }

    /** A --parameter no template declares is a typo (or a file left out): exit 2. */
    void checkParameters(Set<String> declared) {
        Set<String> unknown = new TreeSet<>(context.parameters().keySet());
        unknown.removeAll(declared);
        if (!unknown.isEmpty()) {
            throw new InvalidSpecException("parameter", String.join(", ", unknown) + ": no template read declares "
                    + (unknown.size() == 1 ? "it" : "them") + (declared.isEmpty() ? "" : " (declared: " + String.join(", ", declared) + ")"));
        }
    }

    /** Whether the templates used AWS::AccountId and only STS can say it: then they are read again with {@link #withAccount}. */
    boolean accountToLookUp(Set<String> pseudoParametersUsed) {
        return pseudoParametersUsed.contains("AWS::AccountId") && context.accountId().isEmpty();
    }

    /** The context with the credentials' account: one STS GetCallerIdentity call, once everything else was checked. */
    TemplateContext withAccount(AwsSettings settings, DynamoDbClients clients) {
        return context.withAccountId(Sts.account(settings, clients));
    }

    /** A class of its own: verifying a catch of SdkException loads the SDK, which bad input must not (LauncherIT). */
    private static final class Sts {
        static String account(AwsSettings settings, DynamoDbClients clients) {
            try {
                return clients.callerAccount(settings);
            } catch (SdkException e) {
                throw new AwsCallException("GetCallerIdentity (STS, for AWS::AccountId)", e, "--account-id gives the account without it");
            }
        }
    }

    /** What reading the templates has to say: what --ignore-unsupported left out, and the account standing in. */
    List<String> warnings(List<SpecProblem> warnings, Set<String> pseudoParametersUsed) {
        List<String> lines = new ArrayList<>(warnings.stream().map(SpecProblem::toString).toList());
        if (pseudoParametersUsed.contains("AWS::AccountId") && accountId == null && endpointGiven) {
            lines.add("AWS::AccountId is " + TemplateContext.STAND_IN_ACCOUNT + " (the endpoint is not AWS's own; --account-id "
                    + "gives another)");
        }
        return lines;
    }

    /** Looked up the first time it is asked for, then kept. */
    private static <T> Supplier<T> once(Supplier<T> lookUp) {
        List<T> value = new ArrayList<>(1);
        return () -> {
            if (value.isEmpty()) {
                value.add(lookUp.get());
            }
            return value.get(0);
        };
    }
}
