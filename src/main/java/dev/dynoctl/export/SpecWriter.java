package dev.dynoctl.export;

import dev.dynoctl.table.Billing;
import dev.dynoctl.table.ExistingTable;
import dev.dynoctl.table.GlobalIndex;
import dev.dynoctl.table.IndexSyntax;
import dev.dynoctl.table.LocalIndex;
import dev.dynoctl.table.Setting;
import dev.dynoctl.table.TableSpec;
import dev.dynoctl.table.Toggle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table as a spec file (YAML, one table), in the vocabulary {@code SpecFile} reads: each setting dynoctl declares,
 * written by name from an allowlist, so a field DynamoDB adds to its answers never leaks into the file. Every setting
 * DynamoDB reported is written, off and default values too ({@code stream: off}), so that plan compares it.
 */
public final class SpecWriter {
    private static final Yaml.Plain OFF = new Yaml.Plain(Toggle.OFF);

    private SpecWriter() {
    }

    /** @throws ExportException when an index's attribute names cannot be declared (see {@link ExportedSettings#of}) */
    public static ExportedTable write(ExistingTable existing) {
        ExportedSettings exported = ExportedSettings.of(existing);
        List<String> skipped = new ArrayList<>(exported.skipped());
        return new ExportedTable(exported.spec().name(), Yaml.document(settings(exported.spec())), skipped);
    }

    private static Map<String, Object> settings(TableSpec spec) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put(Setting.NAME.key(), spec.name());
        file.put(Setting.PK.key(), spec.partitionKey().syntax());
        spec.sortKey().ifPresent(key -> file.put(Setting.SK.key(), key.syntax()));
        boolean provisioned = spec.billing() instanceof Billing.Provisioned;
        file.put(Setting.BILLING_MODE.key(), provisioned ? "provisioned" : "on-demand");
        if (spec.billing() instanceof Billing.Provisioned capacity) {
            file.put(Setting.READ_CAPACITY.key(), capacity.readCapacity());
            file.put(Setting.WRITE_CAPACITY.key(), capacity.writeCapacity());
        }
        List<String> globalIndexes = new ArrayList<>();
        for (GlobalIndex index : spec.globalIndexes()) {
            globalIndexes.add(IndexSyntax.format(index, provisioned).orElseThrow());
        }
        putList(file, Setting.GSI, globalIndexes);
        List<String> localIndexes = new ArrayList<>();
        for (LocalIndex index : spec.localIndexes()) {
            localIndexes.add(IndexSyntax.format(index).orElseThrow());
        }
        putList(file, Setting.LSI, localIndexes);
        spec.stream().ifPresent(stream -> file.put(Setting.STREAM.key(), stream.value().<Object>map(Enum::name).orElse(OFF)));
        spec.ttl().ifPresent(on -> file.put(Setting.TTL_ATTRIBUTE.key(), on.value().<Object>map(attribute -> attribute).orElse(OFF)));
        if (!spec.tags().isEmpty()) {
            file.put(Setting.TAG.key(), spec.tags());
        }
        spec.encryption().ifPresent(sse -> file.put(Setting.SSE.key(), sse.toString()));
        spec.tableClass().ifPresent(tableClass -> file.put(Setting.TABLE_CLASS.key(), tableClass.toString()));
        spec.deletionProtection().ifPresent(on -> file.put(Setting.DELETION_PROTECTION.key(), on));
        spec.pitr().ifPresent(pitr -> {
            file.put(Setting.PITR.key(), pitr.enabled());
            pitr.recoveryPeriodDays().ifPresent(days -> file.put(Setting.PITR_RECOVERY_DAYS.key(), days));
        });
        spec.onDemandMax().ifPresent(max -> {
            max.read().ifPresent(units -> file.put(Setting.MAX_READ_UNITS.key(), units));
            max.write().ifPresent(units -> file.put(Setting.MAX_WRITE_UNITS.key(), units));
        });
        spec.warmThroughput().ifPresent(warm -> {
            warm.read().ifPresent(units -> file.put(Setting.WARM_READ_UNITS.key(), units));
            warm.write().ifPresent(units -> file.put(Setting.WARM_WRITE_UNITS.key(), units));
        });
        spec.resourcePolicy().ifPresent(policy -> file.put(Setting.RESOURCE_POLICY.key(),
                policy.value().map(SpecWriter::policy).orElse(OFF)));
        spec.contributorInsights().ifPresent(on -> file.put(Setting.CONTRIBUTOR_INSIGHTS.key(), on));
        return file;
    }

    private static void putList(Map<String, Object> file, Setting setting, List<String> values) {
        if (!values.isEmpty()) {
            file.put(setting.key(), values);
        }
    }

    /** The policy as DynamoDB holds it, line by line where it has lines; plan compares its JSON, not its whitespace. */
    private static Object policy(String document) {
        return document.strip().contains("\n") && Yaml.blockable(document) ? new Yaml.Block(document) : document.strip();
    }

}
