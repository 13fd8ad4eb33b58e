package fr.ais.localstack.junit;

import fr.ais.kafka.embedded.junit.TestKafka;
import fr.ais.platform.topics.Topic;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.AvroSerdeFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * What a test gets from {@link LocalStackExtension}: the per-JVM broker ({@link TestKafka}) plus the per-JVM
 * local schema registry, serdes over it, and topic catalogues of their own.
 */
public final class TestStack {

    private final TestKafka kafka;
    private final String registryUrl;
    private final AvroSerdeFactory serdes;

    TestStack(TestKafka kafka, String registryUrl, AvroSerdeFactory serdes) {
        this.kafka = kafka;
        this.registryUrl = registryUrl;
        this.serdes = serdes;
    }

    public TestKafka kafka() {
        return kafka;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A name no other test of this JVM gets: for topics, application ids, group ids. */
    public String uniqueName(String prefix) {
        return kafka.uniqueName(prefix);
    }

    /** A fresh state directory (Kafka Streams {@code state.dir}). */
    public Path newStateDir() {
        return kafka.newStateDir();
    }

    /** Client properties for the broker ({@code bootstrap.servers}, ...). */
    public Map<String, Object> clientProperties() {
        return kafka.clientProperties();
    }

    /** Base URL of the local schema registry. */
    public String registryUrl() {
        return registryUrl;
    }

    /** Wire-format serdes over the local registry, auto-registering the record schemas. */
    public AvroSerdeFactory serdes() {
        return serdes;
    }

    /** A catalogue under a namespace of its own, whose topics exist on the broker. */
    public TopicCatalogue newCatalogue() {
        TopicCatalogue catalogue = TopicCatalogue.withNamespace(uniqueName("t") + ".");
        List<NewTopic> topics = catalogue.topics().stream().map(TestStack::newTopic).toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the topics of catalogue " + catalogue.namespace(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return catalogue;
    }

    private static NewTopic newTopic(Topic<?, ?> topic) {
        return new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy().kafkaName(),
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retentionMs())));
    }
}
