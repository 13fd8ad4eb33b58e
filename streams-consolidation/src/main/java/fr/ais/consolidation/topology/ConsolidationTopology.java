package fr.ais.consolidation.topology;

import fr.ais.consolidation.rules.Deltas;
import fr.ais.consolidation.rules.GroupChange;
import fr.ais.platform.topics.Topic;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.AvroSerdeFactory;
import fr.ais.schemas.AggregateKey;
import fr.ais.schemas.AggregateValue;
import fr.ais.schemas.ConsolidatedPrescriptionKey;
import fr.ais.schemas.DeadLetter;
import fr.ais.schemas.DeadLetterKey;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.QualityCounts;
import fr.ais.schemas.QualityKey;
import fr.ais.schemas.SessionKey;
import fr.ais.schemas.SessionMemberChange;
import fr.ais.schemas.Source;
import fr.ais.schemas.SourceRecordKey;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The consolidation topology (SPEC §4), as a pure function of its configuration and serdes. It only
 * wires: the rules and the deltas are in {@code rules}, the progress maths in {@code progress}, and
 * each processor declares the stores it owns. The stages and their state are explained in docs/design.md.
 *
 * <pre>
 * pe/imilo/ouiform events ─▶ latest version per source key (rule 1)
 *   ─▶ repartition by session ─▶ per-session grouping (rules 2–8)
 *   ─▶ consolidated prescriptions (store by group id, compacted topic), as changes (before, after)
 *   ─▶ retract before, add after, summed per row until the commit, re-keyed
 *   ─▶ aggregates and quality (tables, compacted topics)
 *   ─▶ progress against the targets, alerts (see {@link ProgressStage})
 * dead letters ─▶ as a table ─▶ rejected records per source and reason
 * </pre>
 *
 * No window and no grace period: a late record updates the months it belongs to, and the
 * subtractors retract a prescription from its old aggregate when it moves.
 */
public final class ConsolidationTopology {

    private final AvroSerdeFactory serdes;
    private final ConsolidationConfig config;

    private ConsolidationTopology(ConsolidationConfig config, AvroSerdeFactory serdes) {
        this.serdes = serdes;
        this.config = config;
    }

    public static Topology build(ConsolidationConfig config, AvroSerdeFactory serdes) {
        StreamsBuilder builder = newBuilder();
        new ConsolidationTopology(config, serdes).addTo(builder);
        return builder.build();
    }

    /**
     * The builder every topology of the application starts from: no optimization that would rename
     * or merge internal topics, and a refusal of any internal resource left unnamed.
     */
    public static StreamsBuilder newBuilder() {
        Properties props = new Properties();
        // the builder reads only the topology settings; id and servers are the running app's business
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-definition");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.NO_OPTIMIZATION);
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        return new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
    }

    /** Adds the consolidation stages to {@code builder}. */
    private void addTo(StreamsBuilder builder) {
        KStream<SessionKey, SessionMemberChange> memberChanges = latestVersionPerSourceRecord(sourceEvents(builder));
        KStream<ConsolidatedPrescriptionKey, GroupChange> changes = consolidatePerSession(memberChanges);
        KTable<AggregateKey, AggregateValue> aggregates = aggregates(changes);
        quality(changes);
        new ProgressStage(config, serdes).addTo(builder, aggregates);
        deadLetterCounts(builder);
    }

    /** The three sources' normalised events, with event time from the payload. */
    private KStream<SourceRecordKey, PrescriptionEvent> sourceEvents(StreamsBuilder builder) {
        KStream<SourceRecordKey, PrescriptionEvent> merged = null;
        for (Source source : Source.values()) {
            String name = source.name().toLowerCase(Locale.ROOT) + "-events-source";
            KStream<SourceRecordKey, PrescriptionEvent> stream = topic(TopicCatalogue.eventsOf(source))
                    .stream(builder, name, new PayloadTimestampExtractor());
            merged = merged == null ? stream : merged.merge(stream, Named.as("merge-" + name));
        }
        return merged;
    }

    /** Rule 1, then re-keyed by normalised session (the old session is told when a record leaves it). */
    private KStream<SessionKey, SessionMemberChange> latestVersionPerSourceRecord(
            KStream<SourceRecordKey, PrescriptionEvent> events) {
        return events
                .process(LatestVersionProcessor.supplier(serdes), Named.as("latest-version"))
                .repartition(Repartitioned.<SessionKey, SessionMemberChange>as("members-by-session")
                        .withKeySerde(keySerde(SessionKey.class))
                        .withValueSerde(valueSerde(SessionMemberChange.class)));
    }

    /**
     * Rules 2 to 8 per session: the consolidated prescriptions that changed, written to their
     * compacted topic (a tombstone when a group dissolves) and kept by group id for queries.
     */
    private KStream<ConsolidatedPrescriptionKey, GroupChange> consolidatePerSession(
            KStream<SessionKey, SessionMemberChange> memberChanges) {
        KStream<ConsolidatedPrescriptionKey, GroupChange> changes = memberChanges.process(
                SessionGroupingProcessor.supplier(config.recentSessions(), serdes), Named.as("session-grouping"));
        topic(TopicCatalogue.CONSOLIDATED).to(changes.mapValues(GroupChange::after, Named.as("consolidated-changes")),
                "consolidated-sink");
        return changes;
    }

    /**
     * Per region, month, network and age band: each change retracts the prescription from its old
     * row and adds it to its new one (a move within one row changes nothing); a row that falls to
     * zero becomes a tombstone.
     */
    private KTable<AggregateKey, AggregateValue> aggregates(KStream<ConsolidatedPrescriptionKey, GroupChange> changes) {
        Serde<AggregateKey> keySerde = keySerde(AggregateKey.class);
        Serde<AggregateValue> valueSerde = valueSerde(AggregateValue.class);
        KTable<AggregateKey, AggregateValue> aggregates = changes
                .flatMap((id, change) -> pairs(Deltas.aggregates(change)), Named.as("aggregates-deltas"))
                .process(PartialSumsProcessor.supplier(StoreNames.AGGREGATES_PARTIAL_SUMS, keySerde, valueSerde,
                        Deltas.NO_PRESCRIPTION, Deltas::plus, Deltas::negate), Named.as("aggregates-partial-sums"))
                .groupByKey(Grouped.with("aggregates-by-key", keySerde, valueSerde))
                .aggregate(() -> new AggregateValue(0L),
                        (key, delta, total) -> Deltas.plus(total, delta),
                        Named.as("aggregates-count"),
                        Materialized.<AggregateKey, AggregateValue, KeyValueStore<Bytes, byte[]>>as(
                                StoreNames.AGGREGATES).withKeySerde(keySerde).withValueSerde(valueSerde));
        topic(TopicCatalogue.AGGREGATES).to(aggregates
                .filter((key, total) -> total.getPrescriptions() > 0, Named.as("aggregates-non-zero"))
                .toStream(Named.as("aggregates-changes")), "aggregates-sink");
        return aggregates;
    }

    /** Quality flag counts per region and month (SPEC §6 quality), from the same retract-and-add deltas. */
    private void quality(KStream<ConsolidatedPrescriptionKey, GroupChange> changes) {
        Serde<QualityKey> keySerde = keySerde(QualityKey.class);
        Serde<QualityCounts> valueSerde = valueSerde(QualityCounts.class);
        topic(TopicCatalogue.QUALITY).to(changes
                .flatMap((id, change) -> pairs(Deltas.quality(change)), Named.as("quality-deltas"))
                .process(PartialSumsProcessor.supplier(StoreNames.QUALITY_PARTIAL_SUMS, keySerde, valueSerde,
                        Deltas.NO_QUALITY, Deltas::plus, Deltas::negate), Named.as("quality-partial-sums"))
                .groupByKey(Grouped.with("quality-by-key", keySerde, valueSerde))
                .aggregate(() -> Deltas.NO_QUALITY, (key, delta, counts) -> Deltas.plus(counts, delta),
                        Named.as("quality-count"),
                        Materialized.<QualityKey, QualityCounts, KeyValueStore<Bytes, byte[]>>as(StoreNames.QUALITY)
                                .withKeySerde(keySerde).withValueSerde(valueSerde))
                .filter((key, counts) -> counts.getPrescriptions() > 0, Named.as("quality-non-zero"))
                .toStream(Named.as("quality-changes")), "quality-sink");
    }

    /**
     * Rejected records per source and reason, for the dashboard and metrics: the dead letters read as a
     * table (the latest per key, a re-delivered record having the same key), so that delivering an export
     * again, or re-ingesting it with {@code --force}, replaces its dead letters rather than adding to them.
     * The table keeps only each dead letter's source and reason.
     */
    private void deadLetterCounts(StreamsBuilder builder) {
        topic(TopicCatalogue.DEAD_LETTERS).stream(builder, "dead-letters-source")
                .mapValues(letter -> letter == null ? null : deadLetterCountKey(letter), Named.as("dead-letter-reasons"))
                .toTable(Named.as("dead-letters-latest"),
                        Materialized.<DeadLetterKey, String, KeyValueStore<Bytes, byte[]>>as(StoreNames.DEAD_LETTERS)
                                .withKeySerde(keySerde(DeadLetterKey.class)).withValueSerde(Serdes.String()))
                .groupBy((key, reason) -> KeyValue.pair(reason, reason),
                        Grouped.with("dead-letters-by-reason", Serdes.String(), Serdes.String()))
                .count(Named.as("dead-letter-count"),
                        Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(StoreNames.DEAD_LETTER_COUNTS)
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()));
    }

    /** "SOURCE|REASON", the key of the dead-letter counts. */
    static String deadLetterCountKey(DeadLetter letter) {
        return letter.getSource() + "|" + letter.getReason();
    }

    private <K extends SpecificRecord, V extends SpecificRecord> StreamsTopic<K, V> topic(Topic<K, V> template) {
        return StreamsTopic.of(template, config.topics(), serdes);
    }

    private static <K, V> List<KeyValue<K, V>> pairs(List<Deltas.Delta<K, V>> deltas) {
        return deltas.stream().map(d -> KeyValue.pair(d.key(), d.value())).toList();
    }

    private <T extends SpecificRecord> Serde<T> keySerde(Class<T> type) {
        return serdes.forKeys(type);
    }

    private <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
        return serdes.forValues(type);
    }
}
