package dev.dynoctl.table;

import java.util.Optional;

/** A pair of optional read/write unit figures: on-demand maximum throughput, or warm throughput. */
public record UnitLimits(Optional<Long> read, Optional<Long> write) {
    @Override
    public String toString() {
        return "read " + read.map(String::valueOf).orElse("-") + ", write " + write.map(String::valueOf).orElse("-");
    }
}
