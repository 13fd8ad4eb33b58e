package fr.ais.consolidation.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.ais.consolidation.progress.FirstKeyings;
import fr.ais.consolidation.progress.LateEntries;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.schemas.Network;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the completion estimate on a generated year whose lags are known. The generator keys a quarter of
 * the I-Milo entries in after the entry, up to two months late (rétro-saisie). Seen on an as-of date, only the
 * versions keyed by then have arrived, so the two provisional closed months hold only part of their ML entries;
 * the lags of the settled months must tell how large a part.
 */
class LateEntriesOnGeneratedDataTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    static Path dir;
    static List<PrescriptionEvent> events;

    @BeforeAll
    static void readGeneratedExports() throws IOException {
        GeneratedDataSet data = Generator.generate(GeneratorOptions.defaults(dir).withPeople(6000).withSeed(11));
        events = TestHistories.read(data, new Pseudonymizer("a test key of at least sixteen bytes".getBytes(StandardCharsets.UTF_8)));
    }

    /** A prescription of the reference reading as an entry keyed in when its earliest record was. */
    private static LateEntries.Entry entryOf(FirstKeyings keyings, ReferenceConsolidation.Prescription p) {
        return keyings.entryOf(Network.valueOf(p.network()), LocalDate.parse(p.month() + "-01"), p.members());
    }

    /**
     * The share of {@code month}'s ML entries in by {@code asOf}, as the lags of the settled months estimate it
     * and as the generated year has it: of the year's consolidated ML entries of that month, those whose
     * earliest record was keyed in by then. (Compared as shares, not as counts: a later cancellation also
     * changes a month's final count, and the estimate is about late entries only.)
     */
    @Test
    void the_share_of_a_provisional_months_ml_entries_already_in_is_estimated_from_the_settled_months_lags() {
        List<ReferenceConsolidation.Prescription> year = ReferenceConsolidation.consolidate(events);
        FirstKeyings all = new FirstKeyings();
        events.forEach(all::add);
        double estimateError = 0;
        double assumingCompleteError = 0;
        for (int m = 5; m <= 12; m++) {
            LocalDate asOf = LocalDate.of(2021, m, 12);
            FirstKeyings keyedBy = new FirstKeyings();
            events.stream().filter(e -> !e.getVersionTimestamp().atZone(PARIS).toLocalDate().isAfter(asOf))
                    .forEach(keyedBy::add);
            LateEntries late = LateEntries.observedOn(keyedBy.arrivals(),
                    year.stream().map(p -> entryOf(keyedBy, p)).filter(Objects::nonNull).toList(), asOf);
            assertThat(late.lags(Network.ML).observations()).as("settled ML entries on %s", asOf).isGreaterThan(100);
            for (YearMonth month : List.of(YearMonth.from(asOf).minusMonths(1), YearMonth.from(asOf).minusMonths(2))) {
                List<LateEntries.Entry> ofMonth = year.stream()
                        .filter(p -> p.network().equals("ML") && p.month().equals(month.toString()))
                        .map(p -> entryOf(all, p)).toList();
                double actual = ofMonth.stream().filter(e -> !e.firstKeyedIn().isAfter(asOf)).count()
                        / (double) ofMonth.size();
                double estimated = late.expectedShareIn(Network.ML, month).doubleValue();
                System.out.printf("as of %s, %s: %d ML entries, %.3f in, estimated %.3f%n", asOf, month, ofMonth.size(),
                        actual, estimated);
                assertThat(estimated).as("%s on %s", month, asOf).isCloseTo(actual, within(0.06));
                estimateError += Math.abs(estimated - actual);
                assumingCompleteError += 1 - actual;
            }
        }
        assertThat(assumingCompleteError).as("the generator's late ML records leave the provisional months short")
                .isGreaterThan(0.3);
        assertThat(estimateError).as("the estimate is closer than taking the observed figures as complete")
                .isLessThan(assumingCompleteError / 2);
    }
}
