package fr.ais.cli;

import fr.ais.platform.connection.KafkaConnection;
import fr.ais.registry.RegistryClientConfig;
import fr.ais.settings.Flags;
import picocli.CommandLine.Option;

/** Flags of the cluster and registry settings (their help: {@link SettingsHelp}). */
final class ConnectionOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", descriptionKey = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Option(names = "--registry-url", paramLabel = "URL", descriptionKey = "schema.registry.url")
    String registryUrl;

    @Option(names = "--topic-namespace", paramLabel = "PREFIX", descriptionKey = "topic.namespace")
    String topicNamespace;

    @Option(names = "--replication-factor", paramLabel = "N", descriptionKey = "topic.replication.factor")
    String replicationFactor;

    /** The flags given, added to {@code flags}. */
    Flags addTo(Flags flags) {
        return flags.set(KafkaConnection.BOOTSTRAP_SERVERS, "--bootstrap-servers", bootstrapServers)
                .set(RegistryClientConfig.URL, "--registry-url", registryUrl)
                .set(KafkaConnection.TOPIC_NAMESPACE, "--topic-namespace", topicNamespace)
                .set(KafkaConnection.REPLICATION_FACTOR, "--replication-factor", replicationFactor);
    }
}
