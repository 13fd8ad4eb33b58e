package fr.ais.registry;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Gives the Serde of a generated Avro record type, for record keys or values.
 *
 * <p>Everything that reads or writes a topic asks this factory, so the wire format (Confluent's,
 * with the project's own implementation) and the registry behind it can be swapped in one place.
 */
public interface AvroSerdeFactory {

    /** Serde for record keys (subject {@code <topic>-key}). */
    <T extends SpecificRecord> Serde<T> forKeys(Class<T> type);

    /** Serde for record values (subject {@code <topic>-value}). */
    <T extends SpecificRecord> Serde<T> forValues(Class<T> type);
}
