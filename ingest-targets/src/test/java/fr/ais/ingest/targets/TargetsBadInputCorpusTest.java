package fr.ais.ingest.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The targets file's bad-input corpus (fixtures under {@code src/test/resources/bad-input}, with their manifest):
 * no crash, either every target or every error with its line, nothing loaded then.
 */
@DisplayName("SPEC §5: the targets file is validated whole, each error naming its line")
class TargetsBadInputCorpusTest {

    record Case(String name, String file, int targets, List<String> errors) {
    }

    @TestFactory
    Stream<DynamicTest> the_bad_input_corpus_reads_as_its_manifest_says() throws Exception {
        URL manifest = getClass().getClassLoader().getResource("bad-input/manifest.csv");
        Path dir = Path.of(manifest.toURI()).getParent();
        return Files.readAllLines(dir.resolve("manifest.csv"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("case;"))
                .map(line -> line.split(";", -1))
                .map(f -> new Case(f[0], f[1], Integer.parseInt(f[2]), f[3].isEmpty() ? List.of() : Arrays.asList(f[3].split("\\|"))))
                .map(c -> DynamicTest.dynamicTest(c.name() + " (" + c.file() + ")", () -> {
                    TargetsFile.Parsed parsed = TargetsFile.read(dir.resolve(c.file()));
                    assertThat(parsed.targets()).hasSize(c.targets());
                    assertThat(parsed.valid()).isEqualTo(c.errors().isEmpty());
                    assertThat(parsed.errors()).hasSameSizeAs(c.errors());
                    for (int i = 0; i < c.errors().size(); i++) {
                        assertThat(parsed.errors().get(i)).startsWith("line ").contains(c.errors().get(i));
                    }
                }));
    }
}
