package fr.ais.cli;

import fr.ais.localstack.LocalStack;
import fr.ais.localstack.registry.LocalSchemaRegistry;
import fr.ais.platform.connection.KafkaConnection;
import fr.ais.settings.Flags;
import fr.ais.settings.Settings;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "registry", mixinStandardHelpOptions = true,
        description = {"Run the local schema registry alone, on an existing cluster, until Ctrl-C: it keeps its"
                + " schemas on the topic <namespace>_schemas (created with the replication factor if missing) and"
                + " connects with every AIS_KAFKA_CLIENT_* property, as the other components do.",
                "It has no authentication of its own: keep it on 127.0.0.1, or behind a network policy."})
final class RegistryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", descriptionKey = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Option(names = "--topic-namespace", paramLabel = "PREFIX", descriptionKey = "topic.namespace")
    String topicNamespace;

    @Option(names = "--replication-factor", paramLabel = "N", descriptionKey = "topic.replication.factor")
    String replicationFactor;

    @Option(names = "--registry-host", paramLabel = "HOST", descriptionKey = "stack.registry.host")
    String registryHost;

    @Option(names = "--registry-port", paramLabel = "PORT", descriptionKey = "stack.registry.port")
    String registryPort;

    /** The registry these flags and the settings give, started. */
    LocalSchemaRegistry start() {
        Settings settings = AisCommand.settings(spec, Flags.none()
                .set(KafkaConnection.BOOTSTRAP_SERVERS, "--bootstrap-servers", bootstrapServers)
                .set(KafkaConnection.TOPIC_NAMESPACE, "--topic-namespace", topicNamespace)
                .set(KafkaConnection.REPLICATION_FACTOR, "--replication-factor", replicationFactor)
                .set(LocalStack.Config.REGISTRY_HOST, "--registry-host", registryHost)
                .set(LocalStack.Config.REGISTRY_PORT, "--registry-port", registryPort));
        return start(settings);
    }

    /** The registry of {@code settings}: on their cluster, as their client properties authenticate, started. */
    static LocalSchemaRegistry start(Settings settings) {
        KafkaConnection cluster = KafkaConnection.from(settings);
        try {
            return LocalSchemaRegistry.start(cluster.clientProperties(), cluster.catalogue().schemasTopic(),
                    cluster.replicationFactor(), settings.get(LocalStack.Config.REGISTRY_HOST),
                    settings.get(LocalStack.Config.REGISTRY_PORT));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        LocalSchemaRegistry registry = start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            registry.close();
            stopped.countDown();
        }, "ais-registry-shutdown"));
        System.out.println("Schema registry:  " + registry.url() + " (AIS_SCHEMA_REGISTRY_URL). Ctrl-C stops it.");
        stopped.await();
        return 0;
    }
}
