package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynoctl.aws.DynamoDbClients;
import dev.dynoctl.support.Terminals;
import dev.dynoctl.table.WaitClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The class cache is trained on every public command: a new command left out of the training starts slower unnoticed. */
class ClassCacheTrainingTest {
    @Test
    void every_public_command_is_in_the_training_script() {
        CommandLine root = Cli.commandLine(new CliContext(new DynamoDbClients(Map.of(), List.of()), Terminals.NONE, WaitClock.SYSTEM),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        Set<String> trained = ClassCacheTrainingCommand.script(Path.of("specs")).stream()
                .map(command -> command.get(0).equals("local") ? "local " + command.get(1) : command.get(0))
                .collect(Collectors.toSet());

        List<String> missing = new ArrayList<>();
        for (String command : publicCommands(root, "")) {
            if (!trained.contains(command) && !ClassCacheTrainingCommand.NOT_TRAINED.containsKey(command)) {
                missing.add(command);
            }
        }

        assertThat(missing).as("public commands missing from ClassCacheTrainingCommand.script").isEmpty();
        assertThat(trained).as("the training runs only real commands").allMatch(publicCommands(root, "")::contains);
    }

    /** Leaf commands that are not hidden, e.g. "create-table" and "local status". */
    private static List<String> publicCommands(CommandLine command, String prefix) {
        List<String> names = new ArrayList<>();
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().usageMessage().hidden()) {
                return;
            }
            if (sub.getSubcommands().isEmpty() || name.equals("generate-completion")) {
                names.add(prefix + name);
            } else {
                names.addAll(publicCommands(sub, prefix + name + " "));
            }
        });
        return names;
    }
}
