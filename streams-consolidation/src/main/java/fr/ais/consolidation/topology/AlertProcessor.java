package fr.ais.consolidation.topology;

import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.schemas.Alert;
import fr.ais.schemas.AlertKey;
import fr.ais.schemas.AlertKind;
import fr.ais.schemas.Progress;
import fr.ais.schemas.ProgressKey;
import fr.ais.schemas.ProgressStatus;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import fr.ais.registry.AvroSerdeFactory;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * SPEC §5 alerts: for each region and objective, the status of the latest closed month (the month
 * before the as-of month) is compared with the last status seen. A worse status raises an alert, a
 * return to ON_TRACK clears it; anything else is recorded silently.
 *
 * <p>The comparison runs on the wall clock, and only on settled rows. Rows reach this task through
 * repartition topics, so they come in bursts, one per upstream commit, and the parts of one upstream
 * update come in different bursts: the targets cross two repartition topics to get here and the
 * entries four, so after a load a region's rows first show its targets against no entry at all, and
 * a prescription that moves is retracted from one aggregate and added to another in two tasks. A row
 * is settled when it has not changed for {@link #settleTime}: at least one refresh interval, and at
 * least as long as the parts of an update take to arrive here ({@value #REPARTITIONS_TO_ALERTS}
 * repartitions, one commit interval each, and one more for the last burst). After a start the rows
 * held are not known to be settled either: nothing is compared before the same time has passed.
 *
 * <p>The task owns every year of its regions (the rows are partitioned by region), so December is
 * compared with January. The last status seen is a changelogged store, so a restart or an input
 * delivered twice raises no alert again.
 */
final class AlertProcessor implements Processor<ProgressKey, Progress, AlertKey, Alert> {

    /**
     * The most repartition topics a record crosses from a source topic to this stage (events, members by
     * session, aggregates by key, actuals by region and year, alerts by region); pinned by a test against
     * the topology's description.
     */
    static final int REPARTITIONS_TO_ALERTS = 4;

    private final ProgressSettings settings;
    private ProcessorContext<AlertKey, Alert> context;
    private KeyValueStore<ProgressKey, Progress> rows;
    private KeyValueStore<AlertKey, Progress> lastSeen;
    private KeyValueStore<String, Long> counts;
    /** When each row not yet settled last changed (wall clock): compared once settled. */
    private final Map<ProgressKey, Long> changedAt = new HashMap<>();
    /** Rows are held still for this long before they are compared. */
    private long settleTime;
    /** Start of this task's processing: the rows it holds may have been moving until then. */
    private long startedAt;
    private long previousCheck;
    private YearMonth checkedMonth;

    private AlertProcessor(ProgressSettings settings) {
        this.settings = settings;
    }

    /**
     * The processor with the stores it owns: the rows of its regions, every year, the last row compared
     * per region and objective, and the alerts it emitted per region, objective and kind (the metrics'
     * count: written in the transaction of the alert itself, so an aborted commit or a restore never
     * counts an alert twice).
     */
    static ProcessorSupplier<ProgressKey, Progress, AlertKey, Alert> supplier(ProgressSettings settings,
            AvroSerdeFactory serdes) {
        Set<StoreBuilder<?>> stores = Set.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.ALERT_ROWS),
                        serdes.forKeys(ProgressKey.class), serdes.forValues(Progress.class)),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.ALERT_STATES),
                        serdes.forKeys(AlertKey.class), serdes.forValues(Progress.class)),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.ALERT_COUNTS),
                        Serdes.String(), Serdes.Long()));
        return new ProcessorSupplier<>() {
            @Override
            public Processor<ProgressKey, Progress, AlertKey, Alert> get() {
                return new AlertProcessor(settings);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return stores;
            }
        };
    }

    @Override
    public void init(ProcessorContext<AlertKey, Alert> context) {
        this.context = context;
        this.rows = context.getStateStore(StoreNames.ALERT_ROWS);
        this.lastSeen = context.getStateStore(StoreNames.ALERT_STATES);
        this.counts = context.getStateStore(StoreNames.ALERT_COUNTS);
        // Kafka Streams' own setting, read where Kafka Streams keeps it: how often this application's stages hand
        // records on is a fact of the running instance, which a copy in the topology's config could contradict
        long commitInterval = Long.parseLong(String.valueOf(context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)));
        this.settleTime = settleTime(settings.refreshInterval().toMillis(), commitInterval);
        this.startedAt = context.currentSystemTimeMs();
        this.previousCheck = startedAt;
        this.checkedMonth = null;
        this.changedAt.clear();
        context.schedule(settings.refreshInterval(), PunctuationType.WALL_CLOCK_TIME, this::check);
    }

    /**
     * What a stage's commit is counted as at the least when the bursts of an update are waited for: under load
     * a commit takes its time whatever the interval asked, so a 100 ms interval does not shorten the wait.
     */
    static final long SLOWEST_COMMIT_MS = 1000;

    /** How long a row must stay unchanged before it is compared. */
    static long settleTime(long refreshInterval, long commitInterval) {
        return Math.max(refreshInterval, (REPARTITIONS_TO_ALERTS + 1) * Math.max(commitInterval, SLOWEST_COMMIT_MS));
    }

    @Override
    public void process(Record<ProgressKey, Progress> record) {
        if (record.value() == null) {
            rows.delete(record.key());
        } else {
            rows.put(record.key(), record.value());
        }
        changedAt.put(record.key(), context.currentSystemTimeMs());
    }

    private void check(long wallClock) {
        YearMonth closed = settings.latestClosedMonth();
        long stillSince = wallClock - settleTime;
        boolean startSettled = startedAt <= stillSince;
        if (changedAt.isEmpty() && startSettled && closed.equals(checkedMonth)) {
            return;
        }
        long checkedBefore = previousCheck;
        previousCheck = wallClock;
        if (!startSettled) {
            return; // what the stores held at the start may still be moving
        }
        // settled: unchanged since before the previous check, and for the whole settle time
        changedAt.values().removeIf(changed -> changed < checkedBefore && changed <= stillSince);
        checkedMonth = closed;
        try (KeyValueIterator<ProgressKey, Progress> all = rows.all()) {
            while (all.hasNext()) {
                KeyValue<ProgressKey, Progress> row = all.next();
                if (row.key.getYear() == closed.getYear() && row.key.getMonth() == closed.getMonthValue()
                        && !changedAt.containsKey(row.key)) {
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
            String counted = alertCountKey(alert);
            Long sofar = counts.get(counted);
            counts.put(counted, sofar == null ? 1 : sofar + 1);
        }
    }

    /** "REGION|OBJECTIVE|KIND", the key of the alert counts. */
    static String alertCountKey(Alert alert) {
        return alert.getRegion() + "|" + alert.getObjective() + "|" + alert.getKind();
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
