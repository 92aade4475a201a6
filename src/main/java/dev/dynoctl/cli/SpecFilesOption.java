package dev.dynoctl.cli;

import dev.dynoctl.aws.AwsSettings;
import dev.dynoctl.aws.DynamoDbClients;
import dev.dynoctl.table.DeclaredTable;
import dev.dynoctl.table.SpecSources;
import dev.dynoctl.table.TemplateContext;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** -f PATH for the commands that work on many tables (plan, apply), and how the templates among the files are read. */
final class SpecFilesOption {
    @Option(names = {"-f", "--file"}, paramLabel = "PATH", required = true, converter = Converters.Directory.class,
            description = {"A spec file (YAML: one or more tables, separated by ---; JSON: a table or a list of tables), a "
                + "CloudFormation or SAM template (JSON or YAML), or a directory of *.yaml, *.yml and *.json files; repeatable."})
    List<Path> paths;

    @Mixin
    TemplateOptions templates;

    private Reading reading;

    /** Every declared table; any problem in any file is exit 2 before anything is sent. */
    List<DeclaredTable> read(AwsOptions aws, DynamoDbClients clients) {
        reading = new Reading(paths, templates);
        return reading.read(aws, clients);
    }

    List<DeclaredTable> complete(AwsSettings settings, DynamoDbClients clients, Consumer<String> warn) {
        return reading.complete(settings, clients, warn);
    }

    /** Reading declared tables from files and templates: here, and for status's optional -f. */
    static final class Reading {
        /** A second stand-in for AWS::AccountId, to tell problems that depend on the account. */
        private static final String OTHER_STAND_IN = "000000000000";

        private final List<Path> paths;
        private final TemplateOptions templates;
        private SpecSources.Result read;

        Reading(List<Path> paths, TemplateOptions templates) {
            this.paths = paths;
            this.templates = templates;
        }

        List<DeclaredTable> read(AwsOptions aws, DynamoDbClients clients) {
            TemplateContext context = templates.context(aws, clients);
            SpecSources.Result first = SpecSources.read(paths, context);
            // A template keyed by account (a FindInMap on AWS::AccountId) may be wrong only for the stand-in account: if
            // another stand-in gives other problems, they are judged with the real account, which complete() looks up
            // before anything else is called. Problems that do not depend on it are told now, before any call.
            if (!first.problems().isEmpty() && !(templates.accountToLookUp(first.pseudoParametersUsed())
                    && !SpecSources.read(paths, context.withAccountId(OTHER_STAND_IN)).problems().equals(first.problems()))) {
                throw new InvalidSpecFilesException(first.problems());
            }
            read = first;
            templates.checkParameters(read.parameters());
            return read.tables();
        }

        /**
         * Once everything is checked, before DynamoDB is called: the tables, read again with the account if a template
         * used AWS::AccountId and only STS can say it; what the reading has to say goes to {@code warn}.
         */
        List<DeclaredTable> complete(AwsSettings settings, DynamoDbClients clients, Consumer<String> warn) {
            if (templates.accountToLookUp(read.pseudoParametersUsed())) {
                read = read(templates.withAccount(settings, clients));
            }
            templates.warnings(read.warnings(), read.pseudoParametersUsed()).forEach(warn);
            return read.tables();
        }

        private SpecSources.Result read(TemplateContext context) {
            SpecSources.Result result = SpecSources.read(paths, context);
            if (!result.problems().isEmpty()) {
                throw new InvalidSpecFilesException(result.problems());
            }
            return result;
        }
    }
}
