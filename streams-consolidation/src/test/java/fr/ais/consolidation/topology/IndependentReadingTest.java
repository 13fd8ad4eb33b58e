package fr.ais.consolidation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.consolidation.export.Exports;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.schemas.AgeBand;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.QualityCounts;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §3–§4 against an independent implementation: small hand-made exports of the tricky cases (ties,
 * session moves, non-live bridges, representatives, fallbacks, birthdays, white space), read by the
 * connectors' formats and consolidated by the topology, give the aggregates and quality rows that a
 * separate implementation written from the SPEC alone computed (see {@code independent-reading/README.md}),
 * whether the records arrive in file order or reversed.
 */
class IndependentReadingTest {

    private static final Pseudonymizer PSEUDONYMIZER =
            new Pseudonymizer("a test key of at least sixteen bytes".getBytes(StandardCharsets.UTF_8));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cases", "white-space"})
    void the_exports_read_and_consolidated_give_the_independent_implementations_figures(String set) throws Exception {
        Path dir = resource(set);
        List<PrescriptionEvent> events = TestHistories.read(dir.resolve("pe.csv"), dir.resolve("imilo.jsonl"),
                dir.resolve("ouiform.jsonl"), PSEUDONYMIZER);
        List<PrescriptionEvent> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);

        for (List<PrescriptionEvent> arrival : List.of(events, reversed)) {
            try (ConsolidationDriver pipeline = new ConsolidationDriver()) {
                pipeline.send(arrival);
                assertThat(aggregateRows(pipeline.aggregates())).isEqualTo(expectedRows(dir.resolve("aggregates.csv")));
                assertThat(qualityRows(pipeline.quality())).isEqualTo(expectedRows(dir.resolve("quality.csv")));
            }
        }
    }

    /** The driver's aggregates as SPEC §6 rows, in the export's order. */
    private static List<String> aggregateRows(Map<String, Long> aggregates) {
        List<String> rows = new ArrayList<>();
        aggregates.forEach((key, count) -> {
            String[] k = key.split(";");
            rows.add(String.join(";", k[0], k[1], k[2], Exports.ageBand(AgeBand.valueOf(k[3])), count.toString()));
        });
        return sorted(rows);
    }

    /** The driver's quality counts as SPEC §6 rows: the four flags, rows of four zeros left out. */
    private static List<String> qualityRows(Map<String, QualityCounts> quality) {
        List<String> rows = new ArrayList<>();
        quality.forEach((key, q) -> {
            List<Long> flags = List.of(q.getPePrescriberNotFilled(), q.getAttributionInferred(),
                    q.getAttributionConflict(), q.getUnattributed());
            if (flags.stream().anyMatch(n -> n != 0)) {
                rows.add(key + ";" + String.join(";", flags.stream().map(String::valueOf).toList()));
            }
        });
        return sorted(rows);
    }

    private static List<String> sorted(List<String> rows) {
        Collections.sort(rows);
        return rows;
    }

    private static List<String> expectedRows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        return sorted(new ArrayList<>(lines.subList(1, lines.size())));
    }

    private static Path resource(String set) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(IndependentReadingTest.class.getResource("/independent-reading/" + set)).toURI());
    }
}
