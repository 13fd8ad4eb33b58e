package fr.ais.registry;

import org.apache.avro.Schema;

/**
 * The operations of a Confluent-compatible Schema Registry the pipeline needs.
 *
 * <p>Failures are {@link SchemaRegistryException}s whose subclasses follow the registry's error codes.
 */
public interface SchemaRegistry {

    /** Registers {@code schema} under {@code subject} (or finds it already there) and returns its global id. */
    int register(String subject, Schema schema);

    /** The schema of a global id. */
    Schema getById(int id);

    /** The latest version registered under {@code subject}. */
    RegisteredSchema latest(String subject);

    /** The id and version of {@code schema} if it is registered under {@code subject}. */
    RegisteredSchema lookup(String subject, Schema schema);

    /**
     * Whether {@code schema} could be registered under {@code subject} given the subject's compatibility level;
     * true for a subject with no version yet.
     */
    boolean testCompatibility(String subject, Schema schema);

    /** The subject's compatibility level, or the global one when the subject has none of its own. */
    CompatibilityLevel getCompatibility(String subject);

    void setCompatibility(String subject, CompatibilityLevel level);

    CompatibilityLevel getGlobalCompatibility();

    void setGlobalCompatibility(CompatibilityLevel level);
}
