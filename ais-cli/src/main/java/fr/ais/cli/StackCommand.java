package fr.ais.cli;

import fr.ais.consolidation.app.StreamsAppConfig;
import fr.ais.localstack.LocalStack;
import fr.ais.localstack.SecuredLocalStack;
import fr.ais.platform.security.Component;
import fr.ais.settings.Flags;
import fr.ais.settings.Settings;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "stack", mixinStandardHelpOptions = true,
        description = "Run the embedded Kafka broker and the local schema registry until Ctrl-C.")
final class StackCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", descriptionKey = "stack.data.dir")
    String dataDir;

    @Option(names = "--broker-port", paramLabel = "PORT", descriptionKey = "stack.broker.port")
    String brokerPort;

    @Option(names = "--registry-port", paramLabel = "PORT", descriptionKey = "stack.registry.port")
    String registryPort;

    @Option(names = "--secure", description = "Secure the broker as a production cluster: SASL_SSL (SCRAM-SHA-512)"
            + " and mutual TLS listeners, deny by default, one principal per component with its generated ACLs;"
            + " certificates and passwords are made at start under <data dir>/security, with an AIS_CONFIG_FILE per"
            + " component.")
    boolean secure;

    /** The stack of these flags and the settings. */
    LocalStack.Config config() {
        Settings settings = AisCommand.settings(spec, Flags.none()
                .set(LocalStack.Config.DATA_DIR, "--data-dir", dataDir)
                .set(LocalStack.Config.BROKER_PORT, "--broker-port", brokerPort)
                .set(LocalStack.Config.REGISTRY_PORT, "--registry-port", registryPort));
        return LocalStack.Config.from(settings);
    }

    @Override
    public Integer call() throws InterruptedException {
        if (secure) {
            return secured();
        }
        LocalStack.Config config = config();
        LocalStack stack = LocalStack.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "ais-stack-shutdown"));
        System.out.println("Kafka broker:     " + stack.bootstrapServers());
        System.out.println("Schema registry:  " + stack.registryUrl());
        System.out.println("Data directory:   " + config.dataDir().toAbsolutePath());
        System.out.println("Connect with AIS_KAFKA_BOOTSTRAP_SERVERS=" + stack.bootstrapServers()
                + " AIS_SCHEMA_REGISTRY_URL=" + stack.registryUrl() + " (the defaults of every command)."
                + " Ctrl-C stops it; the data stays.");
        stopped.await();
        return 0;
    }

    private int secured() throws InterruptedException {
        LocalStack.Config config = config();
        SecuredLocalStack stack = SecuredLocalStack.start(config, StreamsAppConfig.DEFAULT_APPLICATION_ID);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "ais-stack-shutdown"));
        System.out.println("Kafka broker:     SASL_SSL " + stack.saslSslBootstrapServers() + " (SCRAM-SHA-512), mTLS "
                + stack.mtlsBootstrapServers() + "; no plaintext listener, deny by default");
        System.out.println("Schema registry:  " + stack.registryUrl() + " (as " + Component.REGISTRY.principal(
                fr.ais.platform.topics.TopicCatalogue.DEFAULT) + ")");
        System.out.println("Credentials:      " + stack.securityDir().toAbsolutePath()
                + " (made at this start: CA trust store, key stores, client properties)");
        stack.configFiles().forEach((component, file) -> System.out.printf("  %-18s AIS_CONFIG_FILE=%s%n",
                component.id(), file.toAbsolutePath()));
        System.out.println("Run each command as its component, e.g. AIS_CONFIG_FILE=" + stack.configFiles()
                .get(Component.ADMIN).toAbsolutePath() + " ais topics. Ctrl-C stops it; the data stays.");
        stopped.await();
        return 0;
    }
}
