package fr.ais.cli;

import fr.ais.localstack.LocalStack;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stack", mixinStandardHelpOptions = true,
        description = "Run the embedded Kafka broker and the local schema registry until Ctrl-C.")
final class StackCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "${env:AIS_STACK_DATA_DIR:-.ais/stack}",
            description = "Where the broker and registry keep their data, kept across restarts"
                    + " (env AIS_STACK_DATA_DIR; default: ${DEFAULT-VALUE}). Delete it to start empty.")
    Path dataDir;

    @Option(names = "--broker-port", defaultValue = "${env:AIS_STACK_BROKER_PORT:-9092}",
            description = "Broker port (env AIS_STACK_BROKER_PORT; default: ${DEFAULT-VALUE}).")
    int brokerPort;

    @Option(names = "--registry-port", defaultValue = "${env:AIS_STACK_REGISTRY_PORT:-8081}",
            description = "Registry port (env AIS_STACK_REGISTRY_PORT; default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Override
    public Integer call() throws InterruptedException {
        LocalStack stack = LocalStack.start(new LocalStack.Config(dataDir, brokerPort, registryPort));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "ais-stack-shutdown"));
        System.out.println("Kafka broker:     " + stack.bootstrapServers());
        System.out.println("Schema registry:  " + stack.registryUrl());
        System.out.println("Data directory:   " + dataDir.toAbsolutePath());
        System.out.println("Connect with AIS_KAFKA_BOOTSTRAP_SERVERS=" + stack.bootstrapServers()
                + " AIS_SCHEMA_REGISTRY_URL=" + stack.registryUrl() + " (the defaults of every command)."
                + " Ctrl-C stops it; the data stays.");
        stopped.await();
        return 0;
    }
}
