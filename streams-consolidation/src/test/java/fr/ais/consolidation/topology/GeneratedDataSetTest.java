package fr.ais.consolidation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.ingest.Pseudonymizer;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A realistic generated year (overlaps across sources, identifier gaps, version histories, late ML
 * entries, bad records) read by the connectors' own formats: the topology's figures equal the
 * reference reading of SPEC §4, in file order and in shuffled arrival orders.
 */
class GeneratedDataSetTest {

    @TempDir
    static Path dir;
    static List<PrescriptionEvent> events;

    @BeforeAll
    static void readGeneratedExports() throws IOException {
        GeneratedDataSet data = Generator.generate(GeneratorOptions.defaults(dir).withPeople(400).withSeed(7));
        Pseudonymizer pseudonymizer = new Pseudonymizer("a test key of at least sixteen bytes".getBytes(StandardCharsets.UTF_8));
        events = TestHistories.read(data, pseudonymizer);
    }


    @Test
    void the_generated_year_consolidates_to_the_reference_figures() {
        Map<String, Long> expected = ReferenceConsolidation.aggregates(ReferenceConsolidation.consolidate(events));
        assertThat(expected.values().stream().mapToLong(Long::longValue).sum())
                .as("the generated year has consolidated prescriptions").isGreaterThan(200);
        try (ConsolidationDriver pipeline = new ConsolidationDriver()) {
            assertThat(pipeline.send(events).aggregates()).isEqualTo(expected);
        }
    }

    @Test
    void the_same_exports_arriving_in_shuffled_orders_give_identical_aggregates() {
        Map<String, Long> inFileOrder;
        try (ConsolidationDriver pipeline = new ConsolidationDriver()) {
            inFileOrder = pipeline.send(events).aggregates();
        }
        for (long seed = 1; seed <= 2; seed++) {
            List<PrescriptionEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, new Random(seed));
            try (ConsolidationDriver pipeline = new ConsolidationDriver()) {
                assertThat(pipeline.send(shuffled).aggregates()).isEqualTo(inFileOrder);
            }
        }
    }
}
