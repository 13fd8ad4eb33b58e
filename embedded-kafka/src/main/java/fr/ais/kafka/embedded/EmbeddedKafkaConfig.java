package fr.ais.kafka.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the embedded broker.
 *
 * @param dataDir        where the broker keeps its logs and metadata; kept across restarts
 * @param port           client port; 0 picks a free one
 * @param controllerPort KRaft controller port; 0 picks a free one
 * @param overrides      extra broker properties, applied last
 */
public record EmbeddedKafkaConfig(Path dataDir, int port, int controllerPort, Map<String, String> overrides) {

    public EmbeddedKafkaConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        overrides = Map.copyOf(overrides);
        if (port < 0 || port > 65535 || controllerPort < 0 || controllerPort > 65535) {
            throw new IllegalArgumentException("ports must be between 0 and 65535");
        }
    }

    /** A broker in {@code dataDir} on free ports. */
    public static EmbeddedKafkaConfig inDirectory(Path dataDir) {
        return new EmbeddedKafkaConfig(dataDir, 0, 0, Map.of());
    }

    public EmbeddedKafkaConfig withPort(int newPort) {
        return new EmbeddedKafkaConfig(dataDir, newPort, controllerPort, overrides);
    }
}
