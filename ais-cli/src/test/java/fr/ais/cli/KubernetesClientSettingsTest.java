package fr.ais.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.platform.connection.KafkaConnection;
import fr.ais.settings.Flags;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes wiring of the Kafka credentials: the environment of deploy/kubernetes/base/config/kafka-client.env
 * makes every client read its JAAS line from the KafkaUser's Secret mounted as files (Kafka's
 * DirectoryConfigProvider), so the password is never in the environment, a ConfigMap or a log.
 */
class KubernetesClientSettingsTest {

    @TempDir
    Path dir;

    @Test
    void the_clients_read_the_kafka_user_s_jaas_line_from_its_mounted_secret() throws IOException {
        Path secret = Files.createDirectories(dir.resolve("kafka-user"));
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"ais-consolidation\""
                + " password=\"from-the-user-operator\";";
        Files.writeString(secret.resolve("sasl.jaas.config"), jaas, StandardCharsets.UTF_8);
        Properties env = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("../deploy/kubernetes/base/config/kafka-client.env"))) {
            env.load(in);
        }
        Map<String, String> environment = new HashMap<>();
        env.stringPropertyNames().forEach(k -> environment.put(k,
                env.getProperty(k).replace("/run/secrets/kafka-user", secret.toString())));

        KafkaConnection cluster = KafkaConnection.from(AisSettings.resolve(environment, Flags.none()));
        assertThat(cluster.clientProperties().get(SaslConfigs.SASL_JAAS_CONFIG).toString())
                .as("the settings pass the reference on, not the secret").startsWith("${dir:");

        Map<String, Object> producer = new HashMap<>(cluster.clientProperties());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        ProducerConfig resolved = new ProducerConfig(producer);
        assertThat(resolved.getPassword(SaslConfigs.SASL_JAAS_CONFIG).value()).isEqualTo(jaas);
        assertThat(resolved.getString("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(resolved.getString(SaslConfigs.SASL_MECHANISM)).isEqualTo("SCRAM-SHA-512");
    }
}
