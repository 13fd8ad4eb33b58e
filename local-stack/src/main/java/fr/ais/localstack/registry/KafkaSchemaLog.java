package fr.ais.localstack.registry;

import fr.ais.registry.InMemorySchemaRegistry.Change;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The schema log on a compacted, single-partition Kafka topic (created if missing): one partition keeps the
 * order of changes, compaction keeps the last record of each subject version and config.
 */
final class KafkaSchemaLog implements SchemaLog {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> clientProperties;
    private final String bootstrapServers;
    private final String topic;
    private final int replicationFactor;
    private final KafkaProducer<String, String> producer;

    /**
     * @param clientProperties  the bootstrap servers and every client property of the cluster (security included)
     * @param topic             the schemas topic
     * @param replicationFactor of the schemas topic, when this creates it
     */
    KafkaSchemaLog(Map<String, Object> clientProperties, String topic, int replicationFactor) {
        this.clientProperties = Map.copyOf(clientProperties);
        this.bootstrapServers = String.valueOf(clientProperties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        this.topic = topic;
        this.replicationFactor = replicationFactor;
        createIfMissing();
        Properties props = properties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "local-schema-registry-" + topic);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private Properties properties() {
        Properties props = new Properties();
        props.putAll(clientProperties);
        return props;
    }

    private void createIfMissing() {
        try (Admin admin = Admin.create(properties())) {
            NewTopic newTopic = new NewTopic(topic, 1, (short) replicationFactor)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(newTopic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicAuthorizationException) {
                throw new IllegalStateException("the registry's principal may not create the schemas topic " + topic
                        + " on " + bootstrapServers + " (ais acls grants it, or create the topic beforehand)", e.getCause());
            }
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the schemas topic " + topic + " on " + bootstrapServers, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the schemas topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from " + bootstrapServers + " creating the schemas topic " + topic, e);
        }
    }

    @Override
    public void replay(Consumer<Change> apply) {
        Properties props = properties();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        TopicPartition partition = new TopicPartition(topic, 0);
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (consumer.position(partition, TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("schemas topic " + topic + " not read to its end (" + end + ") in " + TIMEOUT);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        apply.accept(SchemaLogRecord.parse(record.key(), record.value()));
                    }
                }
            }
        }
    }

    @Override
    public void append(Change change) {
        try {
            producer.send(new ProducerRecord<>(topic, 0, SchemaLogRecord.key(change), SchemaLogRecord.value(change)))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to the schemas topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to the schemas topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from " + bootstrapServers + " writing to the schemas topic " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    @Override
    public String toString() {
        return "topic " + topic + " on " + bootstrapServers;
    }
}
