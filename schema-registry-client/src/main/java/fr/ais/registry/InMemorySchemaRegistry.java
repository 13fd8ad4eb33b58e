package fr.ais.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A registry in memory, for unit tests (TopologyTestDriver): sequential ids from 1, one id per distinct
 * schema across subjects, and the compatibility checks of the real registry (BACKWARD by default).
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {

    private final Map<String, List<RegisteredSchema>> subjects = new HashMap<>();
    private final Map<Integer, Schema> byId = new HashMap<>();
    private final Map<Schema, Integer> idBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> levels = new HashMap<>();
    private CompatibilityLevel global = CompatibilityLevel.BACKWARD;

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<RegisteredSchema> versions = subjects.getOrDefault(subject, List.of());
        for (RegisteredSchema v : versions) {
            if (v.schema().equals(schema)) {
                return v.id();
            }
        }
        List<String> problems = getCompatibility(subject).incompatibilities(schema,
                versions.stream().map(RegisteredSchema::schema).toList());
        if (!problems.isEmpty()) {
            throw new IncompatibleSchemaException(409, "schema being registered is incompatible with an earlier schema for subject "
                    + subject + ": " + problems);
        }
        int id = idBySchema.computeIfAbsent(schema, s -> {
            int next = byId.size() + 1;
            byId.put(next, s);
            return next;
        });
        subjects.computeIfAbsent(subject, s -> new ArrayList<>())
                .add(new RegisteredSchema(subject, id, versions.size() + 1, schema));
        return id;
    }

    @Override
    public synchronized Schema getById(int id) {
        Schema schema = byId.get(id);
        if (schema == null) {
            throw new SchemaNotFoundException(40403, "schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<RegisteredSchema> versions = versions(subject);
        return versions.get(versions.size() - 1);
    }

    @Override
    public synchronized RegisteredSchema lookup(String subject, Schema schema) {
        return versions(subject).stream().filter(v -> v.schema().equals(schema)).findFirst()
                .orElseThrow(() -> new SchemaNotFoundException(40403, "schema not found under subject " + subject));
    }

    @Override
    public synchronized boolean testCompatibility(String subject, Schema schema) {
        return getCompatibility(subject).incompatibilities(schema,
                subjects.getOrDefault(subject, List.of()).stream().map(RegisteredSchema::schema).toList()).isEmpty();
    }

    @Override
    public synchronized CompatibilityLevel getCompatibility(String subject) {
        return levels.getOrDefault(subject, global);
    }

    @Override
    public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
        levels.put(subject, level);
    }

    @Override
    public synchronized CompatibilityLevel getGlobalCompatibility() {
        return global;
    }

    @Override
    public synchronized void setGlobalCompatibility(CompatibilityLevel level) {
        global = level;
    }

    private List<RegisteredSchema> versions(String subject) {
        List<RegisteredSchema> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SubjectNotFoundException(40401, "subject " + subject + " not found");
        }
        return versions;
    }
}
