package fr.ais.platform.topics;

import static fr.ais.platform.topics.Topic.CleanupPolicy.COMPACT;
import static fr.ais.platform.topics.Topic.CleanupPolicy.DELETE;

import fr.ais.schemas.AggregateKey;
import fr.ais.schemas.AggregateValue;
import fr.ais.schemas.Alert;
import fr.ais.schemas.AlertKey;
import fr.ais.schemas.ConnectorCheckpoint;
import fr.ais.schemas.ConnectorCheckpointKey;
import fr.ais.schemas.ConsolidatedPrescription;
import fr.ais.schemas.ConsolidatedPrescriptionKey;
import fr.ais.schemas.DeadLetter;
import fr.ais.schemas.DeadLetterKey;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.Progress;
import fr.ais.schemas.ProgressKey;
import fr.ais.schemas.QualityCounts;
import fr.ais.schemas.QualityKey;
import fr.ais.schemas.Source;
import fr.ais.schemas.SourceRecordKey;
import fr.ais.schemas.Target;
import fr.ais.schemas.TargetKey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every topic of the pipeline (SPEC §3 to §6), in one place: code, tests and deploy files read it.
 *
 * <p>The constants hold the production names. A catalogue instance may prefix them all with a
 * namespace (setting {@code AIS_TOPIC_NAMESPACE}), so that tests, or two pipelines on one cluster,
 * never share a topic: components always take their topics from an instance, e.g.
 * {@code catalogue.topic(TopicCatalogue.AGGREGATES)}.
 *
 * <p>Source events and dead letters are kept forever (delete policy, no time limit): they are the
 * pipeline's input of record, from which every figure can be recomputed. They are not compacted,
 * because rule 1 picks a source key's version by timestamp, not by arrival. The Streams
 * application's own changelog and repartition topics are created by Kafka Streams under names fixed
 * by the topology.
 */
public final class TopicCatalogue {

    /** The production names, without namespace. */
    public static final TopicCatalogue DEFAULT = new TopicCatalogue("");

    private final String namespace;

    private TopicCatalogue(String namespace) {
        this.namespace = java.util.Objects.requireNonNull(namespace, "namespace");
    }

    /** A catalogue whose topic names all start with {@code namespace} (empty for the production names). */
    public static TopicCatalogue withNamespace(String namespace) {
        return namespace.isEmpty() ? DEFAULT : new TopicCatalogue(namespace);
    }

    public String namespace() {
        return namespace;
    }

    /** The topic of this catalogue's namespace for one of the constants below. */
    public <K extends org.apache.avro.specific.SpecificRecord, V extends org.apache.avro.specific.SpecificRecord>
            Topic<K, V> topic(Topic<K, V> template) {
        if (namespace.isEmpty()) {
            return template;
        }
        return new Topic<>(namespace + template.name(), template.partitions(), template.cleanupPolicy(),
                template.retention(), template.keyType(), template.valueType(), template.description());
    }

    /** What every catalogue topic's name starts with, after the namespace. */
    public static final String NAME_PREFIX = "ais.";

    /** Topic of the local schema registry's schemas (Confluent's default name), under the namespace. */
    public static final String SCHEMAS_TOPIC = "_schemas";

    /** The schemas topic of this namespace (the local registry's; not an Avro topic of the pipeline). */
    public String schemasTopic() {
        return namespace + SCHEMAS_TOPIC;
    }

    /** Every topic of this catalogue's namespace. */
    public List<Topic<?, ?>> topics() {
        return all().stream().<Topic<?, ?>>map(t -> topic(t)).toList();
    }

    /** Partitions of the keyed data topics: room for a few application instances. */
    public static final int DATA_PARTITIONS = 4;

    /** One normalised event topic per source, named after it: a new source has its topic with its enum symbol. */
    private static final Map<Source, Topic<SourceRecordKey, PrescriptionEvent>> EVENTS = new EnumMap<>(Source.class);

    static {
        for (Source source : Source.values()) {
            EVENTS.put(source, events(source));
        }
    }

    public static final Topic<SourceRecordKey, PrescriptionEvent> PE_EVENTS = eventsOf(Source.PE);
    public static final Topic<SourceRecordKey, PrescriptionEvent> IMILO_EVENTS = eventsOf(Source.IMILO);
    public static final Topic<SourceRecordKey, PrescriptionEvent> OUIFORM_EVENTS = eventsOf(Source.OUIFORM);

    public static final Topic<DeadLetterKey, DeadLetter> DEAD_LETTERS = new Topic<>(
            NAME_PREFIX + "dead-letters", 1, DELETE, null, DeadLetterKey.class, DeadLetter.class,
            "Rejected source records of the three connectors, with the reason and the offending field.");

    public static final Topic<ConnectorCheckpointKey, ConnectorCheckpoint> CONNECTOR_CHECKPOINTS = new Topic<>(
            NAME_PREFIX + "connector-checkpoints", 1, COMPACT, null, ConnectorCheckpointKey.class, ConnectorCheckpoint.class,
            "Each connector's committed position per input, written in the transaction of the records it covers.");

    public static final Topic<ConsolidatedPrescriptionKey, ConsolidatedPrescription> CONSOLIDATED = new Topic<>(
            NAME_PREFIX + "consolidated-prescriptions", DATA_PARTITIONS, COMPACT, null,
            ConsolidatedPrescriptionKey.class, ConsolidatedPrescription.class,
            "One record per real prescription (SPEC §4); a tombstone when its group dissolves.");

    public static final Topic<AggregateKey, AggregateValue> AGGREGATES = new Topic<>(
            NAME_PREFIX + "aggregates", DATA_PARTITIONS, COMPACT, null, AggregateKey.class, AggregateValue.class,
            "Consolidated prescriptions per region, month, network and age band; a tombstone when none is left.");

    public static final Topic<QualityKey, QualityCounts> QUALITY = new Topic<>(
            NAME_PREFIX + "quality", DATA_PARTITIONS, COMPACT, null, QualityKey.class, QualityCounts.class,
            "Quality flag counts per region and month.");

    public static final Topic<TargetKey, Target> TARGETS = new Topic<>(
            NAME_PREFIX + "targets", 1, COMPACT, null, TargetKey.class, Target.class,
            "Yearly regional targets per objective; a corrected file replaces the same (year, region, objective).");

    public static final Topic<ProgressKey, Progress> PROGRESS = new Topic<>(
            NAME_PREFIX + "progress", DATA_PARTITIONS, COMPACT, null, ProgressKey.class, Progress.class,
            "Cumulative actual against cumulative target per region, year, month and objective.");

    public static final Topic<AlertKey, Alert> ALERTS = new Topic<>(
            NAME_PREFIX + "alerts", 1, DELETE, null, AlertKey.class, Alert.class,
            "Alerts raised and cleared on regions whose status for the latest closed month changes.");

    /** The normalised event topic of a source. */
    public static Topic<SourceRecordKey, PrescriptionEvent> eventsOf(Source source) {
        return EVENTS.get(source);
    }

    /** Every topic the pipeline creates itself (Kafka Streams creates its internal topics): the sources' first. */
    public static List<Topic<?, ?>> all() {
        List<Topic<?, ?>> all = new ArrayList<>(EVENTS.values());
        all.addAll(List.of(DEAD_LETTERS, CONNECTOR_CHECKPOINTS, CONSOLIDATED, AGGREGATES, QUALITY, TARGETS, PROGRESS, ALERTS));
        return List.copyOf(all);
    }

    private static Topic<SourceRecordKey, PrescriptionEvent> events(Source source) {
        return new Topic<>(NAME_PREFIX + source.name().toLowerCase(java.util.Locale.ROOT) + ".events",
                DATA_PARTITIONS, DELETE, null, SourceRecordKey.class, PrescriptionEvent.class,
                "Accepted " + source + " records, normalised and pseudonymised, keyed by source key.");
    }
}
