package fr.ais.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Schema Registry compatibility levels, with the check each one makes, done by Avro's own
 * {@link SchemaCompatibility} so the in-memory and local registries judge as the real ones do.
 */
public enum CompatibilityLevel {
    NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE;

    /**
     * The reasons {@code candidate} may not follow {@code existing} (oldest first) under this level;
     * empty when it may.
     */
    public List<String> incompatibilities(Schema candidate, List<Schema> existing) {
        if (this == NONE || existing.isEmpty()) {
            return List.of();
        }
        boolean transitive = name().endsWith("_TRANSITIVE");
        List<Schema> against = transitive ? existing : List.of(existing.get(existing.size() - 1));
        boolean backward = name().startsWith("BACKWARD") || name().startsWith("FULL");
        boolean forward = name().startsWith("FORWARD") || name().startsWith("FULL");
        List<String> problems = new ArrayList<>();
        for (Schema old : against) {
            if (backward) {
                problems.addAll(problems(candidate, old, "new schema cannot read data written with an older one"));
            }
            if (forward) {
                problems.addAll(problems(old, candidate, "an older schema cannot read data written with the new one"));
            }
        }
        return problems;
    }

    private static List<String> problems(Schema reader, Schema writer, String what) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        return result.getIncompatibilities().stream()
                .map(i -> what + ": " + i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                .toList();
    }
}
