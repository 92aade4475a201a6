package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynoctl.aws.DynamoDbClients;
import dev.dynoctl.support.Terminals;
import dev.dynoctl.table.Setting;
import dev.dynoctl.table.WaitClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.OptionSpec;

/** One vocabulary: every table setting is a create-table flag with the setting's help, and nothing else is. */
class VocabularyTest {
    @Test
    void the_table_definition_flags_are_the_settings() {
        var createTable = Cli.commandLine(new CliContext(new DynamoDbClients(Map.of(), List.of()), Terminals.NONE, WaitClock.SYSTEM),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).getSubcommands().get("create-table");
        ArgGroupSpec definition = createTable.getCommandSpec().argGroups().get(0);

        List<String> flags = definition.options().stream().map(OptionSpec::longestName).toList();
        List<String> expected = java.util.Arrays.stream(Setting.values())
                .map(setting -> "--" + (setting == Setting.NAME ? Setting.NAME_ALIAS : setting.key())).toList();
        assertThat(flags).containsExactlyElementsOf(expected);
        for (OptionSpec option : definition.options()) {
            Setting setting = Setting.byKey(option.longestName().substring(2)).orElseThrow();
            assertThat(option.description()).containsExactly(setting.help());
            assertThat(option.negatable()).isEqualTo(setting.kind() == Setting.Kind.SWITCH);
            assertThat(option.isMultiValue()).isEqualTo(setting.repeatable());
        }
    }

    @Test
    void keys_are_found_by_their_spelling_in_spec_files_and_the_name_alias() {
        for (Setting setting : Setting.values()) {
            assertThat(Setting.byKey(setting.key())).contains(setting);
        }
        assertThat(Setting.byKey("table-name")).contains(Setting.NAME);
        assertThat(Setting.byKey("colour")).isEmpty();
        assertThat(Setting.keys()).isSorted().hasSize(Setting.values().length);
    }
}
