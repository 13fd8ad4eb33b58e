package fr.ais.consolidation.progress;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.consolidation.progress.LateEntries.Arrival;
import fr.ais.schemas.Network;
import fr.ais.schemas.Source;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 18: provisional months completed from the lags observed on settled months, figures computed by hand. */
class LateEntriesTest {

    private static final LocalDate AS_OF = LocalDate.of(2021, 6, 15);

    /**
     * On 15 June 2021 March is the latest settled month (its window closed on 31 May); April and May are
     * provisional. I-Milo lags of the settled months, in days after the end of the entry month:
     * 0 (keyed before the end), 0, 10, 30, 50.
     */
    private static final List<Arrival> ARRIVALS = List.of(
            new Arrival(Source.IMILO, LocalDate.of(2021, 3, 10), LocalDate.of(2021, 3, 5)),   // 0: before its entry
            new Arrival(Source.IMILO, LocalDate.of(2021, 1, 15), LocalDate.of(2021, 1, 16)),  // 0
            new Arrival(Source.IMILO, LocalDate.of(2021, 3, 20), LocalDate.of(2021, 4, 10)),  // 10
            new Arrival(Source.IMILO, LocalDate.of(2021, 2, 1), LocalDate.of(2021, 3, 30)),   // 28 February + 30
            new Arrival(Source.IMILO, LocalDate.of(2020, 12, 10), LocalDate.of(2021, 2, 19)), // 31 December + 50
            // not read: April is provisional, and May 2020 is older than the twelve settled months read
            new Arrival(Source.IMILO, LocalDate.of(2021, 4, 5), LocalDate.of(2021, 6, 1)),
            new Arrival(Source.IMILO, LocalDate.of(2020, 3, 5), LocalDate.of(2020, 12, 1)),
            new Arrival(Source.PE, LocalDate.of(2021, 2, 3), LocalDate.of(2021, 2, 1)));

    /** The same dates as consolidated entries: the I-Milo ones ML, the PE one PE. */
    private static final List<LateEntries.Entry> ENTRIES = ARRIVALS.stream().map(a -> new LateEntries.Entry(
            a.source() == Source.IMILO ? Network.ML : Network.PE, a.entryDate(), a.firstKeyedIn())).toList();

    private final LateEntries late = LateEntries.observedOn(ARRIVALS, ENTRIES, AS_OF);

    @Test
    void the_lag_is_the_days_from_the_end_of_the_entry_month_to_the_first_keying_zero_when_keyed_by_then() {
        assertThat(new Arrival(Source.IMILO, LocalDate.of(2021, 2, 1), LocalDate.of(2021, 3, 30)).lagDays()).isEqualTo(30);
        assertThat(new Arrival(Source.IMILO, LocalDate.of(2021, 3, 10), LocalDate.of(2021, 3, 5)).lagDays()).isZero();
        assertThat(new Arrival(Source.IMILO, LocalDate.of(2021, 3, 10), LocalDate.of(2021, 3, 31)).lagDays()).isZero();
    }

    @Test
    void only_the_records_and_entries_of_the_latest_twelve_settled_months_are_read() {
        assertThat(late.lags(Source.IMILO).observations()).isEqualTo(5);
        assertThat(late.lags(Source.IMILO).sortedDays()).containsExactly(0, 0, 10, 30, 50);
        assertThat(late.lags(Source.PE).observations()).isEqualTo(1);
        assertThat(late.lags(Source.OUIFORM).observations()).isZero();
        assertThat(late.lags(Network.ML).sortedDays()).containsExactly(0, 0, 10, 30, 50);
        assertThat(late.lags(Network.OTHER).observations()).isZero();
    }

    @Test
    void an_entry_is_keyed_in_when_its_earliest_record_was() {
        FirstKeyings keyings = new FirstKeyings();
        keyings.add(event(Source.IMILO, "IM-1", "2021-05-20T10:00:00Z", "2021-04-02"));
        keyings.add(event(Source.IMILO, "IM-1", "2021-06-02T10:00:00Z", "2021-04-03")); // a later version
        keyings.add(event(Source.PE, "AIS-1", "2021-04-05T10:00:00Z", "2021-04-03"));
        LateEntries.Entry entry = keyings.entryOf(Network.ML, LocalDate.of(2021, 4, 3), List.of("IMILO|IM-1", "PE|AIS-1"));
        assertThat(entry.firstKeyedIn()).as("the PE record came first").isEqualTo(LocalDate.of(2021, 4, 5));
        assertThat(entry.lagDays()).isZero();
        assertThat(keyings.arrivals()).containsExactlyInAnyOrder(
                new Arrival(Source.IMILO, LocalDate.of(2021, 4, 3), LocalDate.of(2021, 5, 20)),
                new Arrival(Source.PE, LocalDate.of(2021, 4, 3), LocalDate.of(2021, 4, 5)));
        assertThat(keyings.entryOf(Network.ML, LocalDate.of(2021, 4, 3), List.of("OUIFORM|X"))).isNull();
    }

    private static fr.ais.schemas.PrescriptionEvent event(Source source, String key, String at, String entry) {
        return fr.ais.schemas.PrescriptionEvent.newBuilder().setSource(source).setSourceKey(key)
                .setVersionTimestamp(java.time.Instant.parse(at)).setSourcePosition(0).setLive(true).setSessionNumber("S")
                .setPersonIds(List.of()).setEntryDate(LocalDate.parse(entry)).setAgeAtEntry(20).setOrigin("test").build();
    }

    @Test
    void the_share_in_of_a_provisional_month_is_the_share_of_settled_lags_within_its_days_since_its_end() {
        // May ended 15 days before 15 June: lags 0, 0, 10 are within, 30 and 50 not: 3/5
        assertThat(late.daysSinceEnd(YearMonth.of(2021, 5))).isEqualTo(15);
        assertThat(late.expectedShareIn(Network.ML, YearMonth.of(2021, 5))).isEqualByComparingTo("0.6");
        // April ended 45 days before: 0, 0, 10, 30 within: 4/5
        assertThat(late.expectedShareIn(Network.ML, YearMonth.of(2021, 4))).isEqualByComparingTo("0.8");
        // a settled month is complete; the as-of month is not over, so it has no share
        assertThat(late.expectedShareIn(Network.ML, YearMonth.of(2021, 3))).isEqualByComparingTo("1");
        assertThat(late.expectedShareIn(Network.ML, YearMonth.of(2021, 6))).isNull();
    }

    @Test
    void a_provisional_month_is_completed_as_observed_over_its_share_in_with_the_lags_of_its_network() {
        // 30 ML entries seen for May, 3/5 of them expected by now: 50 once the late ones are in
        assertThat(late.completed(30, Network.ML, YearMonth.of(2021, 5))).isEqualByComparingTo("50");
        assertThat(late.completed(40, Network.ML, YearMonth.of(2021, 4))).isEqualByComparingTo("50");
        // the one PE entry came in time: PE entries are not raised; UNKNOWN and OTHER: nothing observed,
        // nothing to correct with
        assertThat(late.completed(30, Network.PE, YearMonth.of(2021, 5))).isEqualByComparingTo("30");
        assertThat(late.completed(30, Network.UNKNOWN, YearMonth.of(2021, 5))).isEqualByComparingTo("30");
        assertThat(late.completed(7, Network.OTHER, YearMonth.of(2021, 5))).isEqualByComparingTo("7");
        assertThat(late.completed(30, Network.ML, YearMonth.of(2021, 3))).isEqualByComparingTo("30");
    }

    @Test
    void the_median_and_ninetieth_percentile_lags_are_read_off_the_sorted_lags() {
        assertThat(late.lags(Source.IMILO).percentile(0.5)).isEqualTo(10);
        assertThat(late.lags(Source.IMILO).percentile(0.9)).isEqualTo(50);
        assertThat(late.lags(Source.OUIFORM).arrivedWithin(0)).isEqualByComparingTo(BigDecimal.ONE);
    }
}
