package fr.ais.consolidation.topology;

import fr.ais.schemas.ConsolidatedPrescriptionKey;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Keys of the consolidated-prescriptions store as the group id's plain UTF-8, so that a prefix scan
 * on a session's group id prefix finds the session's groups (the Avro encoding starts with the
 * string's length, which defeats prefix scans). The output topic keeps the Avro wire format.
 */
final class GroupIdKeySerde implements Serde<ConsolidatedPrescriptionKey> {

    static final Serializer<ConsolidatedPrescriptionKey> SERIALIZER = (topic, key) ->
            key == null ? null : key.getGroupId().getBytes(StandardCharsets.UTF_8);

    private static final Deserializer<ConsolidatedPrescriptionKey> DESERIALIZER = (topic, bytes) ->
            bytes == null ? null : new ConsolidatedPrescriptionKey(new String(bytes, StandardCharsets.UTF_8));

    @Override
    public Serializer<ConsolidatedPrescriptionKey> serializer() {
        return SERIALIZER;
    }

    @Override
    public Deserializer<ConsolidatedPrescriptionKey> deserializer() {
        return DESERIALIZER;
    }
}
