package fr.ais.cli.pipeline;

import fr.ais.cli.UserException;
import fr.ais.platform.connection.KafkaConnection;
import fr.ais.platform.topics.Topic;
import fr.ais.platform.topics.TopicAdmin;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.AvroSerdeFactory;
import fr.ais.registry.CompatibilityLevel;
import fr.ais.registry.IncompatibleSchemaException;
import fr.ais.registry.RegistryClientConfig;
import fr.ais.registry.RestSchemaRegistryClient;
import fr.ais.registry.SchemaRegistry;
import fr.ais.registry.WireFormatSerde;
import fr.ais.registry.WireFormatSerdeFactory;
import fr.ais.settings.Settings;
import java.util.Map;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.clients.admin.Admin;

/** The pipeline's cluster and registry, as the settings give them: what every command connects to. */
public record Connection(KafkaConnection kafka, RegistryClientConfig registry) {

    public static Connection from(Settings settings) {
        return new Connection(KafkaConnection.from(settings), RegistryClientConfig.from(settings));
    }

    /** The embedded stack's broker and registry, no namespace. */
    public static Connection local(String bootstrapServers, String registryUrl) {
        return new Connection(KafkaConnection.local(bootstrapServers), RegistryClientConfig.of(registryUrl));
    }

    /** Client properties: the bootstrap servers and every {@code kafka.client.*} property. */
    public Map<String, Object> clientProperties() {
        return kafka.clientProperties();
    }

    public TopicCatalogue catalogue() {
        return kafka.catalogue();
    }

    public int replicationFactor() {
        return kafka.replicationFactor();
    }

    /** Serdes over the registry; auto-registration only where this pipeline owns the registry. */
    public AvroSerdeFactory serdes(boolean autoRegister) {
        return new WireFormatSerdeFactory(new RestSchemaRegistryClient(registry), autoRegister);
    }

    /**
     * Creates the missing topics of the catalogue (failing on any drift), sets BACKWARD compatibility on
     * the key and value subjects of each and registers their schemas: with auto-registration off, as in
     * production, writers use them.
     */
    public TopicAdmin.Report ensureTopics() {
        TopicAdmin.Report report;
        try (Admin admin = Admin.create(clientProperties())) {
            report = new TopicAdmin(admin, replicationFactor()).ensure(catalogue().topics()).requireNoDrift();
        }
        SchemaRegistry schemas = new RestSchemaRegistryClient(registry);
        for (Topic<?, ?> topic : catalogue().topics()) {
            try {
                String keySubject = WireFormatSerde.subject(topic.name(), true);
                String valueSubject = WireFormatSerde.subject(topic.name(), false);
                // whatever the registry's global default (Apicurio's is NONE): a reader of the new schema must
                // read every record already on the topic
                schemas.setCompatibility(keySubject, CompatibilityLevel.BACKWARD);
                schemas.setCompatibility(valueSubject, CompatibilityLevel.BACKWARD);
                schemas.register(keySubject, SpecificData.get().getSchema(topic.keyType()));
                schemas.register(valueSubject, SpecificData.get().getSchema(topic.valueType()));
            } catch (IncompatibleSchemaException e) {
                throw new UserException("the schema of " + topic.name() + " is not compatible with the registered one: "
                        + e.getMessage(), e);
            }
        }
        return report;
    }
}
