package fr.ais.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.avro.Schema;

/**
 * A registry in memory, with the compatibility checks and the error codes and messages of Confluent's:
 * subjects and their versions, one global id per distinct schema across subjects (from 1), and
 * compatibility levels (BACKWARD unless set). Unit tests use it bare (TopologyTestDriver); the local
 * stack's registry gives it a journal, told every {@link Change} before it is applied, and replays the
 * journal into it on start.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {

    /** A change of the registry's state: what a journal keeps to rebuild it. */
    public sealed interface Change {
        /** {@code schema} registered as {@code version} of {@code subject} under global {@code id}. */
        record SchemaRegistered(String subject, int version, int id, Schema schema) implements Change {
        }

        /** A compatibility level set for {@code subject}, or globally when {@code subject} is null. */
        record CompatibilitySet(String subject, CompatibilityLevel level) implements Change {
        }
    }

    private final Consumer<Change> journal;
    private final Map<String, List<RegisteredSchema>> subjects = new TreeMap<>();
    private final Map<Integer, Schema> byId = new HashMap<>();
    private final Map<Schema, Integer> idBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> levels = new HashMap<>();
    private CompatibilityLevel global = CompatibilityLevel.BACKWARD;
    private int maxId;

    /** A registry that keeps nothing beyond its own memory. */
    public InMemorySchemaRegistry() {
        this(change -> { });
    }

    /** A registry telling {@code journal} each change before applying it (it throws: nothing changes). */
    public InMemorySchemaRegistry(Consumer<Change> journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    /** Applies a change read back from the journal (not journaled again). */
    public synchronized void replay(Change change) {
        apply(change);
    }

    private void apply(Change change) {
        if (change instanceof Change.SchemaRegistered s) {
            byId.putIfAbsent(s.id(), s.schema());
            idBySchema.putIfAbsent(s.schema(), s.id());
            maxId = Math.max(maxId, s.id());
            List<RegisteredSchema> versions = subjects.computeIfAbsent(s.subject(), k -> new ArrayList<>());
            versions.removeIf(v -> v.version() == s.version());
            versions.add(new RegisteredSchema(s.subject(), s.id(), s.version(), s.schema()));
            versions.sort(Comparator.comparingInt(RegisteredSchema::version));
        } else if (change instanceof Change.CompatibilitySet c) {
            if (c.subject() == null) {
                global = c.level();
            } else {
                levels.put(c.subject(), c.level());
            }
        }
    }

    private void write(Change change) {
        journal.accept(change);
        apply(change);
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
            throw new IncompatibleSchemaException(409, "Schema being registered is incompatible with an earlier schema"
                    + " for subject \"" + subject + "\" (" + getCompatibility(subject) + "): " + problems);
        }
        int id = idBySchema.getOrDefault(schema, maxId + 1);
        int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        write(new Change.SchemaRegistered(subject, version, id, schema));
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

    /** One version of a subject. */
    public synchronized RegisteredSchema version(String subject, int version) {
        return versions(subject).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new VersionNotFoundException(40402, "Version " + version + " not found."));
    }

    /** The version numbers of a subject, in order. */
    public synchronized List<Integer> versionNumbers(String subject) {
        return versions(subject).stream().map(RegisteredSchema::version).toList();
    }

    /** Every subject with a version, in name order. */
    public synchronized List<String> subjects() {
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
    public synchronized boolean testCompatibility(String subject, int version, Schema schema) {
        return getCompatibility(subject).incompatibilities(schema, List.of(version(subject, version).schema())).isEmpty();
    }

    @Override
    public synchronized CompatibilityLevel getCompatibility(String subject) {
        return levels.getOrDefault(subject, global);
    }

    /** The subject's own level, or null when it has none. */
    public synchronized CompatibilityLevel ownCompatibility(String subject) {
        return levels.get(subject);
    }

    @Override
    public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
        write(new Change.CompatibilitySet(subject, level));
    }

    @Override
    public synchronized CompatibilityLevel getGlobalCompatibility() {
        return global;
    }

    @Override
    public synchronized void setGlobalCompatibility(CompatibilityLevel level) {
        write(new Change.CompatibilitySet(null, level));
    }

    private List<RegisteredSchema> versions(String subject) {
        List<RegisteredSchema> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SubjectNotFoundException(40401, "Subject '" + subject + "' not found.");
        }
        return versions;
    }
}
