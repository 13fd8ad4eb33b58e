package fr.ais.localstack.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ais.registry.CompatibilityLevel;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A change of the registry, as stored on its log. The key and value JSON follow the layout of Confluent's
 * {@code _schemas} topic, so the log compacts to one record per subject version and per config.
 */
public sealed interface LogEntry {

    ObjectMapper JSON = new ObjectMapper();

    /** A schema registered as {@code version} of {@code subject} under global {@code id}. */
    record SchemaEntry(String subject, int version, int id, String schema) implements LogEntry {}

    /** A compatibility level set for {@code subject}, or globally when {@code subject} is null. */
    record ConfigEntry(String subject, CompatibilityLevel level) implements LogEntry {}

    /** The record key: what compaction keeps one of. */
    default String key() {
        ObjectNode key = JSON.createObjectNode();
        if (this instanceof SchemaEntry s) {
            key.put("keytype", "SCHEMA").put("subject", s.subject()).put("version", s.version()).put("magic", 1);
        } else if (this instanceof ConfigEntry c) {
            key.put("keytype", "CONFIG").put("subject", c.subject()).put("magic", 0);
        }
        return key.toString();
    }

    default String value() {
        ObjectNode value = JSON.createObjectNode();
        if (this instanceof SchemaEntry s) {
            value.put("subject", s.subject()).put("version", s.version()).put("id", s.id())
                    .put("schema", s.schema()).put("deleted", false);
        } else if (this instanceof ConfigEntry c) {
            value.put("compatibilityLevel", c.level().name());
        }
        return value.toString();
    }

    /** The entry of a stored key and value. */
    static LogEntry parse(String key, String value) {
        try {
            JsonNode k = JSON.readTree(key);
            JsonNode v = JSON.readTree(value);
            String keytype = k.path("keytype").asText();
            return switch (keytype) {
                case "SCHEMA" -> new SchemaEntry(v.get("subject").asText(), v.get("version").asInt(),
                        v.get("id").asInt(), v.get("schema").asText());
                case "CONFIG" -> new ConfigEntry(k.hasNonNull("subject") ? k.get("subject").asText() : null,
                        CompatibilityLevel.valueOf(v.get("compatibilityLevel").asText()));
                default -> throw new IllegalArgumentException("unknown schema log key type '" + keytype + "' in " + key);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable schema log record " + key, e);
        }
    }
}
