package fr.ais.localstack.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ais.registry.CompatibilityLevel;
import fr.ais.registry.InMemorySchemaRegistry.Change;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;

/**
 * A change of the registry as a record of its log. The key and value JSON follow the layout of Confluent's
 * {@code _schemas} topic, so the log compacts to one record per subject version and per config.
 */
final class SchemaLogRecord {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaLogRecord() {
    }

    /** The record key: what compaction keeps one of. */
    static String key(Change change) {
        ObjectNode key = JSON.createObjectNode();
        if (change instanceof Change.SchemaRegistered s) {
            key.put("keytype", "SCHEMA").put("subject", s.subject()).put("version", s.version()).put("magic", 1);
        } else if (change instanceof Change.CompatibilitySet c) {
            key.put("keytype", "CONFIG").put("subject", c.subject()).put("magic", 0);
        }
        return key.toString();
    }

    static String value(Change change) {
        ObjectNode value = JSON.createObjectNode();
        if (change instanceof Change.SchemaRegistered s) {
            value.put("subject", s.subject()).put("version", s.version()).put("id", s.id())
                    .put("schema", s.schema().toString()).put("deleted", false);
        } else if (change instanceof Change.CompatibilitySet c) {
            value.put("compatibilityLevel", c.level().name());
        }
        return value.toString();
    }

    /** The change of a stored key and value. */
    static Change parse(String key, String value) {
        try {
            JsonNode k = JSON.readTree(key);
            JsonNode v = JSON.readTree(value);
            String keytype = k.path("keytype").asText();
            return switch (keytype) {
                case "SCHEMA" -> new Change.SchemaRegistered(v.get("subject").asText(), v.get("version").asInt(),
                        v.get("id").asInt(), new Schema.Parser().parse(v.get("schema").asText()));
                case "CONFIG" -> new Change.CompatibilitySet(k.hasNonNull("subject") ? k.get("subject").asText() : null,
                        CompatibilityLevel.valueOf(v.get("compatibilityLevel").asText()));
                default -> throw new IllegalArgumentException("unknown schema log key type '" + keytype + "' in " + key);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable schema log record " + key, e);
        }
    }
}
