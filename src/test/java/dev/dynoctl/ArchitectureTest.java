package dev.dynoctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the layout honest: picocli only in the cli package; services never print. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/dynoctl");

    @Test
    void picocli_is_used_only_in_cli() throws IOException {
        assertThat(filesContaining("import picocli", "table", "aws", "local", "export")).isEmpty();
    }

    @Test
    void services_do_not_print() throws IOException {
        assertThat(filesContaining("System.out.print", "table", "aws", "local", "export")).isEmpty();
        assertThat(filesContaining("System.err", "table", "aws", "local", "export")).isEmpty();
    }

    private static List<Path> filesContaining(String text, String... packages) throws IOException {
        List<Path> found = new java.util.ArrayList<>();
        for (String pkg : packages) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    if (Files.readString(file).contains(text)) {
                        found.add(file);
                    }
                }
            }
        }
        return found;
    }
}
