package fr.ais.consolidation.topology;

import fr.ais.platform.topics.Topic;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.platform.topics.TopicWithSerdes;
import fr.ais.registry.AvroSerdeFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A topic of the catalogue as the topology reads and writes it, with the serdes of its types (as
 * kstreamplify's {@code TopicWithSerde} does). Here rather than beside {@link Topic}: the catalogue
 * serves producers and consumers too, which need no Kafka Streams.
 */
final class StreamsTopic<K extends SpecificRecord, V extends SpecificRecord> {

    private final TopicWithSerdes<K, V> topic;

    private StreamsTopic(TopicWithSerdes<K, V> topic) {
        this.topic = topic;
    }

    /** {@code template} in {@code catalogue}'s namespace, with {@code serdes}. */
    static <K extends SpecificRecord, V extends SpecificRecord> StreamsTopic<K, V> of(Topic<K, V> template,
            TopicCatalogue catalogue, AvroSerdeFactory serdes) {
        return new StreamsTopic<>(catalogue.topic(template).withSerdes(serdes));
    }

    /** The topic's records, read by a source named {@code name}. */
    KStream<K, V> stream(StreamsBuilder builder, String name) {
        return builder.stream(topic.name(), consumed(name));
    }

    /** The same, with event time from {@code timestamps}. */
    KStream<K, V> stream(StreamsBuilder builder, String name, TimestampExtractor timestamps) {
        return builder.stream(topic.name(), consumed(name).withTimestampExtractor(timestamps));
    }

    /** The topic as a table (the latest value per key) materialised in store {@code store}. */
    KTable<K, V> table(StreamsBuilder builder, String name, String store) {
        return builder.table(topic.name(), consumed(name),
                Materialized.<K, V, KeyValueStore<Bytes, byte[]>>as(store)
                        .withKeySerde(topic.keySerde()).withValueSerde(topic.valueSerde()));
    }

    /** Writes {@code stream} to the topic through a sink named {@code name}. */
    void to(KStream<K, V> stream, String name) {
        stream.to(topic.name(), Produced.with(topic.keySerde(), topic.valueSerde()).withName(name));
    }

    private Consumed<K, V> consumed(String name) {
        return Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }
}
