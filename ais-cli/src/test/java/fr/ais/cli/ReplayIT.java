package fr.ais.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.consolidation.topology.ReferenceConsolidation;
import fr.ais.consolidation.topology.TestHistories;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ais replay} end to end on a generated year: a fresh embedded stack, the three connectors,
 * the consolidation with exactly-once, the exports; the aggregates equal an independent reading of
 * SPEC §4 over the same files, and every input record is accounted for.
 */
class ReplayIT {

    @TempDir
    Path dir;

    @Test
    void replay_writes_the_figures_of_the_rules_for_a_generated_year() throws IOException {
        GeneratedDataSet data = Generator.generate(GeneratorOptions.defaults(dir.resolve("data")).withPeople(300).withSeed(11));
        Path out = dir.resolve("exports");

        int code = AisCommand.execute("replay", "--pe", data.peFile().toString(), "--imilo", data.imiloFile().toString(),
                "--ouiform", data.ouiformFile().toString(), "--targets", data.targetsFile().toString(),
                "--as-of", "2021-12-31", "--out", out.toString());

        assertThat(code).isZero();
        assertThat(aggregatesCsv(out)).isEqualTo(expectedAggregates(data));
        long rejected = Files.readAllLines(out.resolve("rejected.csv")).stream().skip(1)
                .mapToLong(row -> Long.parseLong(row.split(";")[2])).sum();
        assertThat(rejected).isEqualTo(data.totalBadRecords());
        List<String> progress = Files.readAllLines(out.resolve("progress.csv"));
        assertThat(progress.get(0)).isEqualTo("region;year;month;objective;actual_cumulative;target_cumulative;ratio;status;provisional");
        assertThat(progress).hasSize(1 + data.targetRows() * 12);
    }

    private static Map<String, Long> aggregatesCsv(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("aggregates.csv"));
        assertThat(lines.get(0)).isEqualTo("region;month;network;age_band;prescriptions");
        Map<String, Long> rows = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int last = line.lastIndexOf(';');
            rows.put(line.substring(0, last), Long.parseLong(line.substring(last + 1)));
        }
        return rows;
    }

    /** The reference reading of SPEC §4 over the same files, rows written as the export writes them. */
    private static Map<String, Long> expectedAggregates(GeneratedDataSet data) throws IOException {
        Pseudonymizer pseudonymizer = new Pseudonymizer("reference key of sixteen bytes+".getBytes(StandardCharsets.UTF_8));
        List<PrescriptionEvent> events = TestHistories.read(data, pseudonymizer);
        Map<String, Long> rows = new TreeMap<>();
        ReferenceConsolidation.aggregates(ReferenceConsolidation.consolidate(events)).forEach((key, n) -> rows.put(key
                .replace(";AGE_16_25", ";16_25").replace(";AGE_26_29", ";26_29").replace(";AGE_30_PLUS", ";30_PLUS"), n));
        return rows;
    }
}
