package dev.dynoctl.export;

import dev.dynoctl.table.Billing;
import dev.dynoctl.table.Encryption;
import dev.dynoctl.table.ExistingTable;
import dev.dynoctl.table.GlobalIndex;
import dev.dynoctl.table.IndexSyntax;
import dev.dynoctl.table.LocalIndex;
import dev.dynoctl.table.Projection;
import dev.dynoctl.table.Setting;
import dev.dynoctl.table.TableClass;
import dev.dynoctl.table.TableSpec;
import dev.dynoctl.table.Toggle;
import dev.dynoctl.table.UnitLimits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What both formats export of a table: the settings DynamoDB reported, in the order the files show them (indexes by
 * name, projected attributes and tags sorted), less what no declaration can hold; and a line for each part left out.
 */
record ExportedSettings(TableSpec spec, List<String> skipped) {
    static final String NOT_EXPORTED = "; not exported";
    /**
     * The warm throughput every new table starts with (read, write units per second). Only figures above them are
     * exported: DynamoDB reports warm throughput for every table, and a file declaring more makes apply pre-warm a new
     * table, which AWS charges for.
     */
    static final long DEFAULT_WARM_READ = 12_000;
    static final long DEFAULT_WARM_WRITE = 4_000;

    /**
     * @throws ExportException for an index whose attribute names no declaration can hold (leaving it out would make
     *                         apply --prune-indexes delete it)
     */
    static ExportedSettings of(ExistingTable existing) {
        TableSpec reported = existing.settings();
        boolean provisioned = reported.billing() instanceof Billing.Provisioned;
        reported.globalIndexes().stream().filter(index -> IndexSyntax.format(index, provisioned).isEmpty()).findFirst()
                .ifPresent(index -> {
                    throw undeclarable(reported, Setting.GSI, index.name());
                });
        reported.localIndexes().stream().filter(index -> IndexSyntax.format(index).isEmpty()).findFirst()
                .ifPresent(index -> {
                    throw undeclarable(reported, Setting.LSI, index.name());
                });
        List<String> skipped = new ArrayList<>();
        new TreeMap<>(existing.unreported()).forEach((setting, why) -> {
            if (setting != Setting.TABLE_CLASS) {
                skipped.add(setting.label() + ": " + why + NOT_EXPORTED);
            }
        });
        TableSpec table = existing.settings();
        // DynamoDB leaves the class out for some standard tables, never for another class (so plan compares it so too).
        Optional<TableClass> tableClass = table.tableClass().or(() -> Optional.of(TableClass.STANDARD));
        Map<String, String> tags = new TreeMap<>();
        List<String> awsTags = new ArrayList<>();
        // Declared tags are KEY=VALUE, split at the first '=' (in templates too, which dynoctl reads into that form).
        List<String> withEquals = new ArrayList<>();
        table.tags().forEach((key, value) -> {
            if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                awsTags.add(key);
            } else if (key.contains("=")) {
                withEquals.add(key);
            } else {
                tags.put(key, value);
            }
        });
        if (!awsTags.isEmpty()) {
            skipped.add(Setting.TAG.label() + ": " + String.join(", ", awsTags.stream().sorted().toList())
                    + ": AWS's own (aws:), which no declaration can set" + NOT_EXPORTED);
        }
        if (!withEquals.isEmpty()) {
            skipped.add(Setting.TAG.label() + ": " + String.join(", ", withEquals.stream().sorted().toList())
                    + ": a key with '=', which no declaration can hold" + NOT_EXPORTED);
        }
        // Declarations say "off" for TTL off: an attribute of that name cannot be declared.
        Optional<Toggle<String>> ttl = table.ttl();
        if (ttl.flatMap(Toggle::value).filter(attribute -> attribute.trim().equalsIgnoreCase(Toggle.OFF)).isPresent()) {
            skipped.add(Setting.TTL_ATTRIBUTE.label() + ": its attribute is named " + ttl.get().value().get()
                    + ", which a declaration reads as TTL off" + NOT_EXPORTED);
            ttl = Optional.empty();
        }
        boolean onDemand = table.billing() instanceof Billing.OnDemand;
        List<GlobalIndex> globalIndexes = table.globalIndexes().stream()
                .map(index -> new GlobalIndex(index.name(), index.partitionKey(), index.sortKey(), sorted(index.projection()),
                        index.capacity(), onDemand ? index.onDemandMax() : Optional.empty()))
                .sorted(Comparator.comparing(GlobalIndex::name)).toList();
        List<LocalIndex> localIndexes = table.localIndexes().stream()
                .map(index -> new LocalIndex(index.name(), index.sortKey(), sorted(index.projection())))
                .sorted(Comparator.comparing(LocalIndex::name)).toList();
        Optional<UnitLimits> warm = table.warmThroughput()
                .map(units -> new UnitLimits(units.read().filter(read -> read > DEFAULT_WARM_READ),
                        units.write().filter(write -> write > DEFAULT_WARM_WRITE)))
                .filter(units -> units.read().isPresent() || units.write().isPresent());
        // KMS without a key ARN can only be the AWS managed key: a customer key is always named.
        Optional<Encryption> encryption = table.encryption()
                .map(sse -> sse instanceof Encryption.Kms kms && kms.key().isEmpty() ? new Encryption.AwsManaged() : sse);
        TableSpec spec = new TableSpec(table.name(), table.partitionKey(), table.sortKey(), table.billing(), globalIndexes,
                localIndexes, table.stream(), ttl, tags, encryption, tableClass, table.deletionProtection(),
                table.pitr(), onDemand ? table.onDemandMax() : Optional.empty(), warm, table.resourcePolicy(),
                table.contributorInsights());
        return new ExportedSettings(spec, skipped);
    }

    private static ExportException undeclarable(TableSpec spec, Setting setting, String index) {
        return new ExportException(spec.name() + ": " + setting.label() + " " + index + ": its attribute names cannot be "
                + "declared (they contain ',', '=', '(' or ')', or begin or end with a space)");
    }

    private static Projection sorted(Projection projection) {
        return new Projection(projection.type(), projection.nonKeyAttributes().stream().sorted().toList());
    }
}
