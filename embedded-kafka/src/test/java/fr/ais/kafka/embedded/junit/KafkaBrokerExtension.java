package fr.ais.kafka.embedded.junit;

import fr.ais.kafka.embedded.EmbeddedKafkaBroker;
import fr.ais.kafka.embedded.EmbeddedKafkaConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests a real Kafka broker: one embedded KRaft broker per test JVM, started on
 * first use and stopped when the JVM's tests are done. With {@code AIS_TEST_KAFKA=testcontainers}
 * (system property or environment variable) the broker is an {@code apache/kafka} container instead,
 * where Docker exists.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final String KEY = KafkaBrokerExtension.class.getName();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return testKafka(context);
    }

    /** The JVM-wide broker, started on first call. */
    public static TestKafka testKafka(ExtensionContext context) {
        Broker broker = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, k -> startBroker(), Broker.class);
        return new TestKafka(broker.bootstrapServers());
    }

    private static Broker startBroker() {
        String backend = System.getProperty("AIS_TEST_KAFKA", System.getenv().getOrDefault("AIS_TEST_KAFKA", "embedded"));
        if ("testcontainers".equalsIgnoreCase(backend)) {
            return new ContainerBroker();
        }
        try {
            EmbeddedKafkaBroker embedded = EmbeddedKafkaBroker.start(
                    EmbeddedKafkaConfig.inDirectory(Files.createTempDirectory("ais-test-kafka-").resolve("data")));
            return new Broker() {
                @Override
                public String bootstrapServers() {
                    return embedded.bootstrapServers();
                }

                @Override
                public void close() {
                    embedded.close();
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broker the root store closes at the end of the JVM's tests. */
    interface Broker extends ExtensionContext.Store.CloseableResource {
        String bootstrapServers();
    }

    /** The second backend: Apache Kafka's own image, through Testcontainers. */
    static final class ContainerBroker implements Broker {
        private final org.testcontainers.kafka.KafkaContainer container =
                new org.testcontainers.kafka.KafkaContainer("apache/kafka:4.1.0");

        ContainerBroker() {
            container.start();
        }

        @Override
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }

        @Override
        public void close() {
            container.stop();
        }
    }
}
