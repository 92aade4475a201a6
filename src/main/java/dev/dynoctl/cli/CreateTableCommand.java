package dev.dynoctl.cli;

import dev.dynoctl.aws.AwsSettings;
import dev.dynoctl.table.DynamoDbTables;
import dev.dynoctl.table.InvalidSpecException;
import dev.dynoctl.table.ProvisionResult;
import dev.dynoctl.table.SpecFile;
import dev.dynoctl.table.Setting;
import dev.dynoctl.table.SpecParser;
import dev.dynoctl.table.TableProvisioner;
import dev.dynoctl.table.TableSpec;
import dev.dynoctl.table.TableWaiter;
import dev.dynoctl.table.TemplateContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

@Command(name = "create-table", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Create a table if it does not exist and wait until it, its indexes, TTL and PITR are ACTIVE.",
            "If it exists, make it match, one step at a time, as apply does: capacity, billing, indexes, stream, TTL, "
                + "encryption, class, tags, PITR and the rest change in place. Keys and local secondary indexes that differ "
                + "need a new table: exit 3, nothing changed."},
        footer = {"%nExamples:",
            "  dynoctl create-table --name Users --pk user_id:S",
            "  dynoctl create-table --name Events --pk device:S --sk ts:N \\",
            "      --billing-mode provisioned --read-capacity 5 --write-capacity 5",
            "  dynoctl create-table --name Users --pk user_id:S --gsi ByEmail:email:S \\",
            "      --ttl-attribute expires_at --stream NEW_AND_OLD_IMAGES \\",
            "      --tag team=identity --pitr --deletion-protection",
            "  dynoctl create-table --spec tables/users.yaml --region eu-west-1",
            "  dynoctl create-table --spec template.yaml --parameter Env=dev --local"},
        modelTransformer = CreateTableCommand.DefinitionOptions.class)
final class CreateTableCommand extends AwsCommand {
    @Option(names = "--spec", paramLabel = "FILE", order = 2,
            description = "Read the table definition from a JSON or YAML spec file, or a CloudFormation or SAM template "
                    + "declaring one table; flags given too override its settings.")
    Path specFile;

    @Mixin
    ChangeOptions changes;

    @Mixin
    TemplateOptions templates;

    @Mixin
    WaitOptions wait;

    private TableSpec tableSpec;
    private SpecFile.Contents file;

    CreateTableCommand(CliContext context) {
        super(context);
    }

    @Override
    void validate() {
        tableSpec = declared(templates.context(aws, context.clients()));
    }

    @Override
    void prepare(AwsSettings settings) {
        if (file != null && templates.accountToLookUp(file.pseudoParametersUsed())) {
            tableSpec = declared(templates.withAccount(settings, context.clients()));
        }
        if (file != null) {
            templates.warnings(file.warnings(), file.pseudoParametersUsed()).forEach(this::warn);
        }
    }

    /** The table the --spec file (a spec file or a template) and the flags declare; flags override the file's settings. */
    private TableSpec declared(TemplateContext templateContext) {
        Map<String, List<String>> settings = new LinkedHashMap<>();
        file = specFile == null ? null : SpecFile.read(specFile, templateContext);
        templates.checkParameters(file == null ? Set.of() : file.parameters());
        SpecFile.Document document = file == null ? null : file.documents().get(0);
        if (document != null) {
            settings.putAll(document.settings());
        }
        Map<String, List<String>> flags = commandLineSettings();
        settings.putAll(flags);
        TableSpec declared;
        try {
            declared = SpecParser.parse(settings);
        } catch (InvalidSpecException e) {
            if (document != null && document.settings().containsKey(e.setting()) && !flags.containsKey(e.setting())) {
                // The bad value is the file's: name its line, not a flag that was never typed.
                throw new InvalidSpecException("spec", document.problem(e.setting(), e.getMessage()).toString());
            }
            throw e;
        }
        if (!wait.waiting() && declared.hasFollowUps()) {
            throw new InvalidSpecException("no-wait", "cannot be combined with --ttl-attribute, --pitr or --contributor-insights "
                    + "(they are applied once the table is ACTIVE)");
        }
        return declared;
    }

    /** The table-definition flags given on the command line, by setting name, as typed. */
    private Map<String, List<String>> commandLineSettings() {
        Map<String, List<String>> settings = new LinkedHashMap<>();
        List<OptionSpec> matched = spec.commandLine().getParseResult().matchedOptions(); // once per occurrence
        for (OptionSpec option : new java.util.LinkedHashSet<>(matched)) {
            Setting.byKey(option.longestName().substring(2)).ifPresent(setting -> {
                // picocli lets a switch's last occurrence win: --pitr --no-pitr would be --no-pitr without a word.
                if (setting.kind() == Setting.Kind.SWITCH && matched.stream().filter(option::equals).count() > 1) {
                    throw new InvalidSpecException(setting.key(), "given more than once (--" + setting.key() + " or --no-"
                            + setting.key() + "): give it once");
                }
                List<String> values = setting.kind() == Setting.Kind.SWITCH ? List.of(String.valueOf((Object) option.getValue()))
                        : option.stringValues();
                settings.computeIfAbsent(setting.key(), key -> new ArrayList<>()).addAll(values);
            });
        }
        return settings;
    }

    @Override
    ExitCode execute(DynamoDbTables tables, TableWaiter waiter) {
        ProvisionResult provisioned;
        try (Progress progress = progress()) {
            provisioned = new TableProvisioner(tables, waiter, context.clock())
                    .provision(tableSpec, wait.policy(), new TableProvisioner.Options(wait.waiting(), changes.allowed()), progress);
        }
        Optional<ErrorReporter.Failure> failure = ErrorReporter.classify(provisioned);
        if (failure.isPresent()) {
            return ErrorReporter.report(spec.commandLine(), failure.get());
        }
        ProvisionResult.Done result = (ProvisionResult.Done) provisioned;
        result.skipped().forEach(this::warn);
        String status = result.table().tableStatusAsString();
        double seconds = result.waited().toMillis() / 1000.0;
        String headline = switch (result.outcome()) {
            case CREATED -> String.format("Created table %s: %s after %.1f s.", tableSpec.name(), status, seconds);
            case EXISTS -> String.format("Table %s already exists as declared: %s.", tableSpec.name(), status);
            case UPDATED -> String.format("Table %s exists; applied %d change%s: %s after %.1f s.", tableSpec.name(),
                    result.changes().size(), result.changes().size() == 1 ? "" : "s", status, seconds);
        };
        List<String> lines = new ArrayList<>(List.of(headline));
        result.changes().forEach(change -> lines.add("Applied: " + change));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("Outcome", result.outcome().name());
        extra.put("Changes", result.changes());
        extra.put("Skipped", result.skipped());
        renderer().table(String.join(System.lineSeparator(), lines), true, "Table", result.table(), extra);
        return ExitCode.OK;
    }

    /**
     * The table-definition options, one per {@link Setting} (the vocabulary spec files use too), under their own heading.
     * An annotated {@code @ArgGroup} would show the heading too, but picocli renders an annotated group's synopsis once
     * per option of it as parsing begins (for a debug trace): about 10 MB of garbage and 15 ms on every create-table.
     * A group built here has no user object, so none of that happens.
     */
    static final class DefinitionOptions implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            ArgGroupSpec.Builder group = ArgGroupSpec.builder().exclusive(false).validate(false).order(1)
                    .heading("%nTable definition (flags, or the same names in a --spec file):%n");
            for (Setting setting : Setting.values()) {
                group.addArg(option(setting));
            }
            return command.addArgGroup(group.build());
        }

        private static OptionSpec option(Setting setting) {
            OptionSpec.Builder option = setting == Setting.NAME
                    ? OptionSpec.builder("--" + setting.key(), "--" + Setting.NAME_ALIAS)
                    : OptionSpec.builder("--" + setting.key());
            option.description(setting.help());
            switch (setting.kind()) {
                case SWITCH -> option.negatable(true).arity("0").type(Boolean.class);
                case REPEATABLE -> option.paramLabel(setting.valueLabel()).type(List.class).auxiliaryTypes(String.class);
                case VALUE -> option.paramLabel(setting.valueLabel()).type(String.class);
            }
            return option.build();
        }
    }
}
