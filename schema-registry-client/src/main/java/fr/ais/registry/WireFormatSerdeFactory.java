package fr.ais.registry;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * {@link AvroSerdeFactory} of Confluent wire-format serdes over a schema registry, whose ids and schemas it caches.
 *
 * @see WireFormatSerde
 */
public final class WireFormatSerdeFactory implements AvroSerdeFactory {

    private final SchemaRegistry registry;
    private final boolean autoRegister;

    /**
     * @param registry     the registry (wrapped in a {@link CachingSchemaRegistry} unless it is one, or is in memory)
     * @param autoRegister true to register each record class's schema (tests, local stack); false in production,
     *                     where records are written with the subject's latest registered schema
     */
    public WireFormatSerdeFactory(SchemaRegistry registry, boolean autoRegister) {
        this.registry = registry instanceof CachingSchemaRegistry || registry instanceof InMemorySchemaRegistry
                ? registry : new CachingSchemaRegistry(registry);
        this.autoRegister = autoRegister;
    }

    @Override
    public <T extends SpecificRecord> Serde<T> forKeys(Class<T> type) {
        return new WireFormatSerde<>(registry, type, true, autoRegister);
    }

    @Override
    public <T extends SpecificRecord> Serde<T> forValues(Class<T> type) {
        return new WireFormatSerde<>(registry, type, false, autoRegister);
    }

    public SchemaRegistry registry() {
        return registry;
    }
}
