package dev.dynoctl.table;

import java.util.Objects;
import java.util.Optional;

/** What the user declared for a table; valid by construction. */
public record TableSpec(String name, KeyAttribute partitionKey, Optional<KeyAttribute> sortKey, Billing billing) {

    public TableSpec {
        Names.requireTableName("name", name);
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
        Objects.requireNonNull(billing, "billing");
        if (sortKey.isPresent() && sortKey.get().name().equals(partitionKey.name())) {
            throw new InvalidSpecException("sk", "sort key must differ from the partition key (both are "
                    + Names.quote(partitionKey.name()) + ")");
        }
    }

    public static TableSpec of(String name, KeyAttribute partitionKey, KeyAttribute sortKey,
                               Billing.Mode billingMode, Long readCapacity, Long writeCapacity) {
        return new TableSpec(name, partitionKey, Optional.ofNullable(sortKey),
                Billing.of(billingMode, readCapacity, writeCapacity));
    }
}
