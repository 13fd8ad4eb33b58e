package fr.ais.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/**
 * Schema evolution rule: every schema of {@code src/main/avro} can read data written with its released version
 * (BACKWARD), so consumers upgraded first still read what running producers write. Released versions are kept
 * under {@code src/released/v<N>} (same tree); a release copies the current tree to a new folder.
 */
class SchemaCompatibilityTest {

    private static final Path CURRENT = Path.of("src/main/avro");
    private static final Path RELEASED = Path.of("src/released");

    @Test
    void everyCurrentSchemaReadsDataWrittenWithEveryReleasedVersion() throws IOException {
        Map<String, Schema> current = parseTree(CURRENT);
        List<Path> releases;
        try (Stream<Path> dirs = Files.list(RELEASED)) {
            releases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(releases).as("released versions under " + RELEASED).isNotEmpty();

        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (Path release : releases) {
            Map<String, Schema> released = parseTree(release);
            for (var entry : released.entrySet()) {
                Schema now = current.get(entry.getKey());
                if (now == null) {
                    problems.add(release.getFileName() + "/" + entry.getKey() + " was released but is gone from " + CURRENT);
                    continue;
                }
                problems.addAll(backwardProblems(now, entry.getValue(), release.getFileName() + "/" + entry.getKey()));
                compared++;
            }
        }

        assertThat(compared).as("schemas compared").isGreaterThanOrEqualTo(current.size() - countNew(current, releases));
        assertThat(compared).isPositive();
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckRefusesANewRequiredFieldWithoutDefault() throws IOException {
        Schema released = parseTree(RELEASED.resolve("v1")).get("PrescriptionEvent.avsc");
        String json = released.toString();
        String broken = json.replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"mandatoryNewField\",\"type\":\"string\"},");
        Schema incompatible = new Schema.Parser().parse(broken);

        assertThat(backwardProblems(incompatible, released, "PrescriptionEvent.avsc"))
                .singleElement().asString()
                .contains("READER_FIELD_MISSING_DEFAULT")
                .contains("mandatoryNewField");
    }

    @Test
    void theCheckAcceptsANewOptionalFieldWithDefault() throws IOException {
        Schema released = parseTree(RELEASED.resolve("v1")).get("PrescriptionEvent.avsc");
        String evolved = released.toString().replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"optionalNewField\",\"type\":[\"null\",\"string\"],\"default\":null},");

        assertThat(backwardProblems(new Schema.Parser().parse(evolved), released, "PrescriptionEvent.avsc")).isEmpty();
    }

    private static List<String> backwardProblems(Schema reader, Schema writer, String what) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        return result.getIncompatibilities().stream()
                .map(i -> what + ": " + i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                .toList();
    }

    private static int countNew(Map<String, Schema> current, List<Path> releases) throws IOException {
        Map<String, Schema> latest = parseTree(releases.get(releases.size() - 1));
        return (int) current.keySet().stream().filter(k -> !latest.containsKey(k)).count();
    }

    /**
     * Parses every .avsc of a tree, keyed by relative path; shared named types ({@code common/}) first, then
     * files in passes until each one's references are known.
     */
    private static Map<String, Schema> parseTree(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".avsc"))
                    .sorted((a, b) -> {
                        boolean ca = root.relativize(a).startsWith("common");
                        boolean cb = root.relativize(b).startsWith("common");
                        return ca == cb ? a.compareTo(b) : ca ? -1 : 1;
                    })
                    .toList();
        }
        Map<String, Schema> known = new LinkedHashMap<>();
        Map<String, Schema> byFile = new TreeMap<>();
        List<Path> pending = new ArrayList<>(files);
        while (!pending.isEmpty()) {
            List<Path> next = new ArrayList<>();
            RuntimeException lastError = null;
            for (Path file : pending) {
                Schema.Parser parser = new Schema.Parser().addTypes(known);
                try {
                    byFile.put(root.relativize(file).toString().replace('\\', '/'), parser.parse(file.toFile()));
                    known.putAll(parser.getTypes());
                } catch (RuntimeException e) { // Avro 1.12 also throws NullPointerException on an undefined name
                    next.add(file);
                    lastError = e;
                }
            }
            if (next.size() == pending.size()) {
                throw new IllegalStateException("cannot parse " + next + " under " + root, lastError);
            }
            pending = next;
        }
        return byFile;
    }
}
