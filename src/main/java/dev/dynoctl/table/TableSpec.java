package dev.dynoctl.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the user declared for a table (from flags and --spec); built and checked by {@link SpecParser}.
 * Optional settings that are empty were not declared: they are neither sent nor compared, and apply leaves them as
 * they are. {@link ExistingTable} maps a table that exists into this model too.
 */
public record TableSpec(String name, KeyAttribute partitionKey, Optional<KeyAttribute> sortKey, Billing billing,
                        List<GlobalIndex> globalIndexes, List<LocalIndex> localIndexes, Optional<Toggle<StreamView>> stream,
                        Optional<Toggle<String>> ttl, Map<String, String> tags, Optional<Encryption> encryption,
                        Optional<TableClass> tableClass, Optional<Boolean> deletionProtection, Optional<Pitr> pitr,
                        Optional<UnitLimits> onDemandMax, Optional<UnitLimits> warmThroughput,
                        Optional<Toggle<String>> resourcePolicy, Optional<Boolean> contributorInsights) {

    public TableSpec {
        globalIndexes = List.copyOf(globalIndexes);
        localIndexes = List.copyOf(localIndexes);
        tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
    }

    /** Every key attribute of the table and its indexes, each once (the CreateTable AttributeDefinitions). */
    public List<KeyAttribute> keyAttributes() {
        List<KeyAttribute> all = new ArrayList<>();
        all.add(partitionKey);
        sortKey.ifPresent(all::add);
        for (GlobalIndex index : globalIndexes) {
            all.add(index.partitionKey());
            index.sortKey().ifPresent(all::add);
        }
        localIndexes.forEach(index -> all.add(index.sortKey()));
        return all.stream().distinct().toList();
    }

    /** Settings applied after the table is ACTIVE, which need waiting; one declared off needs nothing on a new table. */
    public boolean hasFollowUps() {
        return ttl.filter(Toggle::isOn).isPresent() || pitr.filter(Pitr::enabled).isPresent()
                || contributorInsights.orElse(false);
    }
}
