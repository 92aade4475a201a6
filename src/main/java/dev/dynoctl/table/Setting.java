package dev.dynoctl.table;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one vocabulary of a table's settings: each is a spec-file key, the create-table flag {@code --KEY}, that flag's
 * help, and the setting's name in plans, warnings and differences.
 */
public enum Setting {
    NAME("name", "TABLE", "Table name: 3-255 characters of a-z, A-Z, 0-9, '_', '-', '.'.",
            Kind.VALUE, "table name"),
    PK("pk", "NAME:TYPE", "Partition key: attribute name and type S (string), N (number) or B (binary).", Kind.VALUE,
            "partition key"),
    SK("sk", "NAME:TYPE", "Sort key, same form as --pk (default: none).", Kind.VALUE, "sort key"),
    BILLING_MODE("billing-mode", "MODE", "on-demand (default) or provisioned (also PAY_PER_REQUEST, PROVISIONED).", Kind.VALUE,
            "billing mode"),
    READ_CAPACITY("read-capacity", "RCU", "Read capacity units, at least 1; required with provisioned, refused with on-demand.",
            Kind.VALUE, "read capacity"),
    WRITE_CAPACITY("write-capacity", "WCU", "Write capacity units, at least 1; required with provisioned, refused with "
            + "on-demand.", Kind.VALUE, "write capacity"),
    GSI("gsi", "NAME:PK:TYPE[,SK:TYPE][:OPT=V]...", "Global secondary index (repeatable, at most 20). Options: "
            + "projection=all|keys_only|include(a,b), rcu=N and wcu=N (required on provisioned tables), max-rcu=N, max-wcu=N "
            + "(on-demand maximum). E.g. ByEmail:email:S or 'ByDay:day:S,ts:N:projection=include(title,owner)'.",
            Kind.REPEATABLE, "global secondary index"),
    LSI("lsi", "NAME:SK:TYPE[:projection=P]", "Local secondary index (repeatable, at most 5; the table needs --sk). "
            + "E.g. ByScore:score:N.", Kind.REPEATABLE, "local secondary index"),
    STREAM("stream", "VIEW", "Stream view type: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES; off turns "
            + "the stream off.", Kind.VALUE, "stream"),
    TTL_ATTRIBUTE("ttl-attribute", "ATTRIBUTE", "TTL on this attribute (epoch seconds, a Number), set once the table is "
            + "ACTIVE; off turns TTL off.", Kind.VALUE, "TTL"),
    TAG("tag", "KEY=VALUE", "Tag (repeatable, at most 50; keys must not start with aws:).", Kind.REPEATABLE, "tags"),
    SSE("sse", "KEY", "Encryption at rest: aws-owned (DynamoDB's default), aws-managed, or kms:KEY_ID_OR_ARN_OR_ALIAS.",
            Kind.VALUE, "encryption"),
    TABLE_CLASS("table-class", "CLASS", "standard or standard-ia (Standard-Infrequent Access).", Kind.VALUE, "table class"),
    DELETION_PROTECTION("deletion-protection", null, "Turn deletion protection on (or off with --no-deletion-protection).",
            Kind.SWITCH, "deletion protection"),
    PITR("pitr", null, "Turn point-in-time recovery on (or off with --no-pitr), once the table is ACTIVE.", Kind.SWITCH,
            "point-in-time recovery"),
    PITR_RECOVERY_DAYS("pitr-recovery-days", "DAYS", "Point-in-time recovery period, 1-35 days (with --pitr).", Kind.VALUE,
            "point-in-time recovery period"),
    MAX_READ_UNITS("max-read-units", "N", "On-demand maximum read request units per second.", Kind.VALUE,
            "on-demand maximum read units"),
    MAX_WRITE_UNITS("max-write-units", "N", "On-demand maximum write request units per second.", Kind.VALUE,
            "on-demand maximum write units"),
    WARM_READ_UNITS("warm-read-units", "N", "Warm throughput: read units per second to be ready for.", Kind.VALUE,
            "warm read units"),
    WARM_WRITE_UNITS("warm-write-units", "N", "Warm throughput: write units per second to be ready for.", Kind.VALUE,
            "warm write units"),
    RESOURCE_POLICY("resource-policy", "@FILE|JSON", "Resource-based policy document (at most 20 KB); off deletes the table's "
            + "policy.", Kind.VALUE,
            "resource policy"),
    CONTRIBUTOR_INSIGHTS("contributor-insights", null, "Turn CloudWatch contributor insights on (or off), once the table is "
            + "ACTIVE.", Kind.SWITCH, "contributor insights");

    /** VALUE: one value; REPEATABLE: any number (a list in a spec file); SWITCH: on or off (--x / --no-x, true / false). */
    public enum Kind { VALUE, REPEATABLE, SWITCH }

    /** The other spelling of {@link #NAME}, in flags and spec files. */
    public static final String NAME_ALIAS = "table-name";

    private final String key;
    private final String valueLabel;
    private final String help;
    private final Kind kind;
    private final String label;

    Setting(String key, String valueLabel, String help, Kind kind, String label) {
        this.key = key;
        this.valueLabel = valueLabel;
        this.help = help;
        this.kind = kind;
        this.label = label;
    }

    /** The spec-file key, and the flag without its dashes. */
    public String key() {
        return key;
    }

    /** What the flag's value looks like in help (none for a switch). */
    public String valueLabel() {
        return valueLabel;
    }

    public String help() {
        return help;
    }

    public Kind kind() {
        return kind;
    }

    public boolean repeatable() {
        return kind == Kind.REPEATABLE;
    }

    /** The setting's name for people: in plans ({@code TTL: off -> on}), warnings and differences. */
    public String label() {
        return label;
    }

    public static Optional<Setting> byKey(String key) {
        String canonical = key.equals(NAME_ALIAS) ? NAME.key : key;
        return Arrays.stream(values()).filter(setting -> setting.key.equals(canonical)).findFirst();
    }

    /** Every key, sorted, for "known: ..." messages. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Setting::key).sorted().toList();
    }
}
