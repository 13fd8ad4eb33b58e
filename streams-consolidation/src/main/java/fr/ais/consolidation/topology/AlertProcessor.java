package fr.ais.consolidation.topology;

import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.schemas.Alert;
import fr.ais.schemas.AlertKey;
import fr.ais.schemas.AlertKind;
import fr.ais.schemas.Progress;
import fr.ais.schemas.ProgressKey;
import fr.ais.schemas.ProgressStatus;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * SPEC §5 alerts: for each region and objective, the status of the latest closed month (the month
 * before the as-of month) is compared with the last status seen. A worse status raises an alert, a
 * return to ON_TRACK clears it; anything else is recorded silently.
 *
 * <p>The comparison runs on the wall clock, and only on settled rows: a row that changed during the
 * last interval waits for the next one, so a bulk load or a catch-up that moves a region through
 * transient statuses raises nothing until its figures have stopped moving. The task owns every year
 * of its regions (the rows are partitioned by region), so December is compared with January. The
 * last status seen is a changelogged store, so a restart or an input delivered twice raises no alert again.
 */
final class AlertProcessor implements Processor<ProgressKey, Progress, AlertKey, Alert> {

    private final ProgressSettings settings;
    private ProcessorContext<AlertKey, Alert> context;
    private KeyValueStore<ProgressKey, Progress> rows;
    private KeyValueStore<AlertKey, Progress> lastSeen;
    /** Rows changed since the last check: not settled yet, compared at the next one. */
    private Set<ProgressKey> moving = new HashSet<>();
    /** Something to compare at the next check (a restart checks everything once). */
    private boolean pending = true;
    private YearMonth checkedMonth;

    AlertProcessor(ProgressSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<AlertKey, Alert> context) {
        this.context = context;
        this.rows = context.getStateStore(StoreNames.ALERT_ROWS);
        this.lastSeen = context.getStateStore(StoreNames.ALERT_STATES);
        context.schedule(settings.refreshInterval(), PunctuationType.WALL_CLOCK_TIME, this::check);
    }

    @Override
    public void process(Record<ProgressKey, Progress> record) {
        if (record.value() == null) {
            rows.delete(record.key());
        } else {
            rows.put(record.key(), record.value());
        }
        moving.add(record.key());
        pending = true;
    }

    private void check(long wallClock) {
        YearMonth closed = YearMonth.from(settings.asOf().get()).minusMonths(1);
        if (!pending && closed.equals(checkedMonth)) {
            return;
        }
        Set<ProgressKey> unsettled = moving;
        moving = new HashSet<>();
        pending = !unsettled.isEmpty();
        checkedMonth = closed;
        try (KeyValueIterator<ProgressKey, Progress> all = rows.all()) {
            while (all.hasNext()) {
                KeyValue<ProgressKey, Progress> row = all.next();
                if (row.key.getYear() == closed.getYear() && row.key.getMonth() == closed.getMonthValue()
                        && !unsettled.contains(row.key)) {
                    compare(row.value, wallClock);
                }
            }
        }
    }

    private void compare(Progress now, long wallClock) {
        AlertKey key = new AlertKey(now.getRegion(), now.getObjective());
        Progress before = lastSeen.get(key);
        ProgressStatus previous = before == null ? null : before.getStatus();
        AlertKind kind = null;
        if (severity(now.getStatus()) > severity(previous)) {
            kind = AlertKind.RAISED;
        } else if (now.getStatus() == ProgressStatus.ON_TRACK && severity(previous) > 0) {
            kind = AlertKind.CLEARED;
        }
        if (!now.equals(before)) {
            lastSeen.put(key, now);
        }
        if (kind != null) {
            Alert alert = Alert.newBuilder()
                    .setRegion(now.getRegion())
                    .setObjective(now.getObjective())
                    .setYear(now.getYear())
                    .setMonth(now.getMonth())
                    .setKind(kind)
                    .setPreviousStatus(previous)
                    .setStatus(now.getStatus())
                    .setActualCumulative(now.getActualCumulative())
                    .setTargetCumulative(now.getTargetCumulative())
                    .setRatio(now.getRatio())
                    .build();
            context.forward(new Record<>(key, alert, wallClock));
            settings.alertObserver().accept(alert);
        }
    }

    /** ON_TRACK (or nothing seen yet) 0, AT_RISK 1, BEHIND 2. */
    private static int severity(ProgressStatus status) {
        if (status == null) {
            return 0;
        }
        return switch (status) {
            case ON_TRACK -> 0;
            case AT_RISK -> 1;
            case BEHIND -> 2;
        };
    }
}
