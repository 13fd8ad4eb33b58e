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

    /** Every record of the topic, in partition order. */
    public static <K, V> void read(Map<String, Object> clientProperties, String topic,
            Deserializer<K> keys, Deserializer<V> values, BiConsumer<K, V> each) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, keys, values)) {
            // the topics the cluster lists first: for a topic that does not exist, partitionsFor retries its
            // metadata request until its timeout, and then says nothing of the cause
            List<PartitionInfo> described = consumer.listTopics(Duration.ofSeconds(30)).get(topic);
            if (described == null) {
                // created a moment ago, it may not be in the answering broker's metadata yet: asked for alone, briefly
                try {
                    described = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                } catch (TimeoutException e) {
                    described = List.of();
                }
            }
            if (described == null || described.isEmpty()) {
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
