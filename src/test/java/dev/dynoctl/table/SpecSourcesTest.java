package dev.dynoctl.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecSourcesTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    /** Each problem as printed, with paths relative to the temporary directory. */
    private List<String> problems(Path... paths) {
        return SpecSources.read(List.of(paths), Templates.none()).problems().stream().map(p -> p.toString().replace(dir + "/", "")).toList();
    }

    private static List<String> names(SpecSources.Result result) {
        return result.tables().stream().map(t -> t.spec().name()).toList();
    }

    @Test
    void multi_document_yaml_declares_each_table_with_its_document_and_line() throws IOException {
        Path file = write("tables.yaml", String.join("\n", "# the shop", "name: Users", "pk: id:S", "---", "name: Orders",
                "pk: id:S", "sk: ts:N", "---", "", "table-name: Events", "pk: device:S", ""));

        SpecSources.Result result = SpecSources.read(List.of(file), Templates.none());

        assertThat(result.problems()).isEmpty();
        assertThat(result.tables()).extracting(DeclaredTable::origin)
                .containsExactly(new Origin(file, 2, 1), new Origin(file, 5, 2), new Origin(file, 10, 3));
        assertThat(names(result)).containsExactly("Users", "Orders", "Events");
        assertThat(result.tables().get(1).spec().sortKey()).contains(new KeyAttribute("ts", AttributeType.N));
        assertThat(result.tables().get(1).origin()).hasToString(file + ":5 (document 2)");
    }

    @Test
    void every_bad_setting_of_a_table_is_a_problem_of_its_own_in_line_order() throws IOException {
        Path file = write("orders.yaml", String.join("\n", "name: Orders", "pk: customer:Q", "stream: SOMETIMES",
                "tag: no-equals", "pitr: maybe", ""));

        SpecSources.Result result = SpecSources.read(List.of(file), Templates.none());

        assertThat(result.tables()).isEmpty();
        assertThat(result.problems()).extracting(problem -> problem.origin().line() + " " + problem.setting())
                .containsExactly("2 pk", "3 stream", "4 tag", "5 pitr");
    }

    @Test
    void a_trailing_document_separator_declares_nothing() throws IOException {
        Path file = write("users.yaml", "---\nname: Users\npk: id:S\n---\n");

        SpecSources.Result result = SpecSources.read(List.of(file), Templates.none());

        assertThat(result.problems()).isEmpty();
        assertThat(result.tables()).extracting(DeclaredTable::origin).containsExactly(new Origin(file, 2, 1));
    }

    @Test
    void json_list_numbers_its_elements_as_documents() throws IOException {
        Path file = write("tables.json", "[\n{\"name\": \"Users\", \"pk\": \"id:S\"},\n\n{\"name\": \"Orders\", \"pk\": \"id:S\"}\n]\n");

        SpecSources.Result result = SpecSources.read(List.of(file), Templates.none());

        assertThat(result.problems()).isEmpty();
        assertThat(names(result)).containsExactly("Users", "Orders");
        assertThat(result.tables()).extracting(DeclaredTable::origin).containsExactly(new Origin(file, 2, 1), new Origin(file, 4, 2));
    }

    @Test
    void json_object_is_one_unnumbered_document() throws IOException {
        Path file = write("users.json", "{\"table-name\": \"Users\", \"pk\": \"id:S\", \"tag\": {\"team\": \"identity\"}}");

        SpecSources.Result result = SpecSources.read(List.of(file), Templates.none());

        assertThat(result.problems()).isEmpty();
        assertThat(result.tables()).singleElement().satisfies(table -> {
            assertThat(table.origin()).hasToString(file + ":1");
            assertThat(table.spec().tags()).containsExactly(java.util.Map.entry("team", "identity"));
        });
    }

    @Test
    void directory_gives_its_spec_files_sorted_by_name_without_recursing() throws IOException {
        write("tables/c.yaml", "name: Ccc\npk: id:S\n");
        write("tables/a.json", "{\"name\": \"Aaa\", \"pk\": \"id:S\"}");
        write("tables/b.yml", "name: Bbb\npk: id:S\n");
        write("tables/notes.txt", "name: Txt\npk: id:S\n");
        write("tables/nested/d.yaml", "name: Ddd\npk: id:S\n");

        SpecSources.Result result = SpecSources.read(List.of(dir.resolve("tables")), Templates.none());

        assertThat(result.problems()).isEmpty();
        assertThat(names(result)).containsExactly("Aaa", "Bbb", "Ccc");
        assertThat(result.tables().get(0).origin()).isEqualTo(new Origin(dir.resolve("tables/a.json"), 1, 0));
    }

    @Test
    void a_file_reached_twice_is_read_once() throws IOException {
        Path file = write("tables/users.yaml", "name: Users\npk: id:S\n");

        SpecSources.Result result = SpecSources.read(List.of(dir.resolve("tables"), file), Templates.none());

        assertThat(result.problems()).isEmpty();
        assertThat(names(result)).containsExactly("Users");
    }

    @Test
    void empty_files_and_directories_declare_no_table() throws IOException {
        Files.createDirectories(dir.resolve("none"));
        write("none/readme.md", "name: Users\n");

        assertThat(problems(write("empty.yaml", ""), write("comments.yaml", "# nothing yet\n---\n"), write("empty.json", "[]"),
                dir.resolve("none"))).containsExactly("empty.yaml: holds no table definition",
                "comments.yaml: holds no table definition", "empty.json: holds no table definition",
                "none: holds no spec file (*.yaml, *.yml, *.json)");
    }

    @Test
    void missing_file_cannot_be_read() {
        assertThat(problems(dir.resolve("missing.yaml"))).containsExactly("missing.yaml: cannot read: no such file");
    }

    @Test
    void invalid_utf8_cannot_be_read() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'});

        assertThat(problems(file)).containsExactly("latin1.yaml: cannot read: not readable as UTF-8 text");
    }

    @Test
    void syntax_errors_name_the_line() throws IOException {
        assertThat(problems(write("broken.yaml", "name: Users\npk: id:S\ngsi: [ByEmail:email:S\n"),
                write("broken.json", "{\"name\": \"Users\",\n \"pk\" \"id:S\"}"),
                write("two.json", "{\"name\": \"Users\", \"pk\": \"id:S\"}\n{}\n"),
                write("unclosed.json", "[{\"name\": \"Events\", \"pk\": \"id:S\"}\n")))
                .containsExactly(
                        "broken.yaml:3: not valid YAML: expected ',' or ']', but got <stream end>",
                        "broken.json:2: not valid JSON: Unexpected character ('\"' (code 34)): was expecting a colon to "
                                + "separate field name and value",
                        "two.json:2: has text after its JSON value (several tables go in one JSON list)",
                        "unclosed.json:2: not valid JSON: Unexpected end-of-input: expected close marker for Array "
                                + "(start marker at [line: 1, column: 1])");
    }

    @Test
    void a_document_that_is_not_a_mapping_is_a_problem_and_the_others_are_still_read() throws IOException {
        Path file = write("mixed.yaml", "name: Users\npk: id:S\n---\n- name: Orders\n---\njust text\n---\nname: Events\npk: id:S\n");

        SpecSources.Result result = SpecSources.read(List.of(file), Templates.none());

        assertThat(problems(file)).containsExactly(
                "mixed.yaml:4 (document 2): must hold a mapping of settings, e.g. name: Users and pk: user_id:S",
                "mixed.yaml:6 (document 3): must hold a mapping of settings, e.g. name: Users and pk: user_id:S");
        assertThat(names(result)).containsExactly("Users", "Events");
        assertThat(result.tables().get(1).origin()).isEqualTo(new Origin(file, 8, 4));
    }

    @Test
    void unknown_setting_names_its_line() throws IOException {
        assertThat(problems(write("unknown.yaml", "name: Users\npk: id:S\ncolour:\n  - blue\n")))
                .singleElement().asString()
                .startsWith("unknown.yaml:3: unknown setting 'colour' (known: billing-mode, contributor-insights,");
    }

    @Test
    void setting_given_twice_names_both_lines() throws IOException {
        assertThat(problems(write("twice.yaml", "name: Abc\npk: id:S\nname: Def\n"),
                write("alias.json", "{\"name\": \"Abc\",\n\"pk\": \"id:S\",\n\"table-name\": \"Def\"}")))
                .containsExactly("twice.yaml:3: name: given twice (first at line 1)",
                        "alias.json:3: table-name: given twice (first at line 1 as name)");
    }

    @Test
    void value_of_the_wrong_shape_names_its_line() throws IOException {
        assertThat(problems(write("shape.yaml", "name: Users\npk:\n  - id:S\n---\nname: Orders\npk: id:S\ngsi:\n  - ByDay:day:S\n"
                + "  - {name: ByWeek}\n---\nname: Events\nsk:\n")))
                .containsExactly("shape.yaml:3 (document 1): pk: must be a single value",
                        "shape.yaml:9 (document 2): gsi: must be a value or a list of values",
                        "shape.yaml:12 (document 3): sk: must be a single value");
    }

    @Test
    void rule_violations_name_the_line_of_their_setting_or_of_the_document() throws IOException {
        assertThat(problems(write("rules.yaml", "name: Users\npk: id:S\nbilling-mode: sometimes\n---\n\n# no key\nname: Orders\n"),
                write("rules.json", "[{\"name\": \"Events\", \"pk\": \"id:S\"},\n {\"name\": \"x\", \"pk\": \"id:S\"}]")))
                .containsExactly("rules.yaml:3 (document 1): billing-mode: expected on-demand or provisioned "
                                + "(or PAY_PER_REQUEST, PROVISIONED), got 'sometimes'",
                        "rules.yaml:7 (document 2): pk: required",
                        "rules.json:2 (document 2): name: table name must be 3-255 characters of a-z, A-Z, 0-9, '_', '-', '.' "
                                + "(got 'x')");
    }

    @Test
    void a_table_declared_twice_names_both_places() throws IOException {
        Path first = write("tables/a.yaml", "pk: id:S\nname: Users\n");
        write("tables/b.yaml", "name: Users\npk: other:S\n---\nname: Orders\npk: id:S\n---\nname: Orders\npk: id:S\n");

        SpecSources.Result result = SpecSources.read(List.of(dir.resolve("tables")), Templates.none());

        assertThat(problems(dir.resolve("tables"))).containsExactly(
                "tables/b.yaml:1 (document 1): name: table Users is declared twice: here and at tables/a.yaml:2",
                "tables/b.yaml:7 (document 3): name: table Orders is declared twice: here and at tables/b.yaml:4 (document 2)");
        assertThat(result.tables()).extracting(DeclaredTable::origin)
                .containsExactly(new Origin(first, 1, 0), new Origin(dir.resolve("tables/b.yaml"), 4, 2));
    }

    @Test
    void resource_policy_file_is_relative_to_the_spec_file() throws IOException {
        write("tables/policy.json", "{\"Version\": \"2012-10-17\", \"Statement\": []}");
        Path file = write("tables/users.yaml", "name: Users\npk: id:S\nresource-policy: '@policy.json'\n");

        SpecSources.Result result = SpecSources.read(List.of(file), Templates.none());

        assertThat(result.problems()).isEmpty();
        assertThat(result.tables().get(0).spec().resourcePolicy()).contains(Toggle.on("{\"Version\": \"2012-10-17\", \"Statement\": []}"));
    }

    @Test
    void alias_bomb_ends_quickly_with_a_problem() throws IOException {
        StringBuilder bomb = new StringBuilder("name: Users\npk: id:S\ntag: &a [\"x=1\", \"x=1\", \"x=1\", \"x=1\", \"x=1\", \"x=1\"]\n");
        for (char level = 'b'; level <= 'z'; level++) {
            String previous = "*" + (char) (level - 1);
            bomb.append("gsi: &").append(level).append(" [").append(String.join(", ", java.util.Collections.nCopies(9, previous)))
                    .append("]\n");
        }
        Path file = write("bomb.yaml", bomb.toString());

        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> problems(file));

        assertThat(problems).containsExactly("bomb.yaml:4: gsi: YAML aliases are not supported (got *a); write the value out");
    }

    @Test
    void an_alias_is_refused_rather_than_read_as_the_anchor_name() throws IOException {
        assertThat(problems(write("alias.yaml", "name: Users\npk: &key id:S\nttl-attribute: *key\n")))
                .containsExactly("alias.yaml:3: ttl-attribute: YAML aliases are not supported (got *key); write the value out");
    }

    @Test
    void deep_nesting_ends_quickly_with_a_problem() throws IOException {
        Path file = write("deep.yaml", "name: Users\npk: " + "[".repeat(100_000));

        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> problems(file));

        // The first list is not a single value; skipping the rest of the document then meets the depth limit.
        assertThat(problems).containsExactly("deep.yaml:2: pk: must be a single value", "deep.yaml:2: not valid YAML: "
                + "Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)");
    }

    @Test
    void file_larger_than_one_mib_is_refused() throws IOException {
        Path file = write("big.yaml", "name: Users\npk: id:S\n" + "# padding\n".repeat(2 * 1024 * 1024 / 10));

        assertThat(problems(file)).containsExactly("big.yaml: larger than 1 MiB; a spec file or template declares tables, not data");
    }

    @Test
    void create_table_spec_takes_one_table_and_names_the_line_of_its_problem() throws IOException {
        Path two = write("two.yaml", "name: Users\npk: id:S\n---\nname: Orders\npk: id:S\n");
        Path unknown = write("unknown.yaml", "name: Users\ncolour: blue\n");

        assertThat(SpecFile.read(write("one.yaml", "table-name: Users\npk: id:S\n"), Templates.none()).documents().get(0).settings())
                .containsExactly(java.util.Map.entry("name", List.of("Users")), java.util.Map.entry("pk", List.of("id:S")));
        assertThatThrownBy(() -> SpecFile.read(two, Templates.none())).isInstanceOf(InvalidSpecException.class)
                .hasMessage(two + ": declares 2 tables; --spec takes a file declaring one")
                .satisfies(e -> assertThat(((InvalidSpecException) e).setting()).isEqualTo("spec"));
        assertThatThrownBy(() -> SpecFile.read(unknown, Templates.none())).isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith(unknown + ":2: unknown setting 'colour'");
    }
}
