package dev.dynoctl.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a CloudFormation or SAM template (a file whose top level has {@code Resources}) into the declarations of its
 * tables: every AWS::DynamoDB::Table and AWS::Serverless::SimpleTable whose Condition holds, one {@link SpecFile.Document}
 * each. Other resources are left alone, unevaluated. Every problem is collected with its line and property path.
 */
final class TemplateReader {
    private static final Set<String> TRANSFORMS = Set.of("AWS::Serverless-2016-10-31", "AWS::LanguageExtensions");
    /** CloudFormation's resource attributes, in the order its documentation lists them. */
    private static final List<String> RESOURCE_ATTRIBUTES = List.of("Type", "Properties", "Condition", "CreationPolicy",
            "DeletionPolicy", "DependsOn", "Metadata", "UpdatePolicy", "UpdateReplacePolicy");

    private TemplateReader() {
    }

    /** Whether a parsed file is a template rather than a spec file. */
    static boolean isTemplate(TemplateParser.Parsed parsed) {
        return parsed.root() instanceof TemplateNode.Fields root && root.get("Resources") != null;
    }

    static SpecFile.Contents read(Path file, TemplateParser.Parsed parsed, TemplateContext context) {
        List<SpecFile.Document> documents = new ArrayList<>();
        List<SpecProblem> problems = new ArrayList<>();
        List<SpecProblem> warnings = new ArrayList<>();
        TemplateNode.Fields root = (TemplateNode.Fields) parsed.root();
        Set<String> parameterNames = new TreeSet<>();
        if (parsed.moreDocuments()) {
            problems.add(new SpecProblem(Origin.of(file), null, "a template is one YAML document; this file has more after it"));
            return new SpecFile.Contents(documents, problems, warnings, Set.of(), parameterNames);
        }
        try {
            TemplateNode.Fields parameters = section(root, "Parameters");
            parameterNames.addAll(parameters.fields().keySet());
            TemplateNode.Fields resources = section(root, "Resources");
            TemplateNode.Fields globals = section(section(root, "Globals"), "SimpleTable");
            transforms(file, root, context, problems, warnings);
            Intrinsics intrinsics = new Intrinsics(parameters, section(root, "Mappings"), section(root, "Conditions"),
                    resources.fields().keySet(), context);
            int before = problems.size();
            for (String parameter : parameters.fields().keySet()) {
                try {
                    intrinsics.checkAllowedValues(parameter);
                } catch (TemplateProblem problem) {
                    problems.add(problem.in(file));
                }
            }
            if (problems.size() > before) {
                return new SpecFile.Contents(documents, problems, warnings, Set.of(), parameterNames); // every table would repeat it
            }
            int tables = 0;
            for (Map.Entry<String, TemplateNode> entry : resources.fields().entrySet()) {
                String id = entry.getKey();
                int line = resources.lineOf(id);
                String at = "Resources." + id;
                if (id.startsWith("Fn::ForEach::")) {
                    // AWS::LanguageExtensions' loop: its other resources are none of dynoctl's business, its tables cannot
                    // be read without running the loop.
                    if (mentionsTable(entry.getValue())) {
                        problems.add(new SpecProblem(new Origin(file, line, 0), at, "Fn::ForEach is not supported for "
                                + "AWS::DynamoDB::Table resources; write the tables out"));
                    }
                    continue;
                }
                if (!(entry.getValue() instanceof TemplateNode.Fields resource)) {
                    problems.add(new SpecProblem(new Origin(file, line, 0), at, "must be a mapping with Type and Properties"));
                    continue;
                }
                if (!(resource.get("Type") instanceof TemplateNode.Text typeText) || typeText.value() == null) {
                    problems.add(new SpecProblem(new Origin(file, line, 0), at + ".Type", "required"));
                    continue;
                }
                String type = typeText.value();
                if (Set.of(TemplateGlobalTable.TYPE, TemplateTable.TABLE, TemplateTable.SIMPLE_TABLE).contains(type)) {
                    // A mistyped Condition or Properties would be a table made unconditionally, or one without properties.
                    for (String attribute : resource.fields().keySet()) {
                        if (!RESOURCE_ATTRIBUTES.contains(attribute)) {
                            problems.add(new SpecProblem(new Origin(file, resource.lineOf(attribute), 0), at + "." + attribute,
                                    "unknown resource attribute (known: " + String.join(", ", RESOURCE_ATTRIBUTES) + ")"));
                        }
                    }
                }
                if (type.equals(TemplateGlobalTable.TYPE)) {
                    tables++;
                    List<SpecProblem> refused = new ArrayList<>();
                    Optional<TemplateNode.Fields> asTable = TemplateGlobalTable.asTable(file, id, resource, line, context, refused);
                    if (asTable.isEmpty()) {
                        if (context.ignoreUnsupported()) {
                            refused.forEach(problem -> warnings.add(new SpecProblem(problem.origin(), problem.setting(),
                                    problem.message() + "; left out (--ignore-unsupported)")));
                        } else {
                            problems.addAll(refused);
                        }
                        continue;
                    }
                    resource = asTable.get();
                    type = TemplateTable.TABLE;
                }
                if (!type.equals(TemplateTable.TABLE) && !type.equals(TemplateTable.SIMPLE_TABLE)) {
                    continue;
                }
                tables++;
                try {
                    if (resource.get("Condition") != null && !intrinsics.condition(Intrinsics.text(resource.get("Condition"), line,
                            at + ".Condition"), resource.lineOf("Condition"), at + ".Condition")) {
                        continue; // CloudFormation would not create it
                    }
                } catch (TemplateProblem problem) {
                    problems.add(problem.in(file));
                    continue;
                }
                TemplateNode.Fields defaults = type.equals(TemplateTable.SIMPLE_TABLE) ? globals
                        : new TemplateNode.Fields(Map.of(), Map.of(), line);
                TemplateTable.read(file, id, type, resource, line, defaults, intrinsics, context, problems, warnings)
                        .ifPresent(documents::add);
                if (intrinsics.exhausted()) {
                    break; // every further function would fail the same way
                }
            }
            if (tables == 0) {
                problems.add(new SpecProblem(new Origin(file, root.lineOf("Resources"), 0), "Resources",
                        "has no AWS::DynamoDB::Table or AWS::Serverless::SimpleTable"));
            }
            return new SpecFile.Contents(documents, problems, warnings, intrinsics.pseudoParametersUsed(), parameterNames);
        } catch (TemplateProblem problem) {
            problems.add(problem.in(file));
            return new SpecFile.Contents(documents, problems, warnings, Set.of(), parameterNames);
        }
    }

    /** A top-level section (or one inside another), empty when absent. */
    private static TemplateNode.Fields section(TemplateNode.Fields parent, String name) throws TemplateProblem {
        TemplateNode section = parent.get(name);
        if (section == null || section instanceof TemplateNode.Text text && text.value() == null) {
            return new TemplateNode.Fields(Map.of(), Map.of(), parent.lineOf(name));
        }
        if (section instanceof TemplateNode.Fields fields) {
            return fields;
        }
        throw new TemplateProblem(parent.lineOf(name), name, "must be a mapping, got " + TemplateNode.kind(section));
    }

    /** SAM and the language extensions change nothing dynoctl reads; a macro could change anything. */
    private static void transforms(Path file, TemplateNode.Fields root, TemplateContext context, List<SpecProblem> problems,
                                   List<SpecProblem> warnings) {
        TemplateNode given = root.get("Transform");
        if (given == null) {
            return;
        }
        List<TemplateNode> names = given instanceof TemplateNode.Items items ? items.items() : List.of(given);
        for (TemplateNode name : names) {
            String transform = name instanceof TemplateNode.Text text && text.value() != null ? text.value() : "(a mapping)";
            if (TRANSFORMS.contains(transform)) {
                continue;
            }
            Origin at = new Origin(file, name.line(), 0);
            if (context.ignoreUnsupported()) {
                warnings.add(new SpecProblem(at, "Transform", Names.quote(transform) + " is a macro dynoctl cannot run; the "
                        + "tables are read as written (--ignore-unsupported)"));
            } else {
                problems.add(new SpecProblem(at, "Transform", Names.quote(transform) + " is a macro dynoctl cannot run (it may "
                        + "change the tables); --ignore-unsupported reads them as written"));
            }
        }
    }

    /** Whether a table resource type appears anywhere in the node. */
    private static boolean mentionsTable(TemplateNode node) {
        if (node instanceof TemplateNode.Text text) {
            return TemplateTable.TABLE.equals(text.value()) || TemplateTable.SIMPLE_TABLE.equals(text.value())
                    || "AWS::DynamoDB::GlobalTable".equals(text.value());
        }
        if (node instanceof TemplateNode.Items items) {
            return items.items().stream().anyMatch(TemplateReader::mentionsTable);
        }
        return node instanceof TemplateNode.Fields fields && fields.fields().values().stream().anyMatch(TemplateReader::mentionsTable);
    }
}
