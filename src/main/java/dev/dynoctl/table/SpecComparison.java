package dev.dynoctl.table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rules that turn a declaration and the table that exists (both in the one model) into a plan: a step per
 * setting to change in place, in the order DynamoDB needs them, or the differences apply does not change. Undeclared
 * settings are left as they are; the table's keys and indexes are its shape and always compared.
 *
 * <p>Order of the calls: index deletes, one UpdateTable for billing, capacity, stream, protection and on-demand
 * maximum, the table class alone, warm throughput alone, a stream turned on again with another view type, index
 * creates one at a time,
 * encryption alone, TTL, tags, PITR, contributor insights, resource policy.
 */
public final class SpecComparison {
    static final String NOT_COMPARED = "; not compared or applied";
    static final String TO_ON_DEMAND_LIMIT = "DynamoDB allows 4 switches to on-demand per table in 24 hours";
    static final String TABLE_CLASS_LIMIT = "DynamoDB allows 2 table class changes per table in 30 days";
    static final String TTL_LIMIT = "DynamoDB allows one TTL change per table per hour";
    static final String DECREASE_LIMIT = "DynamoDB limits how often a table's capacity can be decreased in a day";

    private SpecComparison() {
    }

    /** @param justCreated the table was created from this spec a moment ago: compare only what CreateTable cannot set */
    public static Plan plan(TableSpec spec, TableState state, boolean justCreated, PlanOptions options) {
        Comparison c = new Comparison(spec, ExistingTable.read(state), options);
        if (justCreated) {
            // CreateTable took them, but this endpoint does not report them: said on the first run too.
            spec.stream().ifPresent(stream -> c.reported(Setting.STREAM));
            spec.deletionProtection().ifPresent(protection -> c.reported(Setting.DELETION_PROTECTION));
        } else {
            c.keys();
            c.localIndexes();
            c.globalIndexes();
            c.tableSettings();
            c.encryption();
        }
        c.timeToLive();
        if (!justCreated) {
            c.tags();
        }
        c.pointInTimeRecovery();
        c.contributorInsights();
        if (!justCreated) {
            c.resourcePolicy();
        }
        return c.plan();
    }

    private static final class Comparison {
        final TableSpec declared;
        final ExistingTable existing;
        final TableSpec actual;
        final PlanOptions options;
        final List<Difference> differences = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        final List<Step> deletes = new ArrayList<>();
        /** The steps of the one UpdateTable; their change is made once all are known. */
        final List<Step> settingSteps = new ArrayList<>();
        final Settings settings = new Settings();
        /** A stream turned on again: right after the UpdateTable that turned it off, before any index backfill. */
        /** Table class and warm throughput: an UpdateTable each, after the shared one. */
        final List<Step> alone = new ArrayList<>();
        final List<Step> streamAgain = new ArrayList<>();
        final List<Step> creates = new ArrayList<>();
        final List<Step> later = new ArrayList<>();

        Comparison(TableSpec declared, ExistingTable existing, PlanOptions options) {
            this.declared = declared;
            this.existing = existing;
            this.actual = existing.settings();
            this.options = options;
        }

        Plan plan() {
            List<Step> steps = new ArrayList<>(deletes);
            if (!settingSteps.isEmpty()) {
                Change update = settings.change();
                settingSteps.forEach(s -> steps.add(new Step(update, s.setting(), s.before(), s.after(), s.caution())));
            }
            steps.addAll(alone);
            steps.addAll(streamAgain);
            steps.addAll(creates);
            steps.addAll(later);
            return new Plan(differences, steps, skipped);
        }

        /** Whether the setting can be compared; if not, says why among the skipped ones. */
        boolean reported(Setting setting) {
            String why = existing.whyUnreported(setting);
            if (why != null) {
                skipped.add(setting.label() + ": " + why + NOT_COMPARED);
            }
            return why == null;
        }

        void differ(Setting setting, Object declaredValue, Object actualValue) {
            differences.add(new Difference(setting.label(), text(declaredValue), text(actualValue)));
        }

        void setting(String setting, Object before, Object after, String caution) {
            settingSteps.add(new Step(null, setting, text(before), text(after), Optional.ofNullable(caution)));
        }

        void step(Change change, String setting, Object before, Object after, String caution) {
            later.add(new Step(change, setting, text(before), text(after), Optional.ofNullable(caution)));
        }

        private static String text(Object value) {
            return value instanceof Optional<?> optional ? optional.map(String::valueOf).orElse("none") : String.valueOf(value);
        }

        void keys() {
            if (!declared.partitionKey().equals(actual.partitionKey())) {
                differ(Setting.PK, declared.partitionKey(), actual.partitionKey());
            }
            if (!declared.sortKey().equals(actual.sortKey())) {
                differ(Setting.SK, declared.sortKey(), actual.sortKey());
            }
        }

        void localIndexes() {
            Map<String, String> wanted = new TreeMap<>();
            declared.localIndexes().forEach(index -> wanted.put(index.name(),
                    shape(declared.partitionKey(), Optional.of(index.sortKey()), index.projection())));
            Map<String, String> has = new TreeMap<>();
            actual.localIndexes().forEach(index -> has.put(index.name(),
                    shape(actual.partitionKey(), Optional.of(index.sortKey()), index.projection())));
            TreeSet<String> names = new TreeSet<>(wanted.keySet());
            names.addAll(has.keySet());
            for (String name : names) {
                if (!Objects.equals(wanted.get(name), has.get(name))) {
                    differences.add(new Difference(Setting.LSI.label() + " " + name, text(Optional.ofNullable(wanted.get(name))),
                            text(Optional.ofNullable(has.get(name)))));
                }
            }
        }

        /** Compared by name: a missing index is created; one the declaration lacks, or one of another shape, is deleted only when allowed. */
        void globalIndexes() {
            Map<String, GlobalIndex> has = new LinkedHashMap<>();
            actual.globalIndexes().forEach(index -> has.put(index.name(), index));
            boolean protectedTable = actual.deletionProtection().orElse(false);
            for (GlobalIndex wanted : declared.globalIndexes()) {
                GlobalIndex found = has.remove(wanted.name());
                String setting = Setting.GSI.label() + " " + wanted.name();
                String wantedShape = shape(wanted.partitionKey(), wanted.sortKey(), wanted.projection());
                if (found == null) {
                    creates.add(new Step(new Change.CreateIndex(wanted, declared.keyAttributes()), setting, "none", wantedShape));
                    continue;
                }
                String foundShape = shape(found.partitionKey(), found.sortKey(), found.projection());
                if (!wantedShape.equals(foundShape)) {
                    if (!options.allowIndexRebuild()) {
                        differences.add(new Difference(setting, wantedShape, foundShape,
                                Optional.of("--allow-index-rebuild deletes and re-creates it")));
                    } else if (protectedTable) {
                        differences.add(new Difference(setting, wantedShape, foundShape, PROTECTED));
                    } else {
                        deletes.add(new Step(new Change.DeleteIndex(found.name()), setting, foundShape,
                                "none (re-created below: " + backfill() + ")"));
                        creates.add(new Step(new Change.CreateIndex(wanted, declared.keyAttributes()), setting, "none",
                                wantedShape));
                    }
                    continue;
                }
                indexThroughput(wanted, found);
            }
            for (GlobalIndex extra : has.values()) {
                String setting = Setting.GSI.label() + " " + extra.name();
                String shape = shape(extra.partitionKey(), extra.sortKey(), extra.projection());
                if (!options.pruneIndexes()) {
                    differences.add(new Difference(setting, "none", shape, Optional.of("--prune-indexes deletes it")));
                } else if (protectedTable) {
                    differences.add(new Difference(setting, "none", shape, PROTECTED));
                } else {
                    deletes.add(new Step(new Change.DeleteIndex(extra.name()), setting, shape, "none"));
                }
            }
        }

        private String backfill() {
            Long items = existing.table().itemCount();
            return "backfills the index from " + (items == null ? "every item" : items + " items") + " again";
        }

        private static final Optional<String> PROTECTED = Optional.of("deletion protection is on: apply deletes nothing from a "
                + "protected table; turn it off first with a declaration that has deletion-protection: false and not this change");

        /** An index's capacity when the table is (or becomes) provisioned, and its on-demand maximum. */
        private void indexThroughput(GlobalIndex wanted, GlobalIndex found) {
            String setting = Setting.GSI.label() + " " + wanted.name();
            // A table that becomes provisioned gives its indexes their capacity with the billing change (see billing()).
            if (declared.billing() instanceof Billing.Provisioned && actual.billing() instanceof Billing.Provisioned
                    && wanted.capacity().isPresent() && !wanted.capacity().equals(found.capacity())) {
                Throughput capacity = wanted.capacity().get();
                settings.indexCapacity.put(wanted.name(), capacity);
                boolean decrease = found.capacity().map(f -> capacity.read() < f.read() || capacity.write() < f.write())
                        .orElse(false);
                setting(setting + " capacity", found.capacity(), capacity, decrease ? DECREASE_LIMIT : null);
            }
            wanted.onDemandMax().ifPresent(max -> {
                UnitLimits has = limited(found.onDemandMax(), max);
                if (!has.equals(max)) {
                    settings.indexOnDemandMax.put(wanted.name(), max);
                    setting(setting + " on-demand maximum", unitsText(has), unitsText(max), null);
                }
            });
        }

        void tableSettings() {
            billing();
            declared.onDemandMax().ifPresent(max -> {
                UnitLimits has = limited(actual.onDemandMax(), max);
                if (!has.equals(max)) {
                    settings.onDemandMax = Optional.of(max);
                    setting("on-demand maximum throughput", unitsText(has), unitsText(max), null);
                }
            });
            declared.warmThroughput().ifPresent(warm -> {
                if (!reported(Setting.WARM_READ_UNITS)) {
                    return;
                }
                UnitLimits has = actual.warmThroughput().orElseThrow();
                boolean enough = warm.read().map(r -> has.read().orElse(0L) >= r).orElse(true)
                        && warm.write().map(w -> has.write().orElse(0L) >= w).orElse(true);
                if (!enough) {
                    alone.add(new Step(Change.UpdateSettings.warmThroughputAlone(warm), "warm throughput", unitsText(has),
                            "at least " + unitsText(warm), Optional.empty()));
                }
            });
            declared.stream().ifPresent(wanted -> {
                if (!reported(Setting.STREAM) || wanted.equals(actual.stream().orElseThrow())) {
                    return;
                }
                Toggle<StreamView> has = actual.stream().orElseThrow();
                if (has.isOn() && wanted.isOn()) {
                    // Another view type is another stream: off now, on again once DynamoDB has taken it away.
                    settings.stream = Optional.of(Toggle.off());
                    setting(Setting.STREAM.label(), has, "off (its view type changes)", null);
                    streamAgain.add(new Step(new Change.EnableStream(wanted.value().orElseThrow()), Setting.STREAM.label(), "off",
                            wanted + " (a new stream, with a new ARN)", Optional.empty()));
                } else {
                    settings.stream = Optional.of(wanted);
                    setting(Setting.STREAM.label(), has, wanted, null);
                }
            });
            declared.tableClass().ifPresent(wanted -> {
                if (actual.tableClass().isEmpty()) {
                    // DynamoDB leaves the summary out for some STANDARD tables, never for another class.
                    if (wanted != TableClass.STANDARD) {
                        reported(Setting.TABLE_CLASS);
                    }
                } else if (wanted != actual.tableClass().get()) {
                    alone.add(new Step(Change.UpdateSettings.tableClassAlone(wanted), Setting.TABLE_CLASS.label(),
                            text(actual.tableClass()), text(wanted), Optional.of(TABLE_CLASS_LIMIT)));
                }
            });
            declared.deletionProtection().ifPresent(wanted -> {
                if (reported(Setting.DELETION_PROTECTION) && wanted != actual.deletionProtection().orElseThrow()) {
                    settings.deletionProtection = Optional.of(wanted);
                    setting(Setting.DELETION_PROTECTION.label(), onOff(!wanted), onOff(wanted), null);
                }
            });
        }

        /** To provisioned, every index the table keeps gets its declared capacity in the same call, as DynamoDB requires. */
        private void billing() {
            Billing wanted = declared.billing();
            Billing has = actual.billing();
            if (wanted.equals(has)) {
                return;
            }
            settings.billing = Optional.of(wanted);
            if (wanted instanceof Billing.OnDemand) {
                setting(Setting.BILLING_MODE.label(), has, wanted, TO_ON_DEMAND_LIMIT);
            } else if (has instanceof Billing.Provisioned before && wanted instanceof Billing.Provisioned after) {
                boolean decrease = after.readCapacity() < before.readCapacity() || after.writeCapacity() < before.writeCapacity();
                setting("capacity", capacityText(before), capacityText(after), decrease ? DECREASE_LIMIT : null);
            } else {
                setting(Setting.BILLING_MODE.label(), has, wanted, null);
                for (GlobalIndex index : declared.globalIndexes()) {
                    actual.globalIndexes().stream().filter(kept -> kept.name().equals(index.name())
                                    && shape(kept.partitionKey(), kept.sortKey(), kept.projection())
                                    .equals(shape(index.partitionKey(), index.sortKey(), index.projection())))
                            .findFirst().ifPresent(kept -> {
                                settings.indexCapacity.put(index.name(), index.capacity().orElseThrow());
                                setting(Setting.GSI.label() + " " + index.name() + " capacity", "none", index.capacity().get(),
                                        null);
                            });
                }
            }
        }

        private static String capacityText(Billing.Provisioned billing) {
            return new Throughput(billing.readCapacity(), billing.writeCapacity()).toString();
        }

        /**
         * An AWS managed key and a customer key both show as KMS with the key's ARN: a declared key id or ARN is
         * matched against it; an AWS managed key or an alias cannot be told apart without KMS, so any KMS key matches.
         */
        void encryption() {
            declared.encryption().ifPresent(wanted -> {
                Encryption has = actual.encryption().orElseThrow();
                boolean matches;
                if (has instanceof Encryption.Kms key) {
                    boolean unresolvable = wanted instanceof Encryption.AwsManaged
                            || wanted instanceof Encryption.Kms alias && (alias.key().startsWith("alias/") || alias.key().contains(":alias/"));
                    if (unresolvable) {
                        skipped.add("encryption: which KMS key (AWS managed, or which alias) is not checked without KMS; "
                                + "only that the table uses KMS");
                    }
                    matches = unresolvable || wanted instanceof Encryption.Kms id
                            && (key.key().equals(id.key()) || key.key().endsWith(":key/" + id.key()));
                } else {
                    matches = wanted instanceof Encryption.AwsOwned;
                }
                if (!matches) {
                    later.add(new Step(new Change.Encrypt(wanted), Setting.SSE.label(), text(has), text(wanted),
                            Optional.empty()));
                }
            });
        }

        void timeToLive() {
            declared.ttl().ifPresent(wanted -> {
                if (!reported(Setting.TTL_ATTRIBUTE)) {
                    return;
                }
                Toggle<String> has = actual.ttl().orElseThrow();
                if (wanted.equals(has)) {
                    return;
                }
                if (has.isOn()) {
                    step(new Change.TimeToLive(false, has.value().get()), Setting.TTL_ATTRIBUTE.label(), ttlText(has), "off",
                            TTL_LIMIT);
                }
                wanted.value().ifPresent(attribute -> step(new Change.TimeToLive(true, attribute), Setting.TTL_ATTRIBUTE.label(),
                        "off", ttlText(wanted), has.isOn() ? TTL_LIMIT + ": this second change fails until an hour after "
                                + "the first; apply again then" : TTL_LIMIT));
            });
        }

        private static String ttlText(Toggle<String> ttl) {
            return ttl.value().map(attribute -> "on (attribute " + attribute + ")").orElse("off");
        }

        /** Declared tags are added or changed; tags the table has beyond them are removed only with --prune-tags. */
        void tags() {
            if (declared.tags().isEmpty() && !options.pruneTags() || !reported(Setting.TAG)) {
                return;
            }
            Map<String, String> has = actual.tags();
            Map<String, String> add = new LinkedHashMap<>();
            List<String> before = new ArrayList<>();
            declared.tags().forEach((key, value) -> {
                if (!value.equals(has.get(key))) {
                    add.put(key, value);
                    before.add(has.containsKey(key) ? key + "=" + has.get(key) : key + " unset");
                }
            });
            if (!add.isEmpty()) {
                step(new Change.AddTags(add), Setting.TAG.label(), String.join(", ", before), tagsText(add), null);
            }
            if (options.pruneTags()) {
                Map<String, String> extra = new TreeMap<>(has);
                extra.keySet().removeAll(declared.tags().keySet());
                // aws: tags (CloudFormation's own) are AWS's: no declaration can hold them, and AWS refuses to remove them.
                extra.keySet().removeIf(key -> key.toLowerCase(Locale.ROOT).startsWith("aws:"));
                if (!extra.isEmpty()) {
                    step(new Change.RemoveTags(List.copyOf(extra.keySet())), Setting.TAG.label(), tagsText(extra),
                            "removed (--prune-tags)", null);
                }
            }
        }

        private static String tagsText(Map<String, String> tags) {
            return String.join(", ", tags.entrySet().stream().map(tag -> tag.getKey() + "=" + tag.getValue()).toList());
        }

        void pointInTimeRecovery() {
            declared.pitr().ifPresent(wanted -> {
                if (!reported(Setting.PITR)) {
                    return;
                }
                Pitr has = actual.pitr().orElseThrow();
                boolean daysDiffer = wanted.recoveryPeriodDays().isPresent() && !wanted.recoveryPeriodDays().equals(has.recoveryPeriodDays());
                if (wanted.enabled() != has.enabled() || wanted.enabled() && daysDiffer) {
                    step(new Change.PointInTimeRecovery(wanted.enabled(), wanted.recoveryPeriodDays()), Setting.PITR.label(), has,
                            wanted, null);
                }
            });
        }

        void contributorInsights() {
            declared.contributorInsights().ifPresent(wanted -> {
                if (reported(Setting.CONTRIBUTOR_INSIGHTS) && wanted != actual.contributorInsights().orElseThrow()) {
                    step(new Change.ContributorInsights(wanted), Setting.CONTRIBUTOR_INSIGHTS.label(), onOff(!wanted),
                            onOff(wanted), null);
                }
            });
        }

        /** Put when absent or different (whitespace aside); deleted only when declared off. */
        void resourcePolicy() {
            declared.resourcePolicy().ifPresent(wanted -> {
                if (!reported(Setting.RESOURCE_POLICY)) {
                    return;
                }
                Toggle<String> has = actual.resourcePolicy().orElseThrow();
                boolean same = wanted.isOn() == has.isOn()
                        && (!wanted.isOn() || PolicyDocument.tokens(wanted.value().get()).equals(PolicyDocument.tokens(has.value().get())));
                if (!same) {
                    step(new Change.ResourcePolicy(wanted.value()), Setting.RESOURCE_POLICY.label(), policyText(has),
                            wanted.isOn() ? "the declared policy (" + bytes(wanted) + " bytes)" : "none", null);
                }
            });
        }

        private static String policyText(Toggle<String> policy) {
            return policy.isOn() ? "a policy of " + bytes(policy) + " bytes" : "none";
        }

        private static int bytes(Toggle<String> policy) {
            return policy.value().orElse("").getBytes(StandardCharsets.UTF_8).length;
        }
    }

    /** The values of the one UpdateTable, filled in as the rules find differences. */
    private static final class Settings {
        Optional<Billing> billing = Optional.empty();
        final Map<String, Throughput> indexCapacity = new TreeMap<>();
        final Map<String, UnitLimits> indexOnDemandMax = new TreeMap<>();
        Optional<Toggle<StreamView>> stream = Optional.empty();
        Optional<Boolean> deletionProtection = Optional.empty();
        Optional<UnitLimits> onDemandMax = Optional.empty();

        Change change() {
            return new Change.UpdateSettings(billing, indexCapacity, indexOnDemandMax, stream, Optional.empty(),
                    deletionProtection, onDemandMax, Optional.empty());
        }
    }

    /** Keys and projection of an index as one comparable string; projected attributes sorted (they are a set). */
    static String shape(KeyAttribute partitionKey, Optional<KeyAttribute> sortKey, Projection projection) {
        String keys = partitionKey + sortKey.map(k -> ", " + k).orElse("");
        String projected = projection.type() == Projection.Type.INCLUDE
                ? "INCLUDE(" + String.join(",", new TreeSet<>(projection.nonKeyAttributes())) + ")" : projection.type().name();
        return "keys " + keys + ", projection " + projected;
    }

    /** The actual limits, narrowed to the figures that were declared; "none" where the table has no maximum. */
    private static UnitLimits limited(Optional<UnitLimits> actual, UnitLimits declared) {
        return new UnitLimits(declared.read().map(r -> actual.flatMap(UnitLimits::read).orElse(-1L)),
                declared.write().map(w -> actual.flatMap(UnitLimits::write).orElse(-1L)));
    }

    /** Only the figures given: "read 100, write 200", "read none" (-1: no maximum). */
    private static String unitsText(UnitLimits limits) {
        List<String> parts = new ArrayList<>();
        limits.read().ifPresent(read -> parts.add("read " + (read < 0 ? "none" : read)));
        limits.write().ifPresent(write -> parts.add("write " + (write < 0 ? "none" : write)));
        return String.join(", ", parts);
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
