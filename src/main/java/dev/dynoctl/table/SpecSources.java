package dev.dynoctl.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads many tables' declarations (for plan and apply): spec files and templates, and directories of them. Everything is read
 * and checked, and every problem collected with its file, line and setting, so one run shows them all.
 */
public final class SpecSources {
    private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json");

    private SpecSources() {
    }

    /**
     * The tables declared, each name once (a repeated one is a problem, not a table), every problem found, and what
     * templates showed besides (see {@link SpecFile.Contents}).
     */
    public record Result(List<DeclaredTable> tables, List<SpecProblem> problems, List<SpecProblem> warnings,
                         Set<String> pseudoParametersUsed, Set<String> parameters) {
        public Result {
            tables = List.copyOf(tables);
            // One cause met at several places (a condition, a parameter) may give the same problem more than once.
            problems = List.copyOf(new java.util.LinkedHashSet<>(problems));
            warnings = List.copyOf(warnings);
            pseudoParametersUsed = Set.copyOf(pseudoParametersUsed);
            parameters = Set.copyOf(parameters);
        }
    }

    /**
     * Reads every path: a spec file or template, or a directory (its *.yaml, *.yml and *.json files, sorted by name, not
     * recursing). A file reached twice (e.g. named and in a directory named too) is read once.
     */
    public static Result read(List<Path> paths, TemplateContext templates) {
        List<DeclaredTable> tables = new ArrayList<>();
        List<SpecProblem> problems = new ArrayList<>();
        List<SpecProblem> warnings = new ArrayList<>();
        Set<String> pseudoParameters = new TreeSet<>();
        Set<String> parameters = new TreeSet<>();
        Map<String, Origin> names = new HashMap<>();
        Set<Path> seen = new HashSet<>();
        for (Path path : paths) {
            for (Path file : files(path, problems)) {
                if (seen.add(file.toAbsolutePath().normalize())) {
                    SpecFile.Contents contents = SpecFile.contents(file, templates);
                    problems.addAll(contents.problems());
                    warnings.addAll(contents.warnings());
                    pseudoParameters.addAll(contents.pseudoParametersUsed());
                    parameters.addAll(contents.parameters());
                    contents.documents().forEach(document -> declare(document, tables, problems, names));
                }
            }
        }
        return new Result(tables, problems, warnings, pseudoParameters, parameters);
    }

    /** @param names where each table name met so far is declared */
    private static void declare(SpecFile.Document document, List<DeclaredTable> tables, List<SpecProblem> problems,
                                Map<String, Origin> names) {
        try {
            TableSpec spec = SpecParser.parse(document.settings());
            Origin earlier = names.putIfAbsent(spec.name(), document.originOf("name"));
            if (earlier == null) {
                tables.add(new DeclaredTable(spec, document.origin()));
            } else {
                problems.add(document.problem("name", "table " + spec.name() + " is declared twice: here and at " + earlier));
            }
        } catch (InvalidSpecException e) {
            e.all().stream().map(problem -> document.problem(problem.setting(), problem.getMessage()))
                    .sorted(Comparator.comparingInt(problem -> problem.origin().line())).forEach(problems::add);
        }
    }

    /** The path itself, or a directory's spec files; a directory without any is a problem. */
    private static List<Path> files(Path path, List<SpecProblem> problems) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> entries = Files.list(path)) {
            List<Path> found = entries.filter(SpecSources::isSpecFile)
                    .sorted(Comparator.comparing(entry -> entry.getFileName().toString())).toList();
            if (found.isEmpty()) {
                problems.add(new SpecProblem(Origin.of(path), null, "holds no spec file (*.yaml, *.yml, *.json)"));
            }
            return found;
        } catch (IOException | UncheckedIOException e) {
            problems.add(new SpecProblem(Origin.of(path), null, "cannot read the directory: "
                    + Names.ioReason(e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e)));
            return List.of();
        }
    }

    private static boolean isSpecFile(Path entry) {
        String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(entry) && EXTENSIONS.stream().anyMatch(name::endsWith);
    }
}
