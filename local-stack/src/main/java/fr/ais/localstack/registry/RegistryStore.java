package fr.ais.localstack.registry;

import fr.ais.localstack.registry.LogEntry.ConfigEntry;
import fr.ais.localstack.registry.LogEntry.SchemaEntry;
import fr.ais.registry.CompatibilityLevel;
import fr.ais.registry.IncompatibleSchemaException;
import fr.ais.registry.RegisteredSchema;
import fr.ais.registry.SchemaNotFoundException;
import fr.ais.registry.SchemaRegistry;
import fr.ais.registry.SubjectNotFoundException;
import fr.ais.registry.VersionNotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The local registry's state: subjects and their versions, global ids (one per distinct schema), and
 * compatibility levels (BACKWARD unless set). Every change is appended to the log before it is applied.
 */
final class RegistryStore implements SchemaRegistry {

    private final SchemaLog log;
    private final Map<String, List<RegisteredSchema>> subjects = new TreeMap<>();
    private final Map<Integer, Schema> byId = new HashMap<>();
    private final Map<Schema, Integer> idBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> levels = new HashMap<>();
    private CompatibilityLevel global = CompatibilityLevel.BACKWARD;
    private int maxId;

    RegistryStore(SchemaLog log) {
        this.log = log;
        log.replay(this::apply);
    }

    private void apply(LogEntry entry) {
        if (entry instanceof SchemaEntry s) {
            Schema schema = new Schema.Parser().parse(s.schema());
            byId.putIfAbsent(s.id(), schema);
            idBySchema.putIfAbsent(schema, s.id());
            maxId = Math.max(maxId, s.id());
            List<RegisteredSchema> versions = subjects.computeIfAbsent(s.subject(), k -> new ArrayList<>());
            versions.removeIf(v -> v.version() == s.version());
            versions.add(new RegisteredSchema(s.subject(), s.id(), s.version(), schema));
            versions.sort(java.util.Comparator.comparingInt(RegisteredSchema::version));
        } else if (entry instanceof ConfigEntry c) {
            if (c.subject() == null) {
                global = c.level();
            } else {
                levels.put(c.subject(), c.level());
            }
        }
    }

    private void write(LogEntry entry) {
        log.append(entry);
        apply(entry);
    }

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
            throw new IncompatibleSchemaException(409, "Schema being registered is incompatible with an earlier schema for subject \""
                    + subject + "\" (" + getCompatibility(subject) + "): " + problems);
        }
        int id = idBySchema.getOrDefault(schema, maxId + 1);
        int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        write(new SchemaEntry(subject, version, id, schema.toString()));
        return id;
    }

    @Override
    public synchronized Schema getById(int id) {
        Schema schema = byId.get(id);
        if (schema == null) {
            throw new SchemaNotFoundException(40403, "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<RegisteredSchema> versions = versions(subject);
        return versions.get(versions.size() - 1);
    }

    synchronized RegisteredSchema version(String subject, int version) {
        return versions(subject).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new VersionNotFoundException(40402, "Version " + version + " not found."));
    }

    synchronized List<Integer> versionNumbers(String subject) {
        return versions(subject).stream().map(RegisteredSchema::version).toList();
    }

    synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    @Override
    public synchronized RegisteredSchema lookup(String subject, Schema schema) {
        return versions(subject).stream().filter(v -> v.schema().equals(schema)).findFirst()
                .orElseThrow(() -> new SchemaNotFoundException(40403, "Schema not found"));
    }

    @Override
    public synchronized boolean testCompatibility(String subject, Schema schema) {
        return getCompatibility(subject).incompatibilities(schema,
                subjects.getOrDefault(subject, List.of()).stream().map(RegisteredSchema::schema).toList()).isEmpty();
    }

    /** Compatibility of {@code schema} with one given version only. */
    synchronized boolean testCompatibility(String subject, int version, Schema schema) {
        return getCompatibility(subject).incompatibilities(schema, List.of(version(subject, version).schema())).isEmpty();
    }

    @Override
    public synchronized CompatibilityLevel getCompatibility(String subject) {
        return levels.getOrDefault(subject, global);
    }

    /** The subject's own level, or null when it has none. */
    synchronized CompatibilityLevel ownCompatibility(String subject) {
        return levels.get(subject);
    }

    @Override
    public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
        write(new ConfigEntry(subject, level));
    }

    @Override
    public synchronized CompatibilityLevel getGlobalCompatibility() {
        return global;
    }

    @Override
    public synchronized void setGlobalCompatibility(CompatibilityLevel level) {
        write(new ConfigEntry(null, level));
    }

    private List<RegisteredSchema> versions(String subject) {
        List<RegisteredSchema> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SubjectNotFoundException(40401, "Subject '" + subject + "' not found.");
        }
        return versions;
    }
}
