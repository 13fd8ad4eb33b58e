package fr.ais.cli.alerts;

import fr.ais.schemas.Alert;
import fr.ais.schemas.AlertKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The alerts read from {@code ais.alerts}, in the order they were emitted, as an on-call engineer reads them: all
 * of them (the history), or the open ones (a region and objective whose latest alert is RAISED: no CLEARED since).
 */
public final class AlertLog {

    /** One alert and when the consolidation emitted it (the record's timestamp: the wall clock of the check). */
    public record Entry(Instant at, Alert alert) {
        public Entry {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(alert, "alert");
        }

        String key() {
            return alert.getRegion() + "|" + alert.getObjective();
        }
    }

    /** Which alerts to show: null region or objective = all. */
    public record Filter(String region, String objective) {
        public boolean accepts(Alert alert) {
            return (region == null || region.equals(alert.getRegion()))
                    && (objective == null || objective.equalsIgnoreCase(alert.getObjective().name()));
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    public void add(Entry entry) {
        entries.add(entry);
    }

    /** Every alert the filter accepts, oldest first. */
    public List<Entry> history(Filter filter) {
        return entries.stream().filter(e -> filter.accepts(e.alert())).toList();
    }

    /** The open alerts the filter accepts: the latest of each region and objective when it is RAISED; latest first. */
    public List<Entry> open(Filter filter) {
        Map<String, Entry> latest = new LinkedHashMap<>();
        for (Entry entry : entries) {
            latest.put(entry.key(), entry);
        }
        return latest.values().stream()
                .filter(e -> e.alert().getKind() == AlertKind.RAISED && filter.accepts(e.alert()))
                .sorted(Comparator.comparing(Entry::at).reversed())
                .toList();
    }

    /**
     * One line: when, raised or cleared, the region and objective, the month, previous → current status, and the
     * figures, e.g. {@code 2026-11-02T08:15:03Z RAISED  84 GLOBAL 2026-10 AT_RISK -> BEHIND ratio 0.8512 (850 / 998.50)}.
     */
    public static String line(Entry entry) {
        Alert a = entry.alert();
        String previous = a.getPreviousStatus() == null ? "(none)" : a.getPreviousStatus().name();
        String ratio = a.getRatio() == null ? "no target yet"
                : "ratio " + BigDecimal.valueOf(a.getRatio()).setScale(4, RoundingMode.HALF_UP).toPlainString();
        return String.format(java.util.Locale.ROOT, "%s %-7s %s %-6s %04d-%02d %s -> %s %s (%d / %s)", entry.at(),
                a.getKind(), a.getRegion(), a.getObjective(), a.getYear(), a.getMonth(), previous, a.getStatus(), ratio,
                a.getActualCumulative(),
                BigDecimal.valueOf(a.getTargetCumulative()).setScale(2, RoundingMode.HALF_UP).toPlainString());
    }
}
