package dev.dynoctl.table;

/** A local secondary index: the table's partition key with another sort key. */
public record LocalIndex(String name, KeyAttribute sortKey, Projection projection) {
}
