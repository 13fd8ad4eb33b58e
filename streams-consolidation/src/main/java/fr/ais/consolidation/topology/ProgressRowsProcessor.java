package fr.ais.consolidation.topology;

import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.schemas.Objective;
import fr.ais.schemas.Progress;
import fr.ais.schemas.ProgressInputs;
import fr.ais.schemas.ProgressKey;
import fr.ais.schemas.RegionYearKey;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import fr.ais.registry.AvroSerdeFactory;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * SPEC §5: the progress rows of a region and year, recomputed whenever its targets or actuals
 * change, and every row of this task again when the as-of date moves (checked on the wall clock:
 * months enter and leave the provisional window with the calendar, not with the data). Only rows
 * that changed are forwarded; a row that no longer exists (a target withdrawn) becomes a tombstone.
 */
final class ProgressRowsProcessor implements Processor<RegionYearKey, ProgressInputs, ProgressKey, Progress> {

    private final ProgressSettings settings;
    private ProcessorContext<ProgressKey, Progress> context;
    private KeyValueStore<ProgressKey, Progress> rows;
    private TimestampedKeyValueStore<RegionYearKey, ProgressInputs> inputs;
    /** As-of date the stored rows were computed at; unknown after a restart, so the first check recomputes. */
    private LocalDate computedAsOf;

    private ProgressRowsProcessor(ProgressSettings settings) {
        this.settings = settings;
    }

    /**
     * The processor with the store it owns, the rows as last computed; it also reads the join's store of
     * inputs ({@link StoreNames#PROGRESS_INPUTS}), connected by name since the join owns it.
     */
    static ProcessorSupplier<RegionYearKey, ProgressInputs, ProgressKey, Progress> supplier(ProgressSettings settings,
            AvroSerdeFactory serdes) {
        StoreBuilder<KeyValueStore<ProgressKey, Progress>> store = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.PROGRESS),
                serdes.forKeys(ProgressKey.class), serdes.forValues(Progress.class));
        return new ProcessorSupplier<>() {
            @Override
            public Processor<RegionYearKey, ProgressInputs, ProgressKey, Progress> get() {
                return new ProgressRowsProcessor(settings);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(store);
            }
        };
    }

    @Override
    public void init(ProcessorContext<ProgressKey, Progress> context) {
        this.context = context;
        this.rows = context.getStateStore(StoreNames.PROGRESS);
        this.inputs = context.getStateStore(StoreNames.PROGRESS_INPUTS);
        context.schedule(settings.refreshInterval(), PunctuationType.WALL_CLOCK_TIME, this::checkAsOf);
    }

    @Override
    public void process(Record<RegionYearKey, ProgressInputs> record) {
        update(record.key(), record.value(), settings.asOf().get(), record.timestamp());
    }

    private void checkAsOf(long wallClock) {
        LocalDate asOf = settings.asOf().get();
        if (asOf.equals(computedAsOf)) {
            return;
        }
        computedAsOf = asOf;
        try (KeyValueIterator<RegionYearKey, ValueAndTimestamp<ProgressInputs>> all = inputs.all()) {
            while (all.hasNext()) {
                KeyValue<RegionYearKey, ValueAndTimestamp<ProgressInputs>> next = all.next();
                update(next.key, next.value == null ? null : next.value.value(), asOf, wallClock);
            }
        }
    }

    private void update(RegionYearKey key, ProgressInputs value, LocalDate asOf, long timestamp) {
        Map<ProgressKey, Progress> now = new HashMap<>();
        if (value != null) {
            for (Progress p : settings.calculator().rowsOf(value.getTargets(), value.getActuals(), asOf)) {
                now.put(new ProgressKey(p.getRegion(), p.getYear(), p.getMonth(), p.getObjective()), p);
            }
        }
        for (Objective objective : Objective.values()) {
            for (int month = 1; month <= 12; month++) {
                ProgressKey rowKey = new ProgressKey(key.getRegion(), key.getYear(), month, objective);
                Progress row = now.get(rowKey);
                if (Objects.equals(row, rows.get(rowKey))) {
                    continue;
                }
                if (row == null) {
                    rows.delete(rowKey);
                } else {
                    rows.put(rowKey, row);
                }
                context.forward(new Record<>(rowKey, row, timestamp));
            }
        }
    }
}
