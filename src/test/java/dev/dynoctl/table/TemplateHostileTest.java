package dev.dynoctl.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates made to hang or exhaust the reader end with one problem, quickly, whatever they hold. */
class TemplateHostileTest {
    private static final Duration QUICKLY = Duration.ofSeconds(5);
    private static final String TABLE = """
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
            """;

    @TempDir
    Path dir;

    private List<String> problems(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return assertTimeoutPreemptively(QUICKLY, () -> SpecSources.read(List.of(file), Templates.none()).problems().stream()
                .map(p -> p.toString().replace(dir + "/", "")).toList());
    }

    @Test
    void an_alias_bomb_is_refused_at_its_first_alias() throws IOException {
        StringBuilder bomb = new StringBuilder("Mappings:\n  a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char level = 'b'; level <= 'z'; level++) {
            bomb.append("  ").append(level).append(": &").append(level).append(" [")
                    .append(String.join(", ", Collections.nCopies(9, "*" + (char) (level - 1)))).append("]\n");
        }
        bomb.append("Resources:\n").append(TABLE).append("      TableName: !Select [0, *z]\n");

        assertThat(problems("bomb.yaml", bomb.toString()))
                .containsExactly("bomb.yaml:3: YAML aliases are not supported (got *a); write the value out");
    }

    @Test
    void deep_nesting_is_refused_past_a_hundred_levels() throws IOException {
        assertThat(problems("deep.yaml", "Resources:\n  X: " + "[".repeat(500_000)))
                .containsExactly("deep.yaml:2: nested deeper than 100 levels");
        assertThat(problems("deep.json", "{\"Resources\": " + "{\"a\": ".repeat(100_000)))
                .containsExactly("deep.json:1: nested deeper than 100 levels");
        assertThat(problems("tags.yaml", "Resources:\n" + TABLE + "      TableName: " + "!Join ['', [".repeat(60) + "x"
                + "]]".repeat(60) + "\n")).containsExactly("tags.yaml:8: nested deeper than 100 levels");
    }

    @Test
    void a_fifty_megabyte_file_is_refused_without_being_read() throws IOException {
        Path file = dir.resolve("huge.yaml");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("Resources:\n".getBytes(StandardCharsets.UTF_8));
            byte[] line = "  # padding padding padding padding padding padding\n".getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }

        List<String> problems = assertTimeoutPreemptively(QUICKLY, () -> SpecSources.read(List.of(file), Templates.none())
                .problems().stream().map(p -> p.toString().replace(dir + "/", "")).toList());

        assertThat(problems).containsExactly("huge.yaml: larger than 1 MiB; a spec file or template declares tables, not data");
    }

    @Test
    void a_file_of_countless_small_values_is_refused() throws IOException {
        assertThat(problems("values.yaml", "Resources:\n  X: [" + "1,".repeat(400_000) + "1]\n"))
                .containsExactly("values.yaml:2: holds more than 200000 values; a template declares resources, not data");
    }

    @Test
    void functions_that_double_a_value_at_each_level_stop_at_the_text_limit() throws IOException {
        String value = "x".repeat(64);
        for (int level = 0; level < 30; level++) {
            value = "{\"Fn::Sub\": [\"${v}${v}\", {\"v\": " + (level == 0 ? "\"" + value + "\"" : value) + "}]}";
        }
        String template = "{\"Resources\": {\"Table\": {\"Type\": \"AWS::DynamoDB::Table\", \"Properties\": {\"TableName\": " + value
                + ", \"BillingMode\": \"PAY_PER_REQUEST\", \"AttributeDefinitions\": [{\"AttributeName\": \"id\", \"AttributeType\": \"S\"}],"
                + " \"KeySchema\": [{\"AttributeName\": \"id\", \"KeyType\": \"HASH\"}]}}}}";

        assertThat(problems("double.json", template)).singleElement().asString()
                .startsWith("double.json:1: Resources.Table.Properties.TableName.Fn::Sub")
                .endsWith("the template's functions make more than 4 MiB of text; a template declares resources, not data");
    }

    @Test
    void a_condition_that_refers_to_itself_and_a_chain_past_the_nesting_limit_end_with_a_problem() throws IOException {
        assertThat(problems("self.yaml", "Conditions:\n  A: !Or [!Condition A, !Equals [x, x]]\nResources:\n" + TABLE
                + "      TableName: !If [A, a, b]\n")).containsExactly(
                "self.yaml:2: Conditions.A.Fn::Or[0].Condition: condition A refers to itself: A -> A");

        StringBuilder chain = new StringBuilder("Conditions:\n");
        for (int i = 0; i < 5_000; i++) {
            chain.append("  C").append(i).append(": !Condition C").append(i + 1).append('\n');
        }
        chain.append("  C5000: !Equals [x, x]\nResources:\n").append(TABLE).append("      TableName: !If [C0, aaa, bbb]\n");
        assertThat(problems("chain.yaml", chain.toString())).singleElement().asString()
                .endsWith("functions and conditions nest deeper than 200 levels");
    }

    @Test
    void unknown_tags_and_keys_given_twice_are_problems() throws IOException {
        assertThat(problems("tag.yaml", "Resources:\n" + TABLE + "      TableName: !Env USERS\n"))
                .containsExactly("tag.yaml:8: unknown tag '!Env' (CloudFormation's are !Ref, !Sub, !GetAtt, !If, ...)");
        assertThat(problems("twice.yaml", "Resources:\n" + TABLE + "      TableName: a\n      TableName: b\n"))
                .containsExactly("twice.yaml:9: key 'TableName' given twice (first at line 8)");
        assertThat(problems("java.yaml", "Resources:\n" + TABLE + "      TableName: !!java.lang.Runtime x\n"))
                .singleElement().asString().startsWith("java.yaml:8: unknown tag 'tag:yaml.org,2002:java.lang.Runtime'");
    }

    @Test
    void a_template_is_one_yaml_document() throws IOException {
        assertThat(problems("two.yaml", "Resources:\n" + TABLE + "      TableName: users\n---\nname: Other\npk: id:S\n"))
                .containsExactly("two.yaml: a template is one YAML document; this file has more after it");
    }

    /** Text made of what YAML and CloudFormation give meaning to, under a Resources key and in a table's TableName. */
    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.strings().withChars("!&*[]{}:,-?|>'\"#%@`${}\\\n\t \u0000\u00e9RefSubIfGetAtt.:=").ofMaxLength(400);
    }

    @Property(tries = 200)
    void any_text_is_read_or_is_problems_never_an_exception(@ForAll("hostile") String text) throws IOException {
        Path dir = Files.createTempDirectory("hostile");
        try {
            Path whole = Files.writeString(dir.resolve("whole.yaml"), "Resources:\n" + text);
            Path named = Files.writeString(dir.resolve("named.yaml"), "Resources:\n" + TABLE + "      TableName: " + text + "\n");
            Path json = Files.writeString(dir.resolve("t.json"), "{\"Resources\": " + text + "}");
            SpecSources.Result result = assertTimeoutPreemptively(QUICKLY, () -> SpecSources.read(List.of(whole, named, json),
                    Templates.none()));
            assertThat(result.problems().size() + result.tables().size()).isPositive();
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }
}
