package dev.dynoctl.table;

/** A table as a source declared it: its checked spec, and where its document starts. */
public record DeclaredTable(TableSpec spec, Origin origin) {
}
