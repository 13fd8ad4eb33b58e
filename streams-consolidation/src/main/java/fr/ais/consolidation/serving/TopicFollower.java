package fr.ais.consolidation.serving;

import fr.ais.consolidation.progress.FirstKeyings;
import fr.ais.consolidation.progress.LateEntries;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.platform.topics.TopicWithSerdes;
import fr.ais.registry.AvroSerdeFactory;
import fr.ais.schemas.Alert;
import fr.ais.schemas.AlertKey;
import fr.ais.schemas.ConnectorCheckpoint;
import fr.ais.schemas.ConnectorCheckpointKey;
import fr.ais.schemas.Network;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.Source;
import fr.ais.schemas.SourceRecordKey;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code ais.alerts}, the three event topics and the connector checkpoints from their start, on a
 * thread of its own, with a consumer of no group (read committed): the consolidation's topology is not
 * changed for the pilots' view. Kept per source record ({@link FirstKeyings}): the day its first version was
 * keyed in and its latest entry date; so memory grows with the records, a few dozen bytes each.
 */
public final class TopicFollower implements FollowedTopics, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Handler> handlers = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    // guarded by this
    private final List<AlertEvent> alerts = new ArrayList<>();
    private final FirstKeyings keyings = new FirstKeyings();
    private final Map<String, Long> latestCheckpoint = new HashMap<>();

    private interface Handler {
        void accept(ConsumerRecord<byte[], byte[]> record);
    }

    private TopicFollower(Map<String, Object> clientProperties) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "ais-topic-follower");
        this.thread.setDaemon(true);
    }

    /** Starts following the catalogue's alerts, events and checkpoints. */
    public static TopicFollower start(Map<String, Object> clientProperties, TopicCatalogue catalogue,
            AvroSerdeFactory serdes) {
        TopicFollower follower = new TopicFollower(clientProperties);
        follower.on(catalogue.topic(TopicCatalogue.ALERTS).withSerdes(serdes), follower::alert);
        for (Source source : Source.values()) {
            follower.on(catalogue.topic(TopicCatalogue.eventsOf(source)).withSerdes(serdes),
                    (r, k, v) -> follower.event(source, k, v));
        }
        follower.on(catalogue.topic(TopicCatalogue.CONNECTOR_CHECKPOINTS).withSerdes(serdes),
                (r, k, v) -> follower.checkpoint(v));
        follower.thread.start();
        return follower;
    }

    private interface Typed<K, V> {
        void accept(ConsumerRecord<byte[], byte[]> record, K key, V value);
    }

    private <K extends org.apache.avro.specific.SpecificRecord, V extends org.apache.avro.specific.SpecificRecord>
            void on(TopicWithSerdes<K, V> topic, Typed<K, V> typed) {
        Deserializer<K> keys = topic.keySerde().deserializer();
        Deserializer<V> values = topic.valueSerde().deserializer();
        handlers.put(topic.name(), r -> typed.accept(r, keys.deserialize(r.topic(), r.key()),
                r.value() == null ? null : values.deserialize(r.topic(), r.value())));
    }

    private void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : handlers.keySet()) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        handlers.get(r.topic()).accept(r);
                    } catch (RuntimeException e) {
                        LOG.warn("skipping an unreadable record of {} at offset {}: {}", r.topic(), r.offset(),
                                e.getMessage());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("the topic follower stopped: alerts, arrivals and freshness no longer update", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private synchronized void alert(ConsumerRecord<byte[], byte[]> r, AlertKey key, Alert a) {
        if (a != null) {
            alerts.add(new AlertEvent(a.getRegion(), a.getObjective().name(), a.getYear(), a.getMonth(),
                    a.getKind().name(), a.getPreviousStatus() == null ? null : a.getPreviousStatus().name(),
                    a.getStatus().name(), a.getActualCumulative(), a.getTargetCumulative(), a.getRatio(),
                    r.timestamp()));
        }
    }

    private synchronized void event(Source source, SourceRecordKey key, PrescriptionEvent e) {
        if (e != null) {
            keyings.add(e);
        }
    }

    private synchronized void checkpoint(ConnectorCheckpoint c) {
        if (c != null) {
            latestCheckpoint.merge(c.getConnector(), c.getUpdatedAt().toEpochMilli(), Math::max);
        }
    }

    @Override
    public synchronized List<AlertEvent> alerts() {
        return List.copyOf(alerts);
    }

    @Override
    public synchronized LateEntries lateEntries(List<FigureQueries.EntryRow> consolidated, LocalDate asOf) {
        List<LateEntries.Entry> entries = new ArrayList<>();
        for (FigureQueries.EntryRow row : consolidated) {
            LateEntries.Entry entry = keyings.entryOf(Network.valueOf(row.network()), LocalDate.parse(row.entryDate()),
                    row.members());
            if (entry != null) {
                entries.add(entry);
            }
        }
        return LateEntries.observedOn(keyings.arrivals(), entries, asOf);
    }

    @Override
    public synchronized List<SourceFreshness> freshness() {
        List<SourceFreshness> rows = new ArrayList<>();
        for (Source source : Source.values()) {
            String name = source.name().toLowerCase(Locale.ROOT);
            rows.add(new SourceFreshness(name, keyings.records(source), keyings.latestVersion(source),
                    latestCheckpoint.get("ingest-" + name)));
        }
        return rows;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
