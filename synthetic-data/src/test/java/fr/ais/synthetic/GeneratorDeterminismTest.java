package fr.ais.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The generator is a pure function of its options: same seed, same bytes. */
class GeneratorDeterminismTest {

    private static final List<String> FILES = List.of("pe.csv", "imilo.jsonl", "ouiform.jsonl", "targets.csv",
            "manifest.json");

    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesIdenticalBytes() throws Exception {
        GeneratorOptions options = GeneratorOptions.defaults(dir.resolve("a")).withPeople(500).withSeed(7);
        Generator.generate(options);
        Generator.generate(options.withOutDir(dir.resolve("b")));

        for (String file : FILES) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file)))
                    .as(file).isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
        }
    }

    @Test
    void anotherSeedGivesDifferentFiles() throws Exception {
        GeneratorOptions options = GeneratorOptions.defaults(dir.resolve("a")).withPeople(500).withSeed(7);
        Generator.generate(options);
        Generator.generate(options.withSeed(8).withOutDir(dir.resolve("b")));

        for (String file : List.of("pe.csv", "imilo.jsonl", "ouiform.jsonl", "targets.csv")) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file)))
                    .as(file).isNotEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
        }
    }

    @Test
    void theBadRecordRateLeavesTheGoodRecordsUnchanged() throws Exception {
        GeneratorOptions options = GeneratorOptions.defaults(dir.resolve("a")).withPeople(300).withBadRecordRate(0);
        GeneratedDataSet clean = Generator.generate(options);
        GeneratedDataSet dirty = Generator.generate(options.withBadRecordRate(0.02).withOutDir(dir.resolve("b")));

        assertThat(clean.totalBadRecords()).isZero();
        assertThat(dirty.totalBadRecords()).isPositive();
        assertThat(dirty.pe().goodRecords()).isEqualTo(clean.pe().records());
        assertThat(dirty.imilo().goodRecords()).isEqualTo(clean.imilo().records());
        assertThat(dirty.ouiform().goodRecords()).isEqualTo(clean.ouiform().records());
    }

    @Test
    void theLegacyCharsetWritesIso88591WithCrlf() throws Exception {
        GeneratedDataSet utf8 = Generator.generate(GeneratorOptions.defaults(dir.resolve("a")));
        GeneratedDataSet latin1 = Generator.generate(GeneratorOptions.defaults(dir.resolve("b"))
                .withPeCharset(StandardCharsets.ISO_8859_1));

        String utf8Text = Files.readString(utf8.peFile(), StandardCharsets.UTF_8);
        String latin1Text = Files.readString(latin1.peFile(), StandardCharsets.ISO_8859_1);
        // accented agency names make the charset matter
        assertThat(utf8Text).containsPattern("[ÉÈÎ]");
        assertThat(latin1Text.replace("\r\n", "\n")).isEqualTo(utf8Text);
        assertThat(latin1Text).contains("\r\n");
        assertThat(Files.readAllBytes(latin1.peFile())).isNotEqualTo(Files.readAllBytes(utf8.peFile()));
    }

    @Test
    @Timeout(120) // a guard against a hang, not a speed goal
    void aThousandPeopleAreGenerated() throws Exception {
        GeneratedDataSet ds = Generator.generate(GeneratorOptions.defaults(dir).withPeople(1000));
        assertThat(ds.people()).isEqualTo(1000);
        assertThat(ds.prescriptions()).isGreaterThan(1000);
        assertThat(ds.totalRecords()).isGreaterThan(2000);
    }
}
