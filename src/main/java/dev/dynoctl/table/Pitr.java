package dev.dynoctl.table;

import java.util.Optional;

/** Point-in-time recovery: on or off, with an optional recovery period (1-35 days). */
public record Pitr(boolean enabled, Optional<Integer> recoveryPeriodDays) {
    @Override
    public String toString() {
        return enabled ? "on" + recoveryPeriodDays.map(d -> " (" + d + " days)").orElse("") : "off";
    }
}
