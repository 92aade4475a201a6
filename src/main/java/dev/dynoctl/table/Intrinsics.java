package dev.dynoctl.table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * CloudFormation's intrinsic functions over one template, as far as they can be known without deploying it: Ref to
 * parameters and pseudo parameters, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap, Fn::Base64, Fn::If with
 * the Conditions (Fn::Equals, Fn::Not, Fn::And, Fn::Or, Condition). Anything only a deployment knows (another resource's
 * attribute or physical ID, another stack's export) is a problem naming the property path it was met at.
 *
 * <p>Bounded on any input: conditions that refer to each other in a circle are a problem, evaluation nests at most
 * {@link #MAX_NESTING} deep, and the functions of one template may make at most {@link #MAX_TEXT} characters of text
 * (nested Fn::Sub can double a value at each level).
 */
final class Intrinsics {
    static final int MAX_NESTING = 200;
    static final long MAX_TEXT = 4L * 1024 * 1024;

    private final TemplateNode.Fields parameters;
    private final TemplateNode.Fields mappings;
    private final TemplateNode.Fields conditions;
    private final Set<String> resources;
    private final TemplateContext context;
    private final Set<String> pseudoParametersUsed = new TreeSet<>();
    /** Each condition's value once known, or the problem that it has. */
    private final Map<String, Object> decided = new HashMap<>();
    private final LinkedHashSet<String> deciding = new LinkedHashSet<>();
    private long produced;
    private int nesting;

    Intrinsics(TemplateNode.Fields parameters, TemplateNode.Fields mappings, TemplateNode.Fields conditions, Set<String> resources,
               TemplateContext context) {
        this.parameters = parameters;
        this.mappings = mappings;
        this.conditions = conditions;
        this.resources = resources;
        this.context = context;
    }

    /** The pseudo parameters (AWS::Region, ...) the evaluation has used so far. */
    Set<String> pseudoParametersUsed() {
        return pseudoParametersUsed;
    }

    /** Whether the template has made all the text it may: nothing more can be evaluated. */
    boolean exhausted() {
        return produced > MAX_TEXT;
    }

    /** The node with every function in it evaluated; null when it is AWS::NoValue (the property is left out). */
    TemplateNode value(TemplateNode node, String path) throws TemplateProblem {
        nest(node, path);
        try {
            if (node instanceof TemplateNode.Text) {
                return node;
            }
            if (node instanceof TemplateNode.Items items) {
                List<TemplateNode> values = new ArrayList<>();
                for (int i = 0; i < items.items().size(); i++) {
                    TemplateNode value = value(items.items().get(i), path + "[" + i + "]");
                    if (value != null) {
                        values.add(value);
                    }
                }
                return new TemplateNode.Items(values, node.line());
            }
            TemplateNode.Fields fields = (TemplateNode.Fields) node;
            String function = fields.function();
            if (function != null) {
                return call(function, fields.get(function), path + "." + function, fields.lineOf(function));
            }
            Map<String, TemplateNode> values = new LinkedHashMap<>();
            for (Map.Entry<String, TemplateNode> field : fields.fields().entrySet()) {
                TemplateNode value = value(field.getValue(), path + "." + field.getKey());
                if (value != null) {
                    values.put(field.getKey(), value);
                }
            }
            return new TemplateNode.Fields(values, fields.lines(), node.line());
        } finally {
            nesting--;
        }
    }

    /** A condition of the Conditions section, evaluated once. */
    boolean condition(String name, int line, String path) throws TemplateProblem {
        Object known = decided.get(name);
        if (known instanceof TemplateProblem problem) {
            throw problem;
        }
        if (known != null) {
            return (Boolean) known;
        }
        if (conditions.get(name) == null) {
            throw new TemplateProblem(line, path, "no condition " + Names.quote(name) + " in Conditions");
        }
        if (!deciding.add(name)) {
            List<String> circle = new ArrayList<>(deciding);
            circle = circle.subList(circle.indexOf(name), circle.size());
            throw new TemplateProblem(line, path, "condition " + name + " refers to itself: " + String.join(" -> ", circle)
                    + " -> " + name);
        }
        try {
            boolean value = truth(conditions.get(name), "Conditions." + name);
            decided.put(name, value);
            return value;
        } catch (TemplateProblem problem) {
            decided.put(name, problem);
            throw problem;
        } finally {
            deciding.remove(name);
        }
    }

    private boolean truth(TemplateNode node, String path) throws TemplateProblem {
        nest(node, path);
        try {
            if (node instanceof TemplateNode.Fields fields && fields.fields().size() == 1) {
                String function = fields.fields().keySet().iterator().next();
                TemplateNode argument = fields.get(function);
                String at = path + "." + function;
                int line = fields.lineOf(function);
                switch (function) {
                    case "Condition" -> {
                        return condition(literal(argument, at, "a condition's name"), line, at);
                    }
                    case "Fn::Equals" -> {
                        List<TemplateNode> pair = arguments(argument, at, 2, 2);
                        return same(value(pair.get(0), at + "[0]"), value(pair.get(1), at + "[1]"));
                    }
                    case "Fn::Not" -> {
                        return !truth(arguments(argument, at, 1, 1).get(0), at + "[0]");
                    }
                    case "Fn::And", "Fn::Or" -> {
                        List<TemplateNode> operands = arguments(argument, at, 2, 10);
                        boolean and = function.equals("Fn::And");
                        boolean result = and;
                        for (int i = 0; i < operands.size(); i++) {
                            boolean operand = truth(operands.get(i), at + "[" + i + "]");
                            result = and ? result && operand : result || operand;
                        }
                        return result;
                    }
                    default -> {
                        // Fn::If and the like in a condition: its value must be true or false
                    }
                }
            }
            String text = text(value(node, path), node.line(), path);
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw new TemplateProblem(node.line(), path, "expected a condition (Fn::Equals, Fn::Not, Fn::And, Fn::Or, Condition), "
                    + "got " + Names.quote(text));
        } finally {
            nesting--;
        }
    }

    private TemplateNode call(String function, TemplateNode argument, String path, int line) throws TemplateProblem {
        switch (function) {
            case "Ref" -> {
                return ref(literal(argument, path, "a parameter's name"), line, path);
            }
            case "Fn::Sub" -> {
                return sub(argument, line, path);
            }
            case "Fn::Join" -> {
                List<TemplateNode> join = arguments(argument, path, 2, 2);
                String delimiter = text(value(join.get(0), path + "[0]"), line, path + "[0]");
                StringBuilder joined = new StringBuilder();
                List<TemplateNode> parts = list(value(join.get(1), path + "[1]"), line, path + "[1]");
                for (int i = 0; i < parts.size(); i++) {
                    append(joined, i == 0 ? "" : delimiter, line, path);
                    append(joined, text(parts.get(i), line, path + "[1][" + i + "]"), line, path);
                }
                return new TemplateNode.Text(joined.toString(), line);
            }
            case "Fn::Select" -> {
                List<TemplateNode> select = arguments(argument, path, 2, 2);
                String index = text(value(select.get(0), path + "[0]"), line, path + "[0]");
                List<TemplateNode> from = list(value(select.get(1), path + "[1]"), line, path + "[1]");
                if (!index.matches("[0-9]{1,9}") || Integer.parseInt(index) >= from.size()) {
                    throw new TemplateProblem(line, path, "index " + Names.quote(index) + " is not one of the list's 0 to "
                            + (from.size() - 1));
                }
                return from.get(Integer.parseInt(index));
            }
            case "Fn::Split" -> {
                List<TemplateNode> split = arguments(argument, path, 2, 2);
                String delimiter = text(value(split.get(0), path + "[0]"), line, path + "[0]");
                String source = text(value(split.get(1), path + "[1]"), line, path + "[1]");
                if (delimiter.isEmpty()) {
                    throw new TemplateProblem(line, path, "the delimiter must not be empty");
                }
                List<TemplateNode> parts = new ArrayList<>();
                for (String part : source.split(java.util.regex.Pattern.quote(delimiter), -1)) {
                    spend(1, line, path);
                    parts.add(new TemplateNode.Text(part, line));
                }
                return new TemplateNode.Items(parts, line);
            }
            case "Fn::FindInMap" -> {
                return findInMap(arguments(argument, path, 3, 4), line, path);
            }
            case "Fn::If" -> {
                List<TemplateNode> branches = arguments(argument, path, 3, 3);
                boolean chosen = condition(literal(branches.get(0), path + "[0]", "a condition's name"), line, path + "[0]");
                return value(branches.get(chosen ? 1 : 2), path + (chosen ? "[1]" : "[2]"));
            }
            case "Fn::Base64" -> {
                String encoded = Base64.getEncoder().encodeToString(text(value(argument, path), line, path)
                        .getBytes(StandardCharsets.UTF_8));
                spend(encoded.length(), line, path);
                return new TemplateNode.Text(encoded, line);
            }
            case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or" -> throw new TemplateProblem(line, path,
                    function + " belongs in Conditions (or in the condition of Fn::If); give Fn::If a condition's name");
            case "Fn::GetAtt" -> throw TemplateProblem.deployTime(line, path, "Fn::GetAtt is not supported: another resource's "
                    + "attribute is known only once CloudFormation deploys the stack; write the value out or pass it as a parameter");
            case "Fn::ImportValue" -> throw TemplateProblem.deployTime(line, path, "Fn::ImportValue is not supported: another stack's "
                    + "export is known only to CloudFormation; write the value out or pass it as a parameter");
            default -> throw new TemplateProblem(line, path, function + " is not supported (dynoctl evaluates Ref, Fn::Sub, "
                    + "Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap, Fn::Base64 and Fn::If)");
        }
    }

    private TemplateNode ref(String name, int line, String path) throws TemplateProblem {
        if (parameters.get(name) != null) {
            return parameter(name, line, path);
        }
        if (name.startsWith("AWS::")) {
            pseudoParametersUsed.add(name);
        }
        String value = switch (name) {
            case "AWS::NoValue" -> null;
            case "AWS::Region" -> context.region().get().name();
            case "AWS::Partition" -> context.region().get().partition();
            case "AWS::URLSuffix" -> context.region().get().urlSuffix();
            case "AWS::AccountId" -> context.accountId().orElse(TemplateContext.STAND_IN_ACCOUNT);
            case "AWS::StackName" -> context.stackName().orElseThrow(() -> new TemplateProblem(line, path,
                    "AWS::StackName has no value: give --stack-name"));
            default -> {
                if (resources.contains(name)) {
                    throw TemplateProblem.deployTime(line, path, "Ref to the resource " + name + " is not supported: its physical ID "
                            + "is known only once CloudFormation deploys the stack; write the value out or pass it as a parameter");
                }
                throw new TemplateProblem(line, path, name.startsWith("AWS::") ? name + " is not supported (dynoctl knows "
                        + "AWS::Region, AWS::AccountId, AWS::StackName, AWS::Partition, AWS::URLSuffix and AWS::NoValue)"
                        : "Ref to " + Names.quote(name) + ": the template has no such parameter or resource");
            }
        };
        return value == null ? null : new TemplateNode.Text(value, line);
    }

    /** A parameter's value, given or its Default, must be one of its AllowedValues (each item of a list), as CloudFormation checks. */
    void checkAllowedValues(String name) throws TemplateProblem {
        int line = parameters.lineOf(name);
        String path = "Parameters." + name;
        TemplateNode.Fields declared = fields(parameters.get(name), line, path);
        String value = context.parameters().get(name);
        if (value == null && declared.get("Default") instanceof TemplateNode.Text fallback) {
            value = fallback.value();
        }
        if (value == null || !(declared.get("AllowedValues") instanceof TemplateNode.Items allowed)) {
            return;
        }
        List<String> allowedValues = new ArrayList<>();
        for (TemplateNode item : allowed.items()) {
            allowedValues.add(text(item, line, path + ".AllowedValues"));
        }
        for (String one : isList(type(declared)) ? listItems(value) : List.of(value)) {
            if (!allowedValues.contains(one)) {
                throw new TemplateProblem(line, path, Names.quote(one) + (context.parameters().containsKey(name) ? " (--parameter)"
                        : " (its Default)") + " is not one of its AllowedValues (" + String.join(", ", allowedValues) + ")");
            }
        }
    }

    /** A CommaDelimitedList's members: CloudFormation trims each of spaces. */
    private static List<String> listItems(String value) {
        return java.util.Arrays.stream(value.split(",", -1)).map(String::strip).toList();
    }

    /** --parameter, else the Default; a list for CommaDelimitedList and List<...> types. */
    private TemplateNode parameter(String name, int line, String path) throws TemplateProblem {
        TemplateNode.Fields declared = fields(parameters.get(name), parameters.lineOf(name), "Parameters." + name);
        String type = type(declared);
        String value = context.parameters().get(name);
        if (value == null) {
            if (type.startsWith("AWS::SSM::Parameter::Value<")) {
                throw new TemplateProblem(line, path, "parameter " + name + " is read from SSM Parameter Store when CloudFormation "
                        + "deploys: give --parameter " + name + "=VALUE");
            }
            if (!(declared.get("Default") instanceof TemplateNode.Text fallback) || fallback.value() == null) {
                throw new TemplateProblem(line, path, "parameter " + name + " has no value: give --parameter " + name
                        + "=VALUE (it has no Default)");
            }
            value = fallback.value();
        }
        if (!isList(type)) {
            return new TemplateNode.Text(value, line);
        }
        List<TemplateNode> items = new ArrayList<>();
        for (String item : listItems(value)) {
            items.add(new TemplateNode.Text(item, line));
        }
        return new TemplateNode.Items(items, line);
    }

    private static String type(TemplateNode.Fields parameter) {
        return parameter.get("Type") instanceof TemplateNode.Text type && type.value() != null ? type.value() : "String";
    }

    private static boolean isList(String type) {
        return type.equals("CommaDelimitedList") || type.startsWith("List<");
    }

    /** Fn::Sub "text with ${Name}" or [text, {Name: value}]; ${!Name} is the literal ${Name}. */
    private TemplateNode sub(TemplateNode argument, int line, String path) throws TemplateProblem {
        String template;
        TemplateNode.Fields variables;
        if (argument instanceof TemplateNode.Items items) {
            List<TemplateNode> both = arguments(argument, path, 2, 2);
            template = literal(both.get(0), path + "[0]", "the text to substitute into");
            variables = fields(items.items().get(1), line, path + "[1]");
        } else {
            template = literal(argument, path, "the text to substitute into");
            variables = new TemplateNode.Fields(Map.of(), Map.of(), line);
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < template.length()) {
            int start = template.indexOf("${", at);
            int end = start < 0 ? -1 : template.indexOf('}', start);
            if (start < 0 || end < 0) {
                append(out, template.substring(at), line, path);
                break;
            }
            append(out, template.substring(at, start), line, path);
            String name = template.substring(start + 2, end).trim();
            if (name.startsWith("!")) {
                append(out, "${" + name.substring(1) + "}", line, path);
            } else if (variables.get(name) != null) {
                append(out, text(value(variables.get(name), path + "[1]." + name), line, path + "[1]." + name), line, path);
            } else if (name.contains(".") && resources.contains(name.substring(0, name.indexOf('.')))) {
                throw TemplateProblem.deployTime(line, path, "${" + name + "} is another resource's attribute (as Fn::GetAtt), known "
                        + "only once CloudFormation deploys the stack; write the value out or pass it as a parameter");
            } else {
                TemplateNode value = ref(name, line, path);
                append(out, value == null ? "" : text(value, line, path + " (${" + name + "})"), line, path);
            }
            at = end + 1;
        }
        return new TemplateNode.Text(out.toString(), line);
    }

    private TemplateNode findInMap(List<TemplateNode> arguments, int line, String path) throws TemplateProblem {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            keys.add(text(value(arguments.get(i), path + "[" + i + "]"), line, path + "[" + i + "]"));
        }
        TemplateNode found = mappings.get(keys.get(0));
        for (int i = 1; i < 3 && found != null; i++) {
            found = found instanceof TemplateNode.Fields level ? level.get(keys.get(i)) : null;
        }
        if (found != null) {
            return found;
        }
        if (arguments.size() == 4 && arguments.get(3) instanceof TemplateNode.Fields fallback && fallback.get("DefaultValue") != null) {
            return value(fallback.get("DefaultValue"), path + "[3].DefaultValue");
        }
        throw new TemplateProblem(line, path, "Mappings has no " + String.join(".", keys));
    }

    private List<TemplateNode> arguments(TemplateNode argument, String path, int min, int max) throws TemplateProblem {
        if (!(argument instanceof TemplateNode.Items items) || items.items().size() < min || items.items().size() > max) {
            throw new TemplateProblem(argument.line(), path, "expected a list of " + (min == max ? String.valueOf(min)
                    : min + " to " + max) + " values, got " + TemplateNode.kind(argument)
                    + (argument instanceof TemplateNode.Items items ? " of " + items.items().size() : ""));
        }
        return items.items();
    }

    /** Text written as such in the template (a name, not a function's result). */
    private static String literal(TemplateNode node, String path, String what) throws TemplateProblem {
        if (node instanceof TemplateNode.Text text && text.value() != null) {
            return text.value();
        }
        throw new TemplateProblem(node.line(), path, "expected " + what + " as text, got " + TemplateNode.kind(node));
    }

    static String text(TemplateNode node, int line, String path) throws TemplateProblem {
        if (node instanceof TemplateNode.Text text && text.value() != null) {
            return text.value();
        }
        throw new TemplateProblem(node == null ? line : node.line(), path, "expected text, got "
                + (node == null ? "nothing (AWS::NoValue)" : TemplateNode.kind(node)));
    }

    private static List<TemplateNode> list(TemplateNode node, int line, String path) throws TemplateProblem {
        if (node instanceof TemplateNode.Items items) {
            return items.items();
        }
        throw new TemplateProblem(node == null ? line : node.line(), path, "expected a list, got "
                + (node == null ? "nothing (AWS::NoValue)" : TemplateNode.kind(node)));
    }

    private static TemplateNode.Fields fields(TemplateNode node, int line, String path) throws TemplateProblem {
        if (node instanceof TemplateNode.Fields fields) {
            return fields;
        }
        throw new TemplateProblem(node == null ? line : node.line(), path, "expected a mapping, got "
                + (node == null ? "nothing" : TemplateNode.kind(node)));
    }

    /** Equal as values: lines do not count. */
    private static boolean same(TemplateNode a, TemplateNode b) {
        if (a instanceof TemplateNode.Text x && b instanceof TemplateNode.Text y) {
            return Objects.equals(x.value(), y.value());
        }
        if (a instanceof TemplateNode.Items x && b instanceof TemplateNode.Items y) {
            if (x.items().size() != y.items().size()) {
                return false;
            }
            for (int i = 0; i < x.items().size(); i++) {
                if (!same(x.items().get(i), y.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof TemplateNode.Fields x && b instanceof TemplateNode.Fields y) {
            return x.fields().keySet().equals(y.fields().keySet())
                    && x.fields().keySet().stream().allMatch(key -> same(x.get(key), y.get(key)));
        }
        return a == null && b == null;
    }

    private void append(StringBuilder out, String text, int line, String path) throws TemplateProblem {
        spend(text.length(), line, path);
        out.append(text);
    }

    private void spend(long characters, int line, String path) throws TemplateProblem {
        produced += characters;
        if (exhausted()) {
            throw new TemplateProblem(line, path, "the template's functions make more than " + MAX_TEXT / (1024 * 1024)
                    + " MiB of text; a template declares resources, not data");
        }
    }

    private void nest(TemplateNode node, String path) throws TemplateProblem {
        if (++nesting > MAX_NESTING) {
            nesting--;
            throw new TemplateProblem(node.line(), path, "functions and conditions nest deeper than " + MAX_NESTING + " levels");
        }
    }
}
