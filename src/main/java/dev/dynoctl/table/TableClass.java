package dev.dynoctl.table;

public enum TableClass {
    STANDARD("standard"), STANDARD_INFREQUENT_ACCESS("standard-ia");

    private final String option;

    TableClass(String option) {
        this.option = option;
    }

    @Override
    public String toString() {
        return option;
    }
}
