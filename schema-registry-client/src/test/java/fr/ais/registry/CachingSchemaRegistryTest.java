package fr.ais.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CachingSchemaRegistryTest {

    private static final Schema V1 = fr.ais.registry.test.v1.Greeting.getClassSchema();

    @Test
    void idsAndSchemasAreAskedOnce() {
        InMemorySchemaRegistry real = new InMemorySchemaRegistry();
        int id = real.register("s", V1);
        AtomicInteger calls = new AtomicInteger();
        SchemaRegistry counting = (SchemaRegistry) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {SchemaRegistry.class}, (proxy, method, args) -> {
                    calls.incrementAndGet();
                    return method.invoke(real, args);
                });
        CachingSchemaRegistry cache = new CachingSchemaRegistry(counting);

        for (int i = 0; i < 3; i++) {
            assertThat(cache.getById(id)).isEqualTo(V1);
            assertThat(cache.register("s", V1)).isEqualTo(id);
        }

        assertThat(calls).hasValue(2);
    }
}
