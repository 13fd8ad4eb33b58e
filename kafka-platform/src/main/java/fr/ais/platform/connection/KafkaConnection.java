package fr.ais.platform.connection;

import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.settings.PassThrough;
import fr.ais.settings.Setting;
import fr.ais.settings.SettingGroup;
import fr.ais.settings.Settings;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Where the pipeline's cluster is and how its topics are named: what every client, admin and Streams
 * application of the pipeline is built from.
 *
 * @param clientProperties  the bootstrap servers and every {@code kafka.client.*} property
 * @param catalogue         the topics, under the namespace
 * @param replicationFactor of the topics the pipeline creates
 */
public record KafkaConnection(Map<String, Object> clientProperties, TopicCatalogue catalogue, int replicationFactor) {

    public static final SettingGroup SETTINGS = new SettingGroup("Kafka cluster");
    public static final Setting<String> BOOTSTRAP_SERVERS = SETTINGS.add(Setting.string("kafka.bootstrap.servers",
            "localhost:9092", "Kafka bootstrap servers; the default is the local stack of `ais stack`.")
            .validatedBy(s -> s.matches("[^,\\s]+:\\d+(,[^,\\s]+:\\d+)*"), "host:port[,host:port…]"));
    public static final Setting<String> TOPIC_NAMESPACE = SETTINGS.add(Setting.string("topic.namespace", "",
            "Prefix of every topic name, to run several pipelines on one cluster.")
            .validatedBy(s -> s.matches("[A-Za-z0-9._-]*"), "letters, digits, '.', '_' or '-'"));
    public static final Setting<Integer> REPLICATION_FACTOR = SETTINGS.add(Setting.integer("topic.replication.factor",
            1, "Replication factor of the topics the pipeline creates (3 in production).")
            .validatedBy(n -> n >= 1, "at least 1"));
    /** Any Kafka client property, for an external, secured cluster (e.g. security.protocol=SASL_SSL). */
    public static final PassThrough CLIENT = SETTINGS.add(PassThrough.of("kafka.client",
            "Kafka client property passed to every producer, consumer, admin and Streams client.")
            .secretWhen(KafkaConnection::isSecret)
            .reserving(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP_SERVERS));

    /** The properties Kafka itself types as passwords; the others are also masked when their name says secret. */
    private static final Set<String> PASSWORDS = Stream.of(ProducerConfig.configDef(), ConsumerConfig.configDef(),
                    AdminClientConfig.configDef())
            .flatMap(def -> def.configKeys().values().stream())
            .filter(key -> key.type == ConfigDef.Type.PASSWORD)
            .map(key -> key.name)
            .collect(Collectors.toUnmodifiableSet());

    public KafkaConnection {
        clientProperties = Map.copyOf(clientProperties);
    }

    public static KafkaConnection from(Settings settings) {
        Map<String, Object> properties = new HashMap<>(settings.get(CLIENT));
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.get(BOOTSTRAP_SERVERS));
        return new KafkaConnection(properties, TopicCatalogue.withNamespace(settings.get(TOPIC_NAMESPACE)),
                settings.get(REPLICATION_FACTOR));
    }

    /** A cluster the pipeline owns alone (the embedded stack): nothing but its bootstrap servers. */
    public static KafkaConnection local(String bootstrapServers) {
        return new KafkaConnection(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                TopicCatalogue.DEFAULT, 1);
    }

    public String bootstrapServers() {
        return (String) clientProperties.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    }

    static boolean isSecret(String property) {
        String p = property.toLowerCase(Locale.ROOT);
        return PASSWORDS.contains(p) || p.endsWith(".key") || Stream.of("password", "secret", "token", "jaas", "credential")
                .anyMatch(p::contains);
    }

    @Override
    public String toString() {
        // client properties hold passwords and JAAS configs
        return "KafkaConnection[bootstrapServers=" + bootstrapServers() + ", namespace=" + catalogue.namespace()
                + ", replicationFactor=" + replicationFactor + "]";
    }
}
