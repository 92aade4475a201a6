package dev.dynoctl.table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The compact index syntax of --gsi and --lsi:
 * <pre>
 *   --gsi NAME:PK:TYPE[,SK:TYPE][:OPTION=VALUE]...   options: projection=all|keys_only|include(a,b,...),
 *                                                     rcu=N, wcu=N (provisioned tables), max-rcu=N, max-wcu=N (on-demand)
 *   --lsi NAME:SK:TYPE[:projection=...]
 * </pre>
 * Colons inside projection=include(...) belong to the attribute list. Attribute names with ',', '=', '(' or ')' (and
 * projected names with spaces at either end) cannot be written in it, in a flag or a spec file alike.
 */
public final class IndexSyntax {
    private IndexSyntax() {
    }

    /**
     * An index as --gsi takes it: its projection unless ALL (included attributes sorted), its capacity on a provisioned
     * table, its on-demand maximum on an on-demand one. Empty when the syntax cannot hold the index's attribute names:
     * the text must read back as the same index, so what is written is exactly what {@link #global} reads.
     */
    public static Optional<String> format(GlobalIndex index, boolean provisionedTable) {
        GlobalIndex written = new GlobalIndex(index.name(), index.partitionKey(), index.sortKey(), sorted(index.projection()),
                provisionedTable ? index.capacity() : Optional.empty(),
                provisionedTable ? Optional.empty() : index.onDemandMax());
        StringBuilder text = new StringBuilder(index.name()).append(':').append(index.partitionKey().syntax());
        index.sortKey().ifPresent(key -> text.append(',').append(key.syntax()));
        text.append(projectionOption(written.projection()));
        written.capacity().ifPresent(capacity -> text.append(":rcu=").append(capacity.read())
                .append(":wcu=").append(capacity.write()));
        written.onDemandMax().ifPresent(max -> {
            max.read().ifPresent(units -> text.append(":max-rcu=").append(units));
            max.write().ifPresent(units -> text.append(":max-wcu=").append(units));
        });
        return readsBack(text.toString(), written, t -> global(t, provisionedTable));
    }

    /** A local index as --lsi takes it, or empty when the syntax cannot hold its attribute names (see the global one). */
    public static Optional<String> format(LocalIndex index) {
        LocalIndex written = new LocalIndex(index.name(), index.sortKey(), sorted(index.projection()));
        return readsBack(index.name() + ":" + index.sortKey().syntax() + projectionOption(written.projection()), written,
                IndexSyntax::local);
    }

    private static <T> Optional<String> readsBack(String text, T index, java.util.function.Function<String, T> parse) {
        try {
            return index.equals(parse.apply(text)) ? Optional.of(text) : Optional.empty();
        } catch (InvalidSpecException e) {
            return Optional.empty();
        }
    }

    private static Projection sorted(Projection projection) {
        return new Projection(projection.type(), projection.nonKeyAttributes().stream().sorted().toList());
    }

    private static String projectionOption(Projection projection) {
        return switch (projection.type()) {
            case ALL -> "";
            case KEYS_ONLY -> ":projection=keys_only";
            case INCLUDE -> ":projection=include(" + String.join(",", projection.nonKeyAttributes()) + ")";
        };
    }

    static GlobalIndex global(String text, boolean provisionedTable) {
        Parts parts = Parts.split("gsi", text);
        List<KeyAttribute> keys = parts.keys("gsi");
        if (keys.size() > 2) {
            throw parts.error("gsi", "at most a partition key and a sort key (NAME:PK:TYPE,SK:TYPE)");
        }
        if (keys.size() == 2 && keys.get(0).name().equals(keys.get(1).name())) {
            throw parts.error("gsi", "the sort key must differ from the partition key");
        }
        Projection projection = Projection.ALL;
        Long rcu = null;
        Long wcu = null;
        Long maxRcu = null;
        Long maxWcu = null;
        for (String[] option : parts.options) {
            switch (option[0]) {
                case "projection" -> projection = projection("gsi", parts.name, option[1]);
                case "rcu" -> rcu = SpecParser.positive("gsi", option[1]);
                case "wcu" -> wcu = SpecParser.positive("gsi", option[1]);
                case "max-rcu" -> maxRcu = SpecParser.positive("gsi", option[1]);
                case "max-wcu" -> maxWcu = SpecParser.positive("gsi", option[1]);
                default -> throw parts.error("gsi", "unknown option " + Names.quote(option[0])
                        + " (known: projection, rcu, wcu, max-rcu, max-wcu)");
            }
        }
        Optional<Throughput> capacity = Optional.empty();
        if (provisionedTable) {
            if (rcu == null || wcu == null) {
                throw parts.error("gsi", "rcu=N and wcu=N are required on a provisioned table");
            }
            capacity = Optional.of(new Throughput(rcu, wcu));
        } else if (rcu != null || wcu != null) {
            throw parts.error("gsi", "rcu and wcu are only allowed on a provisioned table (use max-rcu/max-wcu on on-demand)");
        }
        if (provisionedTable && (maxRcu != null || maxWcu != null)) {
            throw parts.error("gsi", "max-rcu and max-wcu are only allowed on an on-demand table");
        }
        Optional<UnitLimits> onDemandMax = maxRcu == null && maxWcu == null ? Optional.empty()
                : Optional.of(new UnitLimits(Optional.ofNullable(maxRcu), Optional.ofNullable(maxWcu)));
        return new GlobalIndex(parts.name, keys.get(0), keys.size() > 1 ? Optional.of(keys.get(1)) : Optional.empty(),
                projection, capacity, onDemandMax);
    }

    static LocalIndex local(String text) {
        Parts parts = Parts.split("lsi", text);
        List<KeyAttribute> keys = parts.keys("lsi");
        if (keys.size() != 1) {
            throw parts.error("lsi", "expected NAME:SK:TYPE (the partition key is the table's)");
        }
        Projection projection = Projection.ALL;
        for (String[] option : parts.options) {
            if (!option[0].equals("projection")) {
                throw parts.error("lsi", "unknown option " + Names.quote(option[0]) + " (known: projection)");
            }
            projection = projection("lsi", parts.name, option[1]);
        }
        return new LocalIndex(parts.name, keys.get(0), projection);
    }

    private static Projection projection(String setting, String index, String value) {
        String text = value.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("all")) {
            return Projection.ALL;
        }
        if (lower.equals("keys_only") || lower.equals("keys-only")) {
            return new Projection(Projection.Type.KEYS_ONLY, List.of());
        }
        if (lower.startsWith("include(") && text.endsWith(")")) {
            Set<String> attributes = new LinkedHashSet<>();
            for (String attribute : text.substring("include(".length(), text.length() - 1).split(",", -1)) {
                Names.requireAttributeName(setting, attribute.trim());
                if (!attributes.add(attribute.trim())) {
                    throw new InvalidSpecException(setting, "index " + index + ": attribute " + Names.quote(attribute.trim())
                            + " is projected twice");
                }
            }
            if (attributes.size() > SpecParser.MAX_PROJECTED_PER_INDEX) {
                throw new InvalidSpecException(setting, "index " + index + ": at most " + SpecParser.MAX_PROJECTED_PER_INDEX
                        + " projected attributes (got " + attributes.size() + ")");
            }
            return new Projection(Projection.Type.INCLUDE, new ArrayList<>(attributes));
        }
        throw new InvalidSpecException(setting, "index " + index + ": projection must be all, keys_only or include(a,b,...), got "
                + Names.quote(value));
    }

    /** NAME, the key section and the OPTION=VALUE parts of an index definition. */
    private record Parts(String text, String name, String keySection, List<String[]> options) {
        static Parts split(String setting, String text) {
            List<String> tokens = topLevelColonSplit(text);
            String name = tokens.get(0).trim();
            try {
                Names.requireTableName(setting, name);
            } catch (InvalidSpecException e) {
                throw new InvalidSpecException(setting, "index name must be 3-255 characters of a-z, A-Z, 0-9, '_', '-', '.' (got "
                        + Names.quote(name) + " in " + Names.quote(text) + ")");
            }
            List<String> keyTokens = new ArrayList<>();
            List<String[]> options = new ArrayList<>();
            for (String token : tokens.subList(1, tokens.size())) {
                int equals = token.indexOf('=');
                if (equals > 0) {
                    String option = token.substring(0, equals).trim().toLowerCase(Locale.ROOT);
                    if (options.stream().anyMatch(earlier -> earlier[0].equals(option))) {
                        throw new InvalidSpecException(setting, "option " + Names.quote(option) + " is given twice in "
                                + Names.quote(text));
                    }
                    options.add(new String[] {option, token.substring(equals + 1)});
                } else if (options.isEmpty()) {
                    keyTokens.add(token);
                } else {
                    throw new InvalidSpecException(setting, "expected OPTION=VALUE after the keys, got " + Names.quote(token)
                            + " in " + Names.quote(text));
                }
            }
            return new Parts(text, name, String.join(":", keyTokens), options);
        }

        List<KeyAttribute> keys(String setting) {
            if (keySection.isEmpty()) {
                throw error(setting, "missing the index key: expected NAME:ATTRIBUTE:TYPE");
            }
            List<KeyAttribute> keys = new ArrayList<>();
            for (String key : keySection.split(",", -1)) {
                try {
                    keys.add(KeyAttribute.parse(setting, key));
                } catch (InvalidSpecException e) {
                    throw error(setting, e.getMessage());
                }
            }
            return keys;
        }

        InvalidSpecException error(String setting, String problem) {
            return new InvalidSpecException(setting, "index " + name + ": " + problem + " (in " + Names.quote(text) + ")");
        }

        /** Splits on ':' except inside parentheses (projection=include(a:b)). */
        private static List<String> topLevelColonSplit(String text) {
            List<String> tokens = new ArrayList<>();
            int depth = 0;
            StringBuilder current = new StringBuilder();
            for (char c : text.toCharArray()) {
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth = Math.max(0, depth - 1);
                }
                if (c == ':' && depth == 0) {
                    tokens.add(current.toString());
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            tokens.add(current.toString());
            return tokens;
        }
    }
}
