package dev.dynoctl.table;

import java.util.Optional;

public record GlobalIndex(String name, KeyAttribute partitionKey, Optional<KeyAttribute> sortKey, Projection projection,
                          Optional<Throughput> capacity, Optional<UnitLimits> onDemandMax) {
}
