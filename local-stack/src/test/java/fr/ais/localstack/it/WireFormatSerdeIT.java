package fr.ais.localstack.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ais.localstack.junit.LocalStackExtension;
import fr.ais.localstack.junit.TestStack;
import fr.ais.localstack.test.v1.Greeting;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.schemas.IdentifierType;
import fr.ais.schemas.Network;
import fr.ais.schemas.PersonId;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.Source;
import fr.ais.schemas.SourceRecordKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The wire-format serde through a real broker and the local registry. */
@ExtendWith(LocalStackExtension.class)
class WireFormatSerdeIT {

    @Test
    void prescriptionEventsRoundTripThroughTheBroker(TestStack stack) throws Exception {
        TopicCatalogue catalogue = stack.newCatalogue();
        String topic = catalogue.topic(TopicCatalogue.PE_EVENTS).name();
        SourceRecordKey key = new SourceRecordKey(Source.PE, "AIS-000000042");
        PrescriptionEvent event = PrescriptionEvent.newBuilder()
                .setSource(Source.PE).setSourceKey("AIS-000000042")
                .setVersionTimestamp(Instant.parse("2025-03-01T09:15:30.123456Z"))
                .setSourcePosition(42).setLive(true).setMovementType("CREATION").setStatus(null)
                .setSessionNumber("S0000123")
                .setPersonIds(List.of(new PersonId(IdentifierType.DE, "ab".repeat(32))))
                .setEntryDate(LocalDate.of(2025, 3, 10)).setEndDate(null).setAgeAtEntry(19)
                .setDeclaredNetwork(Network.PE).setPePrescriberNotFilled(false).setPrescriberType("CONSEILLER_PE")
                .setPrescriberRegion("84").setTrainingRegion("84").setStructureCode("69001")
                .setProviderSiret("12345678901234").setFinancer("REGION").setSourceEventId(null)
                .setOrigin("ais_export.csv").build();

        try (var producer = new KafkaProducer<>(producerProps(stack),
                stack.serdes().forKeys(SourceRecordKey.class).serializer(),
                stack.serdes().forValues(PrescriptionEvent.class).serializer())) {
            producer.send(new ProducerRecord<>(topic, key, event)).get();
            producer.send(new ProducerRecord<>(topic, key, null)).get();
        }

        var read = readAll(stack, topic, stack.serdes().forKeys(SourceRecordKey.class).deserializer(),
                stack.serdes().forValues(PrescriptionEvent.class).deserializer(), 2);
        assertThat(read).extracting(ConsumerRecord::key).containsOnly(key);
        assertThat(read).extracting(ConsumerRecord::value).containsExactly(event, null);
    }

    @Test
    void writtenWithV1ReadWithV2AndTheReverse(TestStack stack) throws Exception {
        String topic = stack.uniqueName("greetings");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        var v1 = stack.serdes().forValues(Greeting.class);
        var v2 = stack.serdes().forValues(fr.ais.localstack.test.v2.Greeting.class);
        produce(stack, topic, v1.serializer(), new Greeting("from v1", 1));
        produce(stack, topic, v2.serializer(), new fr.ais.localstack.test.v2.Greeting("from v2", 2, "a note"));

        assertThat(readAll(stack, topic, new StringDeserializer(), v2.deserializer(), 2))
                .extracting(ConsumerRecord::value)
                .containsExactly(new fr.ais.localstack.test.v2.Greeting("from v1", 1, null),
                        new fr.ais.localstack.test.v2.Greeting("from v2", 2, "a note"));
        assertThat(readAll(stack, topic, new StringDeserializer(), v1.deserializer(), 2))
                .extracting(ConsumerRecord::value)
                .containsExactly(new Greeting("from v1", 1), new Greeting("from v2", 2));
    }

    private static Map<String, Object> producerProps(TestStack stack) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    private static <V extends SpecificRecord> void produce(TestStack stack, String topic, Serializer<V> serializer, V value)
            throws Exception {
        try (var producer = new KafkaProducer<>(producerProps(stack), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        }
    }

    private static <K, V> List<ConsumerRecord<K, V>> readAll(TestStack stack, String topic, Deserializer<K> keys,
            Deserializer<V> values, int expected) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }
}
