package fr.ais.platform.topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a topic from its start to its current end, committed records only, as a reporting tool would.
 *
 * <p>"The end" is the high watermark, not the last stable offset a read-committed consumer reports:
 * a transaction's markers reach its partitions one after the other, so right after a writer commits,
 * the last stable offset of a partition may still stand before the transaction. Reading until the
 * committed position passes the high watermark waits for those markers instead of missing the data.
 */
public final class TopicSnapshot {

    /** How long a topic may stay out of the cluster's metadata before it is reported missing. */
    static final Duration MISSING_AFTER = Duration.ofSeconds(3);
    private static final Duration METADATA_RETRY = Duration.ofMillis(250);

    private TopicSnapshot() {
    }

    /** The table a compacted topic holds: last value per key, a tombstone removing its key. */
    public static <K, V> Map<K, V> table(Map<String, Object> clientProperties, String topic,
            Deserializer<K> keys, Deserializer<V> values) {
        Map<K, V> table = new LinkedHashMap<>();
        read(clientProperties, topic, keys, values, (k, v) -> {
            if (v == null) {
                table.remove(k);
            } else {
                table.put(k, v);
            }
        });
        return table;
    }

    /** The same, for a topic with its serdes. */
    public static <K extends SpecificRecord, V extends SpecificRecord> Map<K, V> table(
            Map<String, Object> clientProperties, TopicWithSerdes<K, V> topic) {
        return table(clientProperties, topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    private static Map<TopicPartition, Long> highWatermarks(Map<String, Object> clientProperties,
            List<TopicPartition> partitions) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            return consumer.endOffsets(partitions);
        }
    }

    /**
     * The topic's partitions, or none when the cluster does not list it for {@link #MISSING_AFTER}. A topic
     * created a moment ago may not be in the answering broker's metadata yet, so one answer is not enough;
     * and the topics are listed first, because for an unknown name the consumer answers nothing, or retries
     * until its timeout and then says nothing of the cause.
     */
    private static List<PartitionInfo> partitionsOf(KafkaConsumer<?, ?> consumer, String topic) {
        long deadline = System.nanoTime() + MISSING_AFTER.toNanos();
        while (true) {
            List<PartitionInfo> listed = consumer.listTopics(Duration.ofSeconds(30)).get(topic);
            if (listed != null && !listed.isEmpty()) {
                return listed;
            }
            // asked for by name too: a principal that may not describe the topic is not shown it in the list,
            // and this is what says so (an authorization error), instead of calling the topic missing
            try {
                listed = consumer.partitionsFor(topic, Duration.ofSeconds(1));
                if (listed != null && !listed.isEmpty()) {
                    return listed;
                }
            } catch (TimeoutException e) {
                // not known yet: looked for again below
            }
            if (System.nanoTime() > deadline) {
                return List.of();
            }
            try {
                Thread.sleep(METADATA_RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while looking for " + topic, e);
            }
        }
    }

    /** Every record of the topic, in partition order. */
    public static <K, V> void read(Map<String, Object> clientProperties, String topic,
            Deserializer<K> keys, Deserializer<V> values, BiConsumer<K, V> each) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, keys, values)) {
            List<PartitionInfo> described = partitionsOf(consumer, topic);
            if (described.isEmpty()) {
                throw new MissingTopicException(topic, clientProperties.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
            }
            List<TopicPartition> partitions = described.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = highWatermarks(clientProperties, partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read " + topic + " to its end: a transaction on it stays open");
                }
                for (ConsumerRecord<K, V> r : consumer.poll(Duration.ofMillis(200))) {
                    each.accept(r.key(), r.value());
                }
            }
        }
    }
}
