package fr.ais.consolidation.topology;

import fr.ais.platform.topics.Topic;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.AvroSerdeFactory;
import fr.ais.schemas.AggregateKey;
import fr.ais.schemas.AggregateValue;
import fr.ais.schemas.ConsolidatedPrescription;
import fr.ais.schemas.ConsolidatedPrescriptionKey;
import fr.ais.schemas.DeadLetter;
import fr.ais.schemas.DeadLetterKey;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.QualityCounts;
import fr.ais.schemas.QualityFlag;
import fr.ais.schemas.QualityKey;
import fr.ais.schemas.SessionGroups;
import fr.ais.schemas.SessionKey;
import fr.ais.schemas.SessionMemberChange;
import fr.ais.schemas.Source;
import fr.ais.schemas.SourceRecordKey;
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
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The consolidation topology (SPEC §4), as a pure function of its configuration and serdes.
 *
 * <pre>
 * pe/imilo/ouiform events ─▶ latest version per source key (rule 1)
 *   ─▶ repartition by session ─▶ per-session grouping (rules 2–8)
 *   ─▶ repartition by group id ─▶ consolidated prescriptions (table, compacted topic)
 *   ─▶ groupBy + adder/subtractor ─▶ aggregates and quality (tables, compacted topics)
 *   ─▶ progress against the targets, alerts (see {@link ProgressStage})
 * dead letters ─▶ counts per source and reason
 * </pre>
 *
 * No window and no grace period: a late record updates the months it belongs to, and the
 * subtractors retract a prescription from its old aggregate when it moves.
 */
public final class ConsolidationTopology {

    private final AvroSerdeFactory serdes;
    private final TopicCatalogue topics;
    private final ConsolidationConfig config;

    private ConsolidationTopology(ConsolidationConfig config, AvroSerdeFactory serdes) {
        this.serdes = serdes;
        this.topics = config.topics();
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

    /** Adds the consolidation stages to {@code builder} and returns the consolidated table. */
    public KTable<ConsolidatedPrescriptionKey, ConsolidatedPrescription> addTo(StreamsBuilder builder) {
        KStream<SourceRecordKey, PrescriptionEvent> events = sourceEvents(builder);
        KStream<SessionKey, SessionMemberChange> memberChanges = latestVersionPerSourceRecord(builder, events);
        KTable<ConsolidatedPrescriptionKey, ConsolidatedPrescription> consolidated =
                consolidatePerSession(builder, memberChanges);
        KTable<AggregateKey, AggregateValue> aggregates = aggregates(consolidated);
        quality(consolidated);
        new ProgressStage(config, serdes).addTo(builder, aggregates);
        deadLetterCounts(builder);
        return consolidated;
    }

    /** The three sources' normalised events, with event time from the payload. */
    private KStream<SourceRecordKey, PrescriptionEvent> sourceEvents(StreamsBuilder builder) {
        KStream<SourceRecordKey, PrescriptionEvent> merged = null;
        for (Source source : Source.values()) {
            Topic<SourceRecordKey, PrescriptionEvent> topic = topics.topic(TopicCatalogue.eventsOf(source));
            String name = source.name().toLowerCase(java.util.Locale.ROOT) + "-events-source";
            KStream<SourceRecordKey, PrescriptionEvent> stream = builder.stream(topic.name(),
                    Consumed.with(keySerde(SourceRecordKey.class), valueSerde(PrescriptionEvent.class))
                            .withTimestampExtractor(new PayloadTimestampExtractor())
                            .withName(name));
            merged = merged == null ? stream
                    : merged.merge(stream, Named.as("merge-" + name));
        }
        return merged;
    }

    /** Rule 1, then re-keyed by normalised session (the old session is told when a record leaves it). */
    private KStream<SessionKey, SessionMemberChange> latestVersionPerSourceRecord(StreamsBuilder builder,
            KStream<SourceRecordKey, PrescriptionEvent> events) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.LATEST_VERSIONS),
                keySerde(SourceRecordKey.class), valueSerde(PrescriptionEvent.class)));
        return events
                .process(() -> new LatestVersionProcessor(StoreNames.LATEST_VERSIONS),
                        Named.as("latest-version"), StoreNames.LATEST_VERSIONS)
                .repartition(Repartitioned.<SessionKey, SessionMemberChange>as("members-by-session")
                        .withKeySerde(keySerde(SessionKey.class))
                        .withValueSerde(valueSerde(SessionMemberChange.class)));
    }

    /** Rules 2 to 8, then the consolidated prescriptions as a table keyed by group id. */
    private KTable<ConsolidatedPrescriptionKey, ConsolidatedPrescription> consolidatePerSession(
            StreamsBuilder builder, KStream<SessionKey, SessionMemberChange> memberChanges) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.SESSION_MEMBERS),
                Serdes.String(), valueSerde(PrescriptionEvent.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.SESSION_GROUPS),
                keySerde(SessionKey.class), valueSerde(SessionGroups.class)));
        Serde<ConsolidatedPrescriptionKey> keySerde = keySerde(ConsolidatedPrescriptionKey.class);
        Serde<ConsolidatedPrescription> valueSerde = valueSerde(ConsolidatedPrescription.class);
        KTable<ConsolidatedPrescriptionKey, ConsolidatedPrescription> consolidated = memberChanges
                .process(() -> new SessionGroupingProcessor(StoreNames.SESSION_MEMBERS, StoreNames.SESSION_GROUPS),
                        Named.as("session-grouping"), StoreNames.SESSION_MEMBERS, StoreNames.SESSION_GROUPS)
                .repartition(Repartitioned.<ConsolidatedPrescriptionKey, ConsolidatedPrescription>as(
                        "consolidated-by-group").withKeySerde(keySerde).withValueSerde(valueSerde))
                .toTable(Named.as("consolidated-table"),
                        Materialized.<ConsolidatedPrescriptionKey, ConsolidatedPrescription,
                                KeyValueStore<Bytes, byte[]>>as(StoreNames.CONSOLIDATED)
                                .withKeySerde(keySerde).withValueSerde(valueSerde));
        consolidated.toStream(Named.as("consolidated-changes"))
                .to(topics.topic(TopicCatalogue.CONSOLIDATED).name(),
                        Produced.with(keySerde, valueSerde).withName("consolidated-sink"));
        return consolidated;
    }

    /** Per region, month, network and age band; a key that falls to zero becomes a tombstone. */
    private KTable<AggregateKey, AggregateValue> aggregates(
            KTable<ConsolidatedPrescriptionKey, ConsolidatedPrescription> consolidated) {
        Serde<AggregateKey> keySerde = keySerde(AggregateKey.class);
        Serde<AggregateValue> valueSerde = valueSerde(AggregateValue.class);
        KTable<AggregateKey, AggregateValue> aggregates = consolidated
                .groupBy((id, p) -> KeyValue.pair(
                                new AggregateKey(p.getRegion(), p.getMonth(), p.getNetwork(), p.getAgeBand()), p),
                        Grouped.with("aggregates-by-key", keySerde, valueSerde(ConsolidatedPrescription.class)))
                .aggregate(() -> new AggregateValue(0L),
                        (key, p, total) -> new AggregateValue(total.getPrescriptions() + 1),
                        (key, p, total) -> new AggregateValue(total.getPrescriptions() - 1),
                        Named.as("aggregates-count"),
                        Materialized.<AggregateKey, AggregateValue, KeyValueStore<Bytes, byte[]>>as(
                                StoreNames.AGGREGATES).withKeySerde(keySerde).withValueSerde(valueSerde));
        aggregates.filter((key, total) -> total.getPrescriptions() > 0, Named.as("aggregates-non-zero"))
                .toStream(Named.as("aggregates-changes"))
                .to(topics.topic(TopicCatalogue.AGGREGATES).name(),
                        Produced.with(keySerde, valueSerde).withName("aggregates-sink"));
        return aggregates;
    }

    /** Quality flag counts per region and month (SPEC §6 quality). */
    private void quality(KTable<ConsolidatedPrescriptionKey, ConsolidatedPrescription> consolidated) {
        Serde<QualityKey> keySerde = keySerde(QualityKey.class);
        Serde<QualityCounts> valueSerde = valueSerde(QualityCounts.class);
        consolidated
                .groupBy((id, p) -> KeyValue.pair(new QualityKey(p.getRegion(), p.getMonth()), p),
                        Grouped.with("quality-by-key", keySerde, valueSerde(ConsolidatedPrescription.class)))
                .aggregate(() -> new QualityCounts(0L, 0L, 0L, 0L, 0L, 0L),
                        (key, p, counts) -> addFlags(counts, p, 1),
                        (key, p, counts) -> addFlags(counts, p, -1),
                        Named.as("quality-count"),
                        Materialized.<QualityKey, QualityCounts, KeyValueStore<Bytes, byte[]>>as(StoreNames.QUALITY)
                                .withKeySerde(keySerde).withValueSerde(valueSerde))
                .filter((key, counts) -> counts.getPrescriptions() > 0, Named.as("quality-non-zero"))
                .toStream(Named.as("quality-changes"))
                .to(topics.topic(TopicCatalogue.QUALITY).name(),
                        Produced.with(keySerde, valueSerde).withName("quality-sink"));
    }

    static QualityCounts addFlags(QualityCounts counts, ConsolidatedPrescription p, int sign) {
        java.util.List<QualityFlag> flags = p.getFlags();
        return new QualityCounts(
                counts.getPrescriptions() + sign,
                counts.getPePrescriberNotFilled() + (flags.contains(QualityFlag.PE_PRESCRIBER_NOT_FILLED) ? sign : 0),
                counts.getAttributionInferred() + (flags.contains(QualityFlag.ATTRIBUTION_INFERRED) ? sign : 0),
                counts.getAttributionConflict() + (flags.contains(QualityFlag.ATTRIBUTION_CONFLICT) ? sign : 0),
                counts.getUnattributed() + (flags.contains(QualityFlag.UNATTRIBUTED) ? sign : 0),
                counts.getMlAgeOutOfScope() + (flags.contains(QualityFlag.ML_AGE_OUT_OF_SCOPE) ? sign : 0));
    }

    /** Dead letters per source and reason, for the dashboard and metrics. */
    private void deadLetterCounts(StreamsBuilder builder) {
        builder.stream(topics.topic(TopicCatalogue.DEAD_LETTERS).name(),
                        Consumed.with(keySerde(DeadLetterKey.class), valueSerde(DeadLetter.class))
                                .withName("dead-letters-source"))
                .groupBy((key, letter) -> letter.getSource() + "|" + letter.getReason(),
                        Grouped.with("dead-letters-by-reason", Serdes.String(), valueSerde(DeadLetter.class)))
                .count(Named.as("dead-letter-count"),
                        Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(StoreNames.DEAD_LETTER_COUNTS)
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()));
    }

    private <T extends SpecificRecord> Serde<T> keySerde(Class<T> type) {
        return serdes.forKeys(type);
    }

    private <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
        return serdes.forValues(type);
    }
}
