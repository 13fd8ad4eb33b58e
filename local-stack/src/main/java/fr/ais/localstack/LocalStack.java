package fr.ais.localstack;

import fr.ais.kafka.embedded.EmbeddedKafkaBroker;
import fr.ais.kafka.embedded.EmbeddedKafkaConfig;
import fr.ais.localstack.registry.LocalSchemaRegistry;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.settings.Setting;
import fr.ais.settings.SettingGroup;
import fr.ais.settings.Settings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The default, Docker-free stack: an embedded single-node KRaft broker and a local schema registry storing its
 * schemas on the broker, both kept in one data directory so that a restart finds its topics and schemas again.
 * Prints nothing: the CLI says what runs where.
 */
public final class LocalStack implements AutoCloseable {

    /** Topic of the registry's schemas (Confluent's default name), without namespace. */
    public static final String SCHEMAS_TOPIC = TopicCatalogue.SCHEMAS_TOPIC;

    /**
     * @param dataDir      where the broker keeps its data (subfolder {@code kafka}); kept across restarts
     * @param kafkaPort    broker client port on localhost; 0 for a free one
     * @param registryPort schema registry HTTP port; 0 for a free one
     * @param registryHost interface the schema registry listens on (127.0.0.1 by default)
     */
    public record Config(Path dataDir, int kafkaPort, int registryPort, String registryHost) {
        public static final int DEFAULT_KAFKA_PORT = 9092;
        public static final int DEFAULT_REGISTRY_PORT = 8081;

        public static final SettingGroup SETTINGS = new SettingGroup("local stack (ais stack) and registry (ais registry)");
        public static final Setting<Path> DATA_DIR = SETTINGS.add(Setting.path("stack.data.dir", ".ais/stack",
                "Data directory of the embedded broker and registry, kept across restarts; delete it to start empty."));
        public static final Setting<Integer> BROKER_PORT = SETTINGS.add(Setting.integer("stack.broker.port",
                DEFAULT_KAFKA_PORT, "Port of the embedded broker (0: any free port).")
                .validatedBy(Config::validPort, "a port, 0 to 65535"));
        public static final Setting<Integer> REGISTRY_PORT = SETTINGS.add(Setting.integer("stack.registry.port",
                DEFAULT_REGISTRY_PORT, "Port of the local schema registry (0: any free port).")
                .validatedBy(Config::validPort, "a port, 0 to 65535"));
        public static final Setting<String> REGISTRY_HOST = SETTINGS.add(Setting.string("stack.registry.host",
                "127.0.0.1", "Interface the local schema registry listens on; it has no authentication of its own:"
                        + " expose it (0.0.0.0) only behind a network policy or an authenticating proxy.")
                .validatedBy(h -> !h.isBlank() && !h.contains(" "), "a host name or IP address"));

        public Config {
            Objects.requireNonNull(dataDir, "dataDir");
            requirePort(kafkaPort, "kafkaPort");
            requirePort(registryPort, "registryPort");
            Objects.requireNonNull(registryHost, "registryHost");
        }

        /** The registry on 127.0.0.1. */
        public Config(Path dataDir, int kafkaPort, int registryPort) {
            this(dataDir, kafkaPort, registryPort, "127.0.0.1");
        }

        public static Config from(Settings settings) {
            return new Config(settings.get(DATA_DIR), settings.get(BROKER_PORT), settings.get(REGISTRY_PORT),
                    settings.get(REGISTRY_HOST));
        }

        /** The usual ports: Kafka 9092, registry 8081. */
        public static Config defaults(Path dataDir) {
            return new Config(dataDir, DEFAULT_KAFKA_PORT, DEFAULT_REGISTRY_PORT);
        }

        /** Free ports (tests, or several stacks on one machine). */
        public static Config onFreePorts(Path dataDir) {
            return new Config(dataDir, 0, 0);
        }

        private static boolean validPort(int port) {
            return port >= 0 && port <= 65535;
        }

        private static void requirePort(int port, String name) {
            if (!validPort(port)) {
                throw new IllegalArgumentException(name + " must be between 0 and 65535: " + port);
            }
        }
    }

    private final EmbeddedKafkaBroker broker;
    private final LocalSchemaRegistry registry;

    private LocalStack(EmbeddedKafkaBroker broker, LocalSchemaRegistry registry) {
        this.broker = broker;
        this.registry = registry;
    }

    /** Starts the broker, then the registry on it; returns once both serve. */
    public static LocalStack start(Config config) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(
                new EmbeddedKafkaConfig(config.dataDir().resolve("kafka"), config.kafkaPort(), 0, Map.of()));
        try {
            return new LocalStack(broker, LocalSchemaRegistry.start(
                    Map.of("bootstrap.servers", broker.bootstrapServers()), SCHEMAS_TOPIC, 1, config.registryHost(),
                    config.registryPort()));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    /** Stops the registry, then the broker. */
    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            broker.close();
        }
    }
}
