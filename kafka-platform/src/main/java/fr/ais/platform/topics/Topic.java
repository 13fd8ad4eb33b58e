package fr.ais.platform.topics;

import fr.ais.registry.AvroSerdeFactory;
import java.time.Duration;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * A topic of the pipeline, typed by its Avro key and value records.
 *
 * @param name          topic name
 * @param partitions    partition count
 * @param cleanupPolicy delete or compact
 * @param retention     how long records are kept under the delete policy; {@code null} = forever
 * @param keyType       Avro type of the keys
 * @param valueType     Avro type of the values
 * @param description   what the topic holds, for people
 */
public record Topic<K extends SpecificRecord, V extends SpecificRecord>(
        String name,
        int partitions,
        CleanupPolicy cleanupPolicy,
        Duration retention,
        Class<K> keyType,
        Class<V> valueType,
        String description) {

    public enum CleanupPolicy {
        DELETE("delete"), COMPACT("compact");

        private final String kafkaName;

        CleanupPolicy(String kafkaName) {
            this.kafkaName = kafkaName;
        }

        /** The value of the {@code cleanup.policy} topic config. */
        public String kafkaName() {
            return kafkaName;
        }
    }

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive: " + partitions);
        }
    }

    /** This topic with the serdes of its key and value types, from {@code serdes}. */
    public TopicWithSerdes<K, V> withSerdes(AvroSerdeFactory serdes) {
        return new TopicWithSerdes<>(this, serdes.forKeys(keyType), serdes.forValues(valueType));
    }

    /** The {@code retention.ms} topic config: -1 for forever. */
    public long retentionMs() {
        return retention == null ? -1L : retention.toMillis();
    }
}
