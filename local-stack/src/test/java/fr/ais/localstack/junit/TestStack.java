package fr.ais.localstack.junit;

import fr.ais.kafka.embedded.junit.TestKafka;
import fr.ais.platform.topics.TopicAdmin;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.AvroSerdeFactory;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

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

    /**
     * A catalogue under a namespace of its own, whose topics exist on the broker and have their leaders, as
     * {@code ais topics} leaves them: a client started right after finds every topic in its metadata.
     */
    public TopicCatalogue newCatalogue() {
        TopicCatalogue catalogue = TopicCatalogue.withNamespace(uniqueName("t") + ".");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            new TopicAdmin(admin, 1).ensure(catalogue.topics()).requireNoDrift();
        }
        return catalogue;
    }
}
