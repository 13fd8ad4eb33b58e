package fr.ais.consolidation.topology;

import fr.ais.consolidation.progress.MonthlyActualsMath;
import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.consolidation.progress.RegionYearTargetsMath;
import fr.ais.platform.topics.Topic;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.AvroSerdeFactory;
import fr.ais.schemas.AggregateKey;
import fr.ais.schemas.AggregateValue;
import fr.ais.schemas.MonthlyActuals;
import fr.ais.schemas.MonthlyCount;
import fr.ais.schemas.Progress;
import fr.ais.schemas.ProgressInputs;
import fr.ais.schemas.ProgressKey;
import fr.ais.schemas.RegionYearKey;
import fr.ais.schemas.RegionYearTargets;
import fr.ais.schemas.Target;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * SPEC §5 in the running pipeline:
 *
 * <pre>
 * aggregates ─▶ groupBy region and year ─▶ monthly actuals per objective scope ─┐
 * targets ───▶ groupBy region and year ─▶ targets of the region and year ───────┴▶ join
 *   ─▶ progress rows (store "progress", compacted topic) ─▶ repartition by region ─▶ alerts (topic)
 * </pre>
 *
 * A late record changes an aggregate, which changes the actuals of its region and year, which
 * recomputes that region and year's rows; a corrected targets file does the same from the other side.
 * The maths is the {@code progress} package's, the same the exports use.
 */
final class ProgressStage {

    private final TopicCatalogue topics;
    private final ProgressSettings settings;
    private final AvroSerdeFactory serdes;

    ProgressStage(ConsolidationConfig config, AvroSerdeFactory serdes) {
        this.topics = config.topics();
        this.settings = config.progress();
        this.serdes = serdes;
    }

    void addTo(StreamsBuilder builder, KTable<AggregateKey, AggregateValue> aggregates) {
        KTable<RegionYearKey, ProgressInputs> inputs = targetsPerRegionYear(builder)
                .leftJoin(actualsPerRegionYear(aggregates),
                        (targets, actuals) -> new ProgressInputs(targets.getTargets(),
                                actuals == null ? MonthlyActualsMath.none() : actuals),
                        Named.as("progress-inputs-join"),
                        Materialized.<RegionYearKey, ProgressInputs, KeyValueStore<Bytes, byte[]>>as(
                                StoreNames.PROGRESS_INPUTS)
                                .withKeySerde(key(RegionYearKey.class)).withValueSerde(value(ProgressInputs.class)));
        alerts(progressRows(inputs));
    }

    /** Consolidated prescriptions entered per month of each region and year, per objective scope. */
    private KTable<RegionYearKey, MonthlyActuals> actualsPerRegionYear(KTable<AggregateKey, AggregateValue> aggregates) {
        return aggregates
                .groupBy((row, total) -> KeyValue.pair(MonthlyActualsMath.regionYearOf(row),
                                MonthlyActualsMath.countOf(row, total.getPrescriptions())),
                        Grouped.with("progress-actuals-by-region-year", key(RegionYearKey.class),
                                value(MonthlyCount.class)))
                .aggregate(MonthlyActualsMath::none,
                        (regionYear, count, actuals) -> MonthlyActualsMath.add(actuals, count, 1),
                        (regionYear, count, actuals) -> MonthlyActualsMath.add(actuals, count, -1),
                        Named.as("progress-actuals"),
                        Materialized.<RegionYearKey, MonthlyActuals, KeyValueStore<Bytes, byte[]>>as(
                                        StoreNames.PROGRESS_ACTUALS)
                                .withKeySerde(key(RegionYearKey.class)).withValueSerde(value(MonthlyActuals.class)));
    }

    /** The loaded targets (a corrected line replaces its key), gathered per region and year. */
    private KTable<RegionYearKey, RegionYearTargets> targetsPerRegionYear(StreamsBuilder builder) {
        return topic(TopicCatalogue.TARGETS).table(builder, "targets-source", StoreNames.TARGETS)
                .groupBy((k, t) -> KeyValue.pair(RegionYearTargetsMath.regionYearOf(t), t),
                        Grouped.with("progress-targets-by-region-year", key(RegionYearKey.class), value(Target.class)))
                .aggregate(() -> new RegionYearTargets(List.of()),
                        (k, t, all) -> new RegionYearTargets(RegionYearTargetsMath.with(all.getTargets(), t)),
                        (k, t, all) -> new RegionYearTargets(RegionYearTargetsMath.without(all.getTargets(), t)),
                        Named.as("progress-targets"),
                        Materialized.<RegionYearKey, RegionYearTargets, KeyValueStore<Bytes, byte[]>>as(
                                        StoreNames.PROGRESS_TARGETS)
                                .withKeySerde(key(RegionYearKey.class)).withValueSerde(value(RegionYearTargets.class)));
    }

    private KStream<ProgressKey, Progress> progressRows(KTable<RegionYearKey, ProgressInputs> inputs) {
        KStream<ProgressKey, Progress> rows = inputs
                .toStream(Named.as("progress-inputs-changes"))
                .process(ProgressRowsProcessor.supplier(settings, serdes), Named.as("progress-rows"),
                        StoreNames.PROGRESS_INPUTS);
        topic(TopicCatalogue.PROGRESS).to(rows, "progress-sink");
        return rows;
    }

    /**
     * Progress rows are computed per region and year, but an alert compares a region's status across
     * months, December with January too: the rows are sent again partitioned by region alone, so that
     * one task holds every year of a region with its last statuses.
     */
    private void alerts(KStream<ProgressKey, Progress> progress) {
        topic(TopicCatalogue.ALERTS).to(progress
                .repartition(Repartitioned.<ProgressKey, Progress>as("alerts-by-region")
                        .withKeySerde(key(ProgressKey.class)).withValueSerde(value(Progress.class))
                        .withStreamPartitioner(ProgressStage::byRegion))
                .process(AlertProcessor.supplier(settings, serdes), Named.as("alerts")), "alerts-sink");
    }

    static Optional<Set<Integer>> byRegion(String topic, ProgressKey key, Progress row, int partitions) {
        byte[] region = key.getRegion().getBytes(StandardCharsets.UTF_8);
        return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(region)) % partitions));
    }

    private <K extends SpecificRecord, V extends SpecificRecord> StreamsTopic<K, V> topic(Topic<K, V> template) {
        return StreamsTopic.of(template, topics, serdes);
    }

    private <T extends SpecificRecord> Serde<T> key(Class<T> type) {
        return serdes.forKeys(type);
    }

    private <T extends SpecificRecord> Serde<T> value(Class<T> type) {
        return serdes.forValues(type);
    }
}
