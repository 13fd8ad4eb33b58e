package fr.ais.consolidation.topology;

import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.AvroSerdeFactory;
import fr.ais.registry.InMemorySchemaRegistry;
import fr.ais.registry.WireFormatSerdeFactory;
import fr.ais.schemas.AggregateKey;
import fr.ais.schemas.AggregateValue;
import fr.ais.schemas.AgeBand;
import fr.ais.schemas.Alert;
import fr.ais.schemas.AlertKey;
import fr.ais.schemas.Progress;
import fr.ais.schemas.ProgressKey;
import fr.ais.schemas.Target;
import fr.ais.schemas.TargetKey;
import fr.ais.schemas.ConsolidatedPrescription;
import fr.ais.schemas.ConsolidatedPrescriptionKey;
import fr.ais.schemas.DeadLetter;
import fr.ais.schemas.DeadLetterKey;
import fr.ais.schemas.Network;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.QualityCounts;
import fr.ais.schemas.QualityKey;
import fr.ais.schemas.Source;
import fr.ais.schemas.SourceRecordKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The consolidation topology in a TopologyTestDriver, fed with source events, read back as the
 * state of its output topics (last value per key, tombstones removing keys).
 */
final class ConsolidationDriver implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final Map<Source, TestInputTopic<SourceRecordKey, PrescriptionEvent>> inputs = new EnumMap<>(Source.class);
    private final TestOutputTopic<ConsolidatedPrescriptionKey, ConsolidatedPrescription> consolidatedOut;
    private final TestOutputTopic<AggregateKey, AggregateValue> aggregatesOut;
    private final TestOutputTopic<QualityKey, QualityCounts> qualityOut;
    private final TestInputTopic<TargetKey, Target> targetsIn;
    private final TestOutputTopic<ProgressKey, Progress> progressOut;
    private final TestOutputTopic<AlertKey, Alert> alertsOut;
    private final TestInputTopic<ProgressKey, Progress> alertStageIn;
    private final TestInputTopic<DeadLetterKey, DeadLetter> deadLettersIn;
    private final Map<String, Progress> progress = new TreeMap<>();
    private final List<Alert> alerts = new java.util.ArrayList<>();
    private final Map<String, ConsolidatedPrescription> consolidated = new TreeMap<>();
    private final Map<String, Long> aggregates = new TreeMap<>();
    private final Map<String, QualityCounts> quality = new TreeMap<>();
    private final Path stateDir;

    ConsolidationDriver() {
        this(new WireFormatSerdeFactory(new InMemorySchemaRegistry(), true));
    }

    ConsolidationDriver(AvroSerdeFactory serdes) {
        this(serdes, new ConsolidationConfig(TopicCatalogue.DEFAULT));
    }

    ConsolidationDriver(ConsolidationConfig config) {
        this(new WireFormatSerdeFactory(new InMemorySchemaRegistry(), true), config);
    }

    ConsolidationDriver(AvroSerdeFactory serdes, ConsolidationConfig config) {
        TopicCatalogue topics = config.topics();
        try {
            stateDir = Files.createTempDirectory("consolidation-test-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Properties props = new Properties();
        String applicationId = "consolidation-test-" + UUID.randomUUID();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // the application's own commit interval (the alert stage's settle time depends on it)
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(ConsolidationTopology.build(config, serdes), props);
        for (Source source : Source.values()) {
            inputs.put(source, driver.createInputTopic(topics.topic(TopicCatalogue.eventsOf(source)).name(),
                    serdes.forKeys(SourceRecordKey.class).serializer(),
                    serdes.forValues(PrescriptionEvent.class).serializer()));
        }
        consolidatedOut = driver.createOutputTopic(topics.topic(TopicCatalogue.CONSOLIDATED).name(),
                serdes.forKeys(ConsolidatedPrescriptionKey.class).deserializer(),
                serdes.forValues(ConsolidatedPrescription.class).deserializer());
        aggregatesOut = driver.createOutputTopic(topics.topic(TopicCatalogue.AGGREGATES).name(),
                serdes.forKeys(AggregateKey.class).deserializer(),
                serdes.forValues(AggregateValue.class).deserializer());
        targetsIn = driver.createInputTopic(topics.topic(TopicCatalogue.TARGETS).name(),
                serdes.forKeys(TargetKey.class).serializer(), serdes.forValues(Target.class).serializer());
        progressOut = driver.createOutputTopic(topics.topic(TopicCatalogue.PROGRESS).name(),
                serdes.forKeys(ProgressKey.class).deserializer(), serdes.forValues(Progress.class).deserializer());
        alertsOut = driver.createOutputTopic(topics.topic(TopicCatalogue.ALERTS).name(),
                serdes.forKeys(AlertKey.class).deserializer(), serdes.forValues(Alert.class).deserializer());
        alertStageIn = driver.createInputTopic(applicationId + "-alerts-by-region-repartition",
                serdes.forKeys(ProgressKey.class).serializer(), serdes.forValues(Progress.class).serializer());
        deadLettersIn = driver.createInputTopic(topics.topic(TopicCatalogue.DEAD_LETTERS).name(),
                serdes.forKeys(DeadLetterKey.class).serializer(), serdes.forValues(DeadLetter.class).serializer());
        qualityOut = driver.createOutputTopic(topics.topic(TopicCatalogue.QUALITY).name(),
                serdes.forKeys(QualityKey.class).deserializer(),
                serdes.forValues(QualityCounts.class).deserializer());
    }

    ConsolidationDriver send(PrescriptionEvent... events) {
        return send(List.of(events));
    }

    ConsolidationDriver send(List<PrescriptionEvent> events) {
        for (PrescriptionEvent event : events) {
            inputs.get(event.getSource()).pipeInput(new SourceRecordKey(event.getSource(), event.getSourceKey()),
                    event, event.getVersionTimestamp());
        }
        return this;
    }

    /** Loads targets, as {@code ais targets load} publishes them. */
    ConsolidationDriver targets(Target... targets) {
        for (Target t : targets) {
            targetsIn.pipeInput(new TargetKey(t.getYear(), t.getRegion(), t.getObjective()), t);
        }
        return this;
    }

    /**
     * Progress rows as the alert stage receives them from its repartition topic: in a running
     * application they come in bursts, one per commit of the progress task, which a test driver
     * (processing each input to the end at once) never shows by itself.
     */
    ConsolidationDriver rowsReachingTheAlertStage(Progress... rows) {
        for (Progress row : rows) {
            alertStageIn.pipeInput(new ProgressKey(row.getRegion(), row.getYear(), row.getMonth(), row.getObjective()), row);
        }
        return this;
    }

    /** Publishes dead letters, as the connectors do, keyed by the rejected record. */
    ConsolidationDriver deadLetters(Map<DeadLetterKey, DeadLetter> letters) {
        letters.forEach(deadLettersIn::pipeInput);
        return this;
    }

    /** Rejected records per "SOURCE|REASON", as the dashboard and the metrics read them. */
    Map<String, Long> deadLetterCounts() {
        Map<String, Long> counts = new TreeMap<>();
        try (var all = driver.<String, Long>getKeyValueStore(StoreNames.DEAD_LETTER_COUNTS).all()) {
            all.forEachRemaining(kv -> {
                if (kv.value != null && kv.value > 0) {
                    counts.put(kv.key, kv.value);
                }
            });
        }
        return counts;
    }

    /** Alerts counted per "REGION|OBJECTIVE|KIND" in the alert stage's store, as the metrics read them. */
    Map<String, Long> alertCounts() {
        Map<String, Long> counts = new TreeMap<>();
        try (var all = driver.<String, Long>getKeyValueStore(StoreNames.ALERT_COUNTS).all()) {
            all.forEachRemaining(kv -> counts.put(kv.key, kv.value));
        }
        return counts;
    }

    /** Lets the wall clock move, which runs the as-of checks and the alert evaluation. */
    ConsolidationDriver advanceWallClock(java.time.Duration duration) {
        driver.advanceWallClockTime(duration);
        return this;
    }

    /** Progress rows as "region;year;month;objective" → row, as the compacted progress topic holds them. */
    Map<String, Progress> progress() {
        for (TestRecord<ProgressKey, Progress> r : progressOut.readRecordsToList()) {
            String key = r.key().getRegion() + ";" + r.key().getYear() + ";" + r.key().getMonth() + ";"
                    + r.key().getObjective();
            if (r.value() == null) {
                progress.remove(key);
            } else {
                progress.put(key, r.value());
            }
        }
        return progress;
    }

    /** Every alert emitted so far, in order. */
    List<Alert> alerts() {
        alertsOut.readValuesToList().forEach(alerts::add);
        return alerts;
    }

    /** Consolidated prescriptions by group id, as a reporting tool reading the compacted topic sees them. */
    Map<String, ConsolidatedPrescription> consolidated() {
        for (TestRecord<ConsolidatedPrescriptionKey, ConsolidatedPrescription> r : consolidatedOut.readRecordsToList()) {
            if (r.value() == null) {
                consolidated.remove(r.key().getGroupId());
            } else {
                consolidated.put(r.key().getGroupId(), r.value());
            }
        }
        return consolidated;
    }

    /** The only consolidated prescription; fails if there is not exactly one. */
    ConsolidatedPrescription single() {
        Map<String, ConsolidatedPrescription> all = consolidated();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one consolidated prescription, got " + all.values());
        }
        return all.values().iterator().next();
    }

    /** Aggregates as "region;month;network;age_band" → prescriptions, zero rows left out. */
    Map<String, Long> aggregates() {
        for (TestRecord<AggregateKey, AggregateValue> r : aggregatesOut.readRecordsToList()) {
            String key = aggregateRow(r.key().getRegion(), r.key().getMonth(), r.key().getNetwork(), r.key().getAgeBand());
            if (r.value() == null) {
                aggregates.remove(key);
            } else {
                aggregates.put(key, r.value().getPrescriptions());
            }
        }
        return aggregates;
    }

    /** Quality counts as "region;month" → counts, zero rows left out. */
    Map<String, QualityCounts> quality() {
        for (TestRecord<QualityKey, QualityCounts> r : qualityOut.readRecordsToList()) {
            String key = r.key().getRegion() + ";" + r.key().getMonth();
            if (r.value() == null) {
                quality.remove(key);
            } else {
                quality.put(key, r.value());
            }
        }
        return quality;
    }

    static String aggregateRow(String region, String month, Network network, AgeBand band) {
        return region + ";" + month + ";" + network + ";" + band;
    }

    @Override
    public void close() {
        driver.close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
