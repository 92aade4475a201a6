package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynoctl.aws.DynamoDbClients;
import dev.dynoctl.support.CliRun;
import dev.dynoctl.support.Terminals;
import dev.dynoctl.table.WaitClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelpTest {
    private static CliRun run(String... args) {
        return CliRun.run(new CliContext(new DynamoDbClients(Map.of(), List.of()), Terminals.NONE, WaitClock.SYSTEM), args);
    }

    @Test
    void root_help_lists_every_command_and_every_exit_code() {
        CliRun run = run("--help").expect(ExitCode.OK);

        assertThat(run.out()).contains("create-table", "describe-table", "list-tables", "delete-table", "export-table", "Exit codes:");
        for (ExitCode code : ExitCode.values()) {
            assertThat(run.out()).contains(String.format("%3d", code.code()));
        }
    }

    @Test
    void subcommand_help_shows_shared_options_after_the_subcommand() {
        CliRun run = run("create-table", "--help").expect(ExitCode.OK);

        assertThat(run.out()).contains("--pk=NAME:TYPE", "--sk=NAME:TYPE", "--billing-mode", "--read-capacity",
                "--write-capacity", "--no-wait", "--wait-timeout", "--region", "--profile", "--endpoint-url", "--output",
                "--verbose", "--quiet", "--table-name", "Exit codes:");
    }

    @Test
    void completion_script_mentions_every_command() {
        CliRun run = run("generate-completion").expect(ExitCode.OK);

        assertThat(run.out()).startsWith("#!/usr/bin/env bash").contains("create-table", "describe-table", "list-tables",
                "delete-table", "wait", "local", "serve", "status", "stop", "--pk", "--gsi", "--local")
                .doesNotContain("cds-training", "gen-manpage");
    }

    @Test
    void version_names_dynoctl_and_java() {
        CliRun run = run("--version").expect(ExitCode.OK);

        assertThat(run.out()).startsWith("dynoctl ").contains("Java ");
    }

    @Test
    void every_commands_examples_can_be_pasted_into_a_shell() {
        for (String[] command : List.of(new String[] {"create-table"}, new String[] {"describe-table"}, new String[] {"list-tables"},
                new String[] {"delete-table"}, new String[] {"wait"}, new String[] {"plan"}, new String[] {"apply"},
                new String[] {"status"}, new String[] {"export-table"})) {
            List<String> args = new ArrayList<>(List.of(command));
            args.add("--help");
            List<String> help = run(args.toArray(String[]::new)).expect(ExitCode.OK).out().lines().toList();
            List<String> examples = help.subList(help.indexOf("Examples:") + 1, help.size());

            // Within 80 columns, so nothing is wrapped; a continued line ends in one backslash.
            assertThat(examples).as(String.join(" ", command)).isNotEmpty()
                    .allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(80).startsWith("  ").doesNotContain("\\\\"));
        }
    }

    @Test
    void every_commands_version_option_prints_the_version() {
        for (String[] args : List.of(new String[] {"create-table", "-V"}, new String[] {"plan", "--version"},
                new String[] {"local", "serve", "-V"})) {
            assertThat(run(args).expect(ExitCode.OK).out()).as(String.join(" ", args)).startsWith("dynoctl ").contains("Java ");
        }
    }

    @Test
    void a_value_starting_with_at_is_the_options_value_not_a_file_of_arguments(@TempDir Path dir) throws IOException {
        Path policy = Files.writeString(dir.resolve("policy.json"), "{\"Version\": \"2012-10-17\", \"Statement\": []}");

        // Parsed (picocli would splice the file's words in as arguments); then the invalid name stops it before any call.
        CliRun run = run("create-table", "--name", "ab", "--pk", "id:S", "--resource-policy", "@" + policy)
                .expect(ExitCode.INVALID_INPUT);
        assertThat(run.errLines()).singleElement().asString().startsWith("dynoctl create-table: --name: table name must be");
    }

    @Test
    void a_mistyped_option_is_one_line_naming_the_option_it_most_likely_meant() {
        Map<List<String>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(List.of("create-table", "--tags", "a=b"), "unknown option '--tags'; did you mean: --tag?");
        cases.put(List.of("create-table", "--prune-tag"), "unknown option '--prune-tag'; did you mean: --prune-tags?");
        cases.put(List.of("create-table", "--nme", "Users"), "unknown option '--nme'; did you mean: --name?");
        cases.put(List.of("create-table", "--no-pitrr"), "unknown option '--no-pitrr'; did you mean: --no-pitr?");
        cases.put(List.of("apply", "-f", "x", "--paralelism", "3"), "unknown option '--paralelism'; did you mean: --parallelism?");
        cases.put(List.of("create-table", "--zzz"), "unknown option '--zzz' (see");
        cases.forEach((args, expected) -> assertThat(run(args.toArray(String[]::new)).expect(ExitCode.INVALID_INPUT).errLines())
                .as(String.join(" ", args)).singleElement().asString().contains(expected));
    }

    @Test
    void a_mistyped_command_is_one_line_naming_the_nearest_command() {
        CliRun run = run("create-tabel", "--name", "X").expect(ExitCode.INVALID_INPUT);

        assertThat(run.errLines()).containsExactly(
                "dynoctl: unknown command 'create-tabel'; did you mean: create-table? (see 'dynoctl --help')");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void help_before_a_command_is_the_root_help_with_every_command() {
        CliRun run = run("--help", "create-table").expect(ExitCode.OK);

        assertThat(run.out()).contains("describe-table", "list-tables", "plan", "apply", "local");
    }

    @Test
    void every_command_is_summed_up_in_one_complete_sentence() {
        var root = Cli.commandLine(new CliContext(new DynamoDbClients(Map.of(), List.of()), Terminals.NONE, WaitClock.SYSTEM),
                new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter()));
        root.getSubcommands().forEach((name, command) -> {
            String[] description = command.getCommandSpec().usageMessage().description();
            if (!command.getCommandSpec().usageMessage().hidden() && description.length > 0) {
                assertThat(description[0]).as(name).endsWith(".").hasSizeLessThanOrEqualTo(100);
            }
        });
    }
}
