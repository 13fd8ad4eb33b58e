package fr.ais.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded KRaft broker: transactions, restarts on its data directory, clear start-up errors. */
class EmbeddedKafkaBrokerIT {

    @TempDir
    Path dir;

    @Test
    void a_transactional_produce_is_read_by_a_read_committed_consumer() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.inDirectory(dir.resolve("data")))) {
            createTopic(broker, "t");
            produceTransactionally(broker, "t", List.of("a", "b"));
            assertThat(readCommitted(broker, "t", 2)).containsExactly("a", "b");
        }
    }

    @Test
    void a_restart_on_the_same_data_directory_keeps_topics_and_records() throws Exception {
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.inDirectory(dir.resolve("data"));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(config)) {
            createTopic(broker, "kept");
            produceTransactionally(broker, "kept", List.of("before restart"));
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(config)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).contains("kept");
            }
            assertThat(readCommitted(broker, "kept", 1)).containsExactly("before restart");
        }
    }

    @Test
    void a_port_already_taken_gives_a_clear_error_naming_the_port() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(
                    EmbeddedKafkaConfig.inDirectory(dir.resolve("data")).withPort(port)))
                    .isInstanceOf(EmbeddedKafkaException.class)
                    .hasMessageContaining(String.valueOf(port))
                    .hasMessageContaining("already taken");
        }
    }

    @Test
    void a_foreign_data_directory_gives_a_clear_message_and_is_not_wiped() throws IOException {
        Path foreign = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "not Kafka");

        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.inDirectory(foreign)))
                .isInstanceOf(EmbeddedKafkaException.class)
                .hasMessageContaining("not a Kafka data directory")
                .hasMessageContaining("delete");
        assertThat(foreign.resolve("notes.txt")).exists();
    }

    @Test
    void a_corrupt_meta_properties_gives_a_clear_message() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("meta.properties"), "node.id=7\nversion=1\n");

        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.inDirectory(other)))
                .isInstanceOf(EmbeddedKafkaException.class)
                .hasMessageContaining("another broker");
    }

    static void createTopic(EmbeddedKafkaBroker broker, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    static void produceTransactionally(EmbeddedKafkaBroker broker, String topic, List<String> values) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-" + topic),
                new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            values.forEach(v -> producer.send(new ProducerRecord<>(topic, v)));
            producer.commitTransaction();
        }
    }

    static List<String> readCommitted(EmbeddedKafkaBroker broker, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + topic + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
