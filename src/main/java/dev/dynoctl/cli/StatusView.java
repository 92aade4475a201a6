package dev.dynoctl.cli;

import dev.dynoctl.table.Billing;
import dev.dynoctl.table.ExistingTable;
import dev.dynoctl.table.Setting;
import dev.dynoctl.table.TableSpec;
import dev.dynoctl.table.TableStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Help.Ansi;

/**
 * The status table as text: one line per table in aligned columns, the state coloured when {@code ansi} is on
 * (green ACTIVE, yellow CREATING or UPDATING, red anything else). Columns are padded before colouring, so escape
 * codes never shift them.
 */
final class StatusView {
    static final String NOT_REPORTED = "n/a";
    private static final String NONE = "-";

    private record Column(String header, Function<TableStatus, String> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("TABLE", TableStatus::name),
            new Column("STATE", StatusView::state),
            new Column("BILLING", status -> settings(status).map(s -> billing(s.billing())).orElse(NONE)),
            new Column("ITEMS*", status -> status.existing().map(e -> count(e.table().itemCount())).orElse(NONE)),
            new Column("SIZE*", status -> status.existing().map(e -> bytes(e.table().tableSizeBytes())).orElse(NONE)),
            new Column("GSIS", status -> settings(status).map(s -> String.valueOf(s.globalIndexes().size())).orElse(NONE)),
            new Column("STREAM", status -> reported(status, Setting.STREAM, s -> s.stream().map(String::valueOf))),
            new Column("TTL", status -> reported(status, Setting.TTL_ATTRIBUTE, s -> s.ttl().map(String::valueOf))),
            new Column("PITR", status -> reported(status, Setting.PITR, s -> s.pitr().map(String::valueOf))),
            new Column("PROTECTION", status -> reported(status, Setting.DELETION_PROTECTION,
                    s -> s.deletionProtection().map(on -> on ? "on" : "off"))));
    private static final Column SYNC = new Column("DECLARED", status -> status.sync()
            .map(sync -> sync.name().toLowerCase(Locale.ROOT).replace('_', ' ')).orElse(NONE));

    private StatusView() {
    }

    /** The header, a line per table, and the footnotes. */
    static List<String> lines(List<TableStatus> statuses, Ansi ansi) {
        List<Column> columns = new ArrayList<>(COLUMNS);
        if (statuses.stream().anyMatch(status -> status.sync().isPresent())) {
            columns.add(SYNC);
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(columns.stream().map(Column::header).toList());
        statuses.forEach(status -> rows.add(columns.stream().map(column -> column.value().apply(status)).toList()));
        int[] widths = new int[columns.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                String cell = rows.get(r).get(i);
                String padded = i == columns.size() - 1 ? cell : String.format("%-" + widths[i] + "s  ", cell);
                line.append(r > 0 && columns.get(i).header().equals("STATE") ? colour(padded, cell, ansi) : padded);
            }
            lines.add(line.toString().stripTrailing());
        }
        lines.add("* item count and size: DynamoDB's figures, updated about every six hours");
        if (rows.stream().skip(1).anyMatch(row -> row.contains(NOT_REPORTED))) {
            lines.add(NOT_REPORTED + ": not reported by this endpoint");
        }
        return lines;
    }

    /** "UPDATING: index ByEmail CREATING (backfilling)", or the state alone. */
    static String state(TableStatus status) {
        List<String> progress = status.inProgress();
        return status.state() + (progress.isEmpty() ? "" : ": " + String.join(", ", progress));
    }

    private static String colour(String padded, String cell, Ansi ansi) {
        String state = cell.split(":", 2)[0];
        String style = switch (state) {
            case "ACTIVE" -> "green";
            case "CREATING", "UPDATING" -> "yellow";
            default -> "red";
        };
        return ansi.string("@|" + style + " " + cell + "|@") + padded.substring(cell.length());
    }

    private static Optional<TableSpec> settings(TableStatus status) {
        return status.existing().map(ExistingTable::settings);
    }

    private static String reported(TableStatus status, Setting setting, Function<TableSpec, Optional<String>> value) {
        return status.existing().map(existing -> existing.whyUnreported(setting) != null ? NOT_REPORTED
                : value.apply(existing.settings()).orElse(NOT_REPORTED)).orElse(NONE);
    }

    private static String billing(Billing billing) {
        return billing instanceof Billing.Provisioned p ? "provisioned " + p.readCapacity() + "/" + p.writeCapacity() : "on-demand";
    }

    private static String count(Long items) {
        return items == null ? NOT_REPORTED : String.format(Locale.ROOT, "%,d", items);
    }

    private static String bytes(Long size) {
        if (size == null) {
            return NOT_REPORTED;
        }
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        double value = size;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? size + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
