package fr.ais.platform.topics;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with the serdes of its key and value types, from one serde factory: what a producer, a
 * consumer or a Kafka Streams topology needs to read or write it, without naming the types again.
 *
 * @param topic      the topic
 * @param keySerde   serde of its keys
 * @param valueSerde serde of its values
 */
public record TopicWithSerdes<K extends SpecificRecord, V extends SpecificRecord>(
        Topic<K, V> topic, Serde<K> keySerde, Serde<V> valueSerde) {

    public TopicWithSerdes {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    public String name() {
        return topic.name();
    }
}
