package dev.dynoctl.table;

/** Provisioned read and write capacity units of an index. */
public record Throughput(long read, long write) {
    @Override
    public String toString() {
        return "read " + read + ", write " + write;
    }
}
