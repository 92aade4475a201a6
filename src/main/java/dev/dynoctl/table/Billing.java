package dev.dynoctl.table;

/** How a table pays for throughput: on demand, or provisioned read/write capacity units. */
public sealed interface Billing {

    record OnDemand() implements Billing {
        @Override
        public String toString() {
            return "on-demand";
        }
    }

    record Provisioned(long readCapacity, long writeCapacity) implements Billing {
        @Override
        public String toString() {
            return "provisioned (read " + readCapacity + ", write " + writeCapacity + ")";
        }
    }

    enum Mode { ON_DEMAND, PROVISIONED }

    /** Checks that capacities are given exactly when the mode is provisioned; nulls mean "not given". */
    static Billing of(Mode mode, Long readCapacity, Long writeCapacity) {
        if (mode == Mode.ON_DEMAND) {
            if (readCapacity != null) {
                throw new InvalidSpecException("read-capacity", "only allowed with --billing-mode provisioned");
            }
            if (writeCapacity != null) {
                throw new InvalidSpecException("write-capacity", "only allowed with --billing-mode provisioned");
            }
            return new OnDemand();
        }
        if (readCapacity == null) {
            throw new InvalidSpecException("read-capacity", "required with --billing-mode provisioned");
        }
        if (writeCapacity == null) {
            throw new InvalidSpecException("write-capacity", "required with --billing-mode provisioned");
        }
        return new Provisioned(readCapacity, writeCapacity);
    }
}
