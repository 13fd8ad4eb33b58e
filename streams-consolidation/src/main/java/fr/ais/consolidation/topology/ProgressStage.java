package fr.ais.consolidation.topology;

import fr.ais.consolidation.progress.MonthlyActualsMath;
import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.platform.topics.Topic;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.AvroSerdeFactory;
import fr.ais.schemas.AggregateKey;
import fr.ais.schemas.AggregateValue;
import fr.ais.schemas.Alert;
import fr.ais.schemas.AlertKey;
import fr.ais.schemas.MonthlyActuals;
import fr.ais.schemas.MonthlyCount;
import fr.ais.schemas.Progress;
import fr.ais.schemas.ProgressInputs;
import fr.ais.schemas.ProgressKey;
import fr.ais.schemas.RegionYearKey;
import fr.ais.schemas.RegionYearTargets;
import fr.ais.schemas.Target;
import fr.ais.schemas.TargetKey;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
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
        KStream<ProgressKey, Progress> progress = progressRows(builder, inputs);
        alerts(builder, progress);
    }

    /** Consolidated prescriptions entered per month of each region and year, per objective scope. */
    private KTable<RegionYearKey, MonthlyActuals> actualsPerRegionYear(KTable<AggregateKey, AggregateValue> aggregates) {
        return aggregates
                .groupBy((k, v) -> {
                            YearMonth month = YearMonth.parse(k.getMonth());
                            return KeyValue.pair(new RegionYearKey(k.getRegion(), month.getYear()),
                                    new MonthlyCount(month.getMonthValue(), k.getNetwork(), k.getAgeBand(),
                                            v.getPrescriptions()));
                        },
                        Grouped.with("progress-actuals-by-region-year", key(RegionYearKey.class),
                                value(MonthlyCount.class)))
                .aggregate(MonthlyActualsMath::none,
                        (k, c, actuals) -> MonthlyActualsMath.add(actuals, c.getMonth(), c.getNetwork(), c.getAgeBand(),
                                c.getPrescriptions()),
                        (k, c, actuals) -> MonthlyActualsMath.add(actuals, c.getMonth(), c.getNetwork(), c.getAgeBand(),
                                -c.getPrescriptions()),
                        Named.as("progress-actuals"),
                        Materialized.<RegionYearKey, MonthlyActuals, KeyValueStore<Bytes, byte[]>>as(
                                        StoreNames.PROGRESS_ACTUALS)
                                .withKeySerde(key(RegionYearKey.class)).withValueSerde(value(MonthlyActuals.class)));
    }

    /** The loaded targets (a corrected line replaces its key), gathered per region and year. */
    private KTable<RegionYearKey, RegionYearTargets> targetsPerRegionYear(StreamsBuilder builder) {
        Topic<TargetKey, Target> topic = topics.topic(TopicCatalogue.TARGETS);
        return builder.table(topic.name(),
                        Consumed.with(key(TargetKey.class), value(Target.class)).withName("targets-source"),
                        Materialized.<TargetKey, Target, KeyValueStore<Bytes, byte[]>>as(StoreNames.TARGETS)
                                .withKeySerde(key(TargetKey.class)).withValueSerde(value(Target.class)))
                .groupBy((k, t) -> KeyValue.pair(new RegionYearKey(t.getRegion(), t.getYear()), t),
                        Grouped.with("progress-targets-by-region-year", key(RegionYearKey.class), value(Target.class)))
                .aggregate(() -> new RegionYearTargets(List.of()),
                        (k, t, all) -> new RegionYearTargets(with(all.getTargets(), t)),
                        (k, t, all) -> new RegionYearTargets(without(all.getTargets(), t)),
                        Named.as("progress-targets"),
                        Materialized.<RegionYearKey, RegionYearTargets, KeyValueStore<Bytes, byte[]>>as(
                                        StoreNames.PROGRESS_TARGETS)
                                .withKeySerde(key(RegionYearKey.class)).withValueSerde(value(RegionYearTargets.class)));
    }

    private KStream<ProgressKey, Progress> progressRows(StreamsBuilder builder,
            KTable<RegionYearKey, ProgressInputs> inputs) {
        KStream<ProgressKey, Progress> rows = inputs
                .toStream(Named.as("progress-inputs-changes"))
                .process(ProgressRowsProcessor.supplier(settings, serdes), Named.as("progress-rows"),
                        StoreNames.PROGRESS_INPUTS);
        rows.to(topics.topic(TopicCatalogue.PROGRESS).name(),
                Produced.with(key(ProgressKey.class), value(Progress.class)).withName("progress-sink"));
        return rows;
    }

    /**
     * Progress rows are computed per region and year, but an alert compares a region's status across
     * months, December with January too: the rows are sent again partitioned by region alone, so that
     * one task holds every year of a region with its last statuses.
     */
    private void alerts(StreamsBuilder builder, KStream<ProgressKey, Progress> progress) {
        progress.repartition(Repartitioned.<ProgressKey, Progress>as("alerts-by-region")
                        .withKeySerde(key(ProgressKey.class)).withValueSerde(value(Progress.class))
                        .withStreamPartitioner(ProgressStage::byRegion))
                .process(AlertProcessor.supplier(settings, serdes), Named.as("alerts"))
                .to(topics.topic(TopicCatalogue.ALERTS).name(),
                        Produced.with(key(AlertKey.class), value(Alert.class)).withName("alerts-sink"));
    }

    static Optional<Set<Integer>> byRegion(String topic, ProgressKey key, Progress row, int partitions) {
        byte[] region = key.getRegion().getBytes(StandardCharsets.UTF_8);
        return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(region)) % partitions));
    }

    /** {@code targets} with {@code target} in place of the one of the same objective, in objective order. */
    static List<Target> with(List<Target> targets, Target target) {
        List<Target> result = without(targets, target);
        result.add(target);
        result.sort(Comparator.comparing(Target::getObjective));
        return result;
    }

    static List<Target> without(List<Target> targets, Target target) {
        List<Target> result = new ArrayList<>(targets);
        result.removeIf(t -> t.getObjective() == target.getObjective());
        return result;
    }

    private <T extends SpecificRecord> Serde<T> key(Class<T> type) {
        return serdes.forKeys(type);
    }

    private <T extends SpecificRecord> Serde<T> value(Class<T> type) {
        return serdes.forValues(type);
    }
}
