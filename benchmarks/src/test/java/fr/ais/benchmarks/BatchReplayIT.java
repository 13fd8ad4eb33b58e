package fr.ais.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.cli.pipeline.LocalRun;
import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.ingest.PseudonymKey;
import fr.ais.schemas.Source;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch yardstick of issue 19 and the pipeline cross-check each other: on the same generated year, the
 * exports of {@code ais replay} (connectors, Kafka, the streaming consolidation) and of {@link BatchReplay}
 * (the same rules in one pass in memory) are the same files, byte for byte.
 */
class BatchReplayIT {

    private static final LocalDate AS_OF = LocalDate.of(2021, 12, 31);

    @Test
    void the_replay_of_a_year_writes_the_same_four_exports_as_a_plain_batch_of_the_rules(@TempDir Path dir)
            throws Exception {
        GeneratedDataSet year = Generator.generate(GeneratorOptions.defaults(dir.resolve("year")).withPeople(150)
                .withSeed(19));
        Path replayed = dir.resolve("replay");
        Path batch = dir.resolve("batch");

        try (LocalRun run = LocalRun.temporary(new PrintStream(new ByteArrayOutputStream()))) {
            run.run(new LocalRun.Inputs(year.peFile(), year.imiloFile(), year.ouiformFile(), year.targetsFile(), null),
                    PseudonymKey.ephemeral(), ProgressSettings.defaults().asOf(AS_OF), replayed, null);
        }
        BatchReplay.Result result = BatchReplay.run(Map.of(Source.PE, year.peFile(), Source.IMILO, year.imiloFile(),
                Source.OUIFORM, year.ouiformFile()), year.targetsFile(), AS_OF, batch);

        assertThat(result.prescriptions()).isPositive();
        for (String export : new String[] {"aggregates.csv", "progress.csv", "quality.csv", "rejected.csv"}) {
            assertThat(Files.readString(batch.resolve(export)))
                    .as(export)
                    .isEqualTo(Files.readString(replayed.resolve(export)));
        }
        assertThat(Files.readAllLines(batch.resolve("rejected.csv"))).hasSizeGreaterThan(1);
    }
}
