package fr.ais.localstack.junit;

import fr.ais.kafka.embedded.junit.KafkaBrokerExtension;
import fr.ais.kafka.embedded.junit.TestKafka;
import fr.ais.localstack.registry.LocalSchemaRegistry;
import fr.ais.registry.RestSchemaRegistryClient;
import fr.ais.registry.WireFormatSerdeFactory;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests the local stack: the per-JVM broker of {@link KafkaBrokerExtension} plus one local
 * schema registry per test JVM (on the broker's {@code _schemas} topic), started on first use and closed when the
 * JVM's tests are done. Injects {@link TestStack} (and {@link TestKafka}).
 */
public final class LocalStackExtension implements ParameterResolver {

    /** The schemas topic of the tests' registry (Confluent's default name). */
    public static final String SCHEMAS_TOPIC = "_schemas";
    private static final String KEY = LocalStackExtension.class.getName();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestStack.class || type == TestKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestKafka.class
                ? KafkaBrokerExtension.testKafka(context) : testStack(context);
    }

    /** The JVM-wide stack, started on first call. */
    public static TestStack testStack(ExtensionContext context) {
        TestKafka kafka = KafkaBrokerExtension.testKafka(context);
        Registry registry = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, k -> new Registry(kafka.bootstrapServers()), Registry.class);
        return new TestStack(kafka, registry.server.url(), registry.serdes);
    }

    /** The registry and the serdes over it, closed by the root store after the JVM's tests. */
    static final class Registry implements ExtensionContext.Store.CloseableResource {
        final LocalSchemaRegistry server;
        final WireFormatSerdeFactory serdes;

        Registry(String bootstrapServers) {
            server = LocalSchemaRegistry.start(bootstrapServers, SCHEMAS_TOPIC, 0);
            serdes = new WireFormatSerdeFactory(new RestSchemaRegistryClient(server.url()), true);
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
