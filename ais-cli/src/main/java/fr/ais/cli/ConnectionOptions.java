package fr.ais.cli;

import fr.ais.platform.topics.Topic;
import fr.ais.platform.topics.TopicAdmin;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.AvroSerdeFactory;
import fr.ais.registry.RegistryClientConfig;
import fr.ais.registry.RestSchemaRegistryClient;
import fr.ais.registry.IncompatibleSchemaException;
import fr.ais.registry.SchemaRegistry;
import fr.ais.registry.WireFormatSerde;
import fr.ais.registry.WireFormatSerdeFactory;
import org.apache.avro.specific.SpecificData;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Option;

/**
 * Where the pipeline's cluster and registry are. Each option defaults to its environment variable,
 * then to the local stack that {@code ais stack} runs.
 */
public final class ConnectionOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            defaultValue = "${env:AIS_KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (env AIS_KAFKA_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}, the local stack).")
    String bootstrapServers;

    @Option(names = "--registry-url", paramLabel = "URL",
            defaultValue = "${env:AIS_SCHEMA_REGISTRY_URL:-http://localhost:8081}",
            description = "Schema Registry URL, Confluent API (env AIS_SCHEMA_REGISTRY_URL; default: ${DEFAULT-VALUE}).")
    String registryUrl;

    @Option(names = "--topic-namespace", paramLabel = "PREFIX", defaultValue = "${env:AIS_TOPIC_NAMESPACE:-}",
            description = "Prefix of every topic name (env AIS_TOPIC_NAMESPACE; default: none).")
    String topicNamespace;

    @Option(names = "--replication-factor", paramLabel = "N", defaultValue = "${env:AIS_TOPIC_REPLICATION_FACTOR:-1}",
            description = "Replication factor of created topics (env AIS_TOPIC_REPLICATION_FACTOR; default: ${DEFAULT-VALUE}).")
    int replicationFactor;

    public static ConnectionOptions of(String bootstrapServers, String registryUrl) {
        ConnectionOptions options = new ConnectionOptions();
        options.bootstrapServers = bootstrapServers;
        options.registryUrl = registryUrl;
        options.topicNamespace = "";
        options.replicationFactor = 1;
        return options;
    }

    /** Client properties: the bootstrap servers, plus any {@code AIS_KAFKA_CLIENT_*} pass-through. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("AIS_KAFKA_CLIENT_")) {
                props.put(name.substring("AIS_KAFKA_CLIENT_".length()).toLowerCase(java.util.Locale.ROOT)
                        .replace('_', '.'), value);
            }
        });
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }

    public TopicCatalogue catalogue() {
        return TopicCatalogue.withNamespace(topicNamespace == null ? "" : topicNamespace);
    }

    /** Serdes over the registry; auto-registration only where this pipeline owns the registry. */
    public AvroSerdeFactory serdes(boolean autoRegister) {
        return new WireFormatSerdeFactory(new RestSchemaRegistryClient(
                RegistryClientConfig.fromEnvironment(withUrl(System.getenv()))), autoRegister);
    }

    private Map<String, String> withUrl(Map<String, String> env) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put("AIS_SCHEMA_REGISTRY_URL", registryUrl);
        return copy;
    }

    /**
     * Creates the missing topics of the catalogue (failing on any drift), and registers the key and
     * value schemas of each: with auto-registration off, as in production, writers use them.
     */
    public TopicAdmin.Report ensureTopics() {
        TopicAdmin.Report report;
        try (Admin admin = Admin.create(clientProperties())) {
            report = new TopicAdmin(admin, replicationFactor).ensure(catalogue().topics()).requireNoDrift();
        }
        SchemaRegistry registry = new RestSchemaRegistryClient(RegistryClientConfig.fromEnvironment(withUrl(System.getenv())));
        for (Topic<?, ?> topic : catalogue().topics()) {
            try {
                registry.register(WireFormatSerde.subject(topic.name(), true), SpecificData.get().getSchema(topic.keyType()));
                registry.register(WireFormatSerde.subject(topic.name(), false), SpecificData.get().getSchema(topic.valueType()));
            } catch (IncompatibleSchemaException e) {
                throw new UserException("the schema of " + topic.name() + " is not compatible with the registered one: "
                        + e.getMessage(), e);
            }
        }
        return report;
    }
}
