package fr.ais.consolidation.serving;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.consolidation.progress.LateEntries;
import fr.ais.consolidation.serving.FigureQueries.AggregateRow;
import fr.ais.consolidation.serving.FigureQueries.ProgressRow;
import fr.ais.consolidation.serving.FigureQueries.TargetRow;
import fr.ais.schemas.Network;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, the pilots' view of a region and year, figures computed by hand: on 15 June 2021, 84's ML objective
 * (annual target 120, uniform) had 10 entries a month through April and 6 in May, May's ML entries 3 in 5 in.
 */
class SteeringViewTest {

    private static final LocalDate AS_OF = LocalDate.of(2021, 6, 15);

    private static SteeringView.View view() {
        List<ProgressRow> progress = new ArrayList<>();
        long[] cumulative = {10, 20, 30, 40, 46, 46};
        for (int m = 1; m <= 6; m++) {
            double target = 10.0 * m;
            progress.add(new ProgressRow("84", 2021, m, "ML", cumulative[m - 1], target, cumulative[m - 1] / target,
                    cumulative[m - 1] >= target ? "ON_TRACK" : cumulative[m - 1] >= 0.9 * target ? "AT_RISK" : "BEHIND",
                    m >= 4));
        }
        List<AggregateRow> aggregates = new ArrayList<>();
        for (int m = 1; m <= 5; m++) {
            aggregates.add(new AggregateRow("84", "2021-0" + m, "ML", "AGE_16_25", m == 5 ? 6 : 10));
        }
        aggregates.add(new AggregateRow("84", "2021-05", "ML", "AGE_26_29", 4)); // out of the ML scope (16-25)
        // settled ML entries: lags 0, 0, 0, 40, 40 days: by 15 June (15 days after May's end) 3 in 5 are in,
        // by then April (46 days) is whole
        List<LateEntries.Entry> entries = List.of(
                new LateEntries.Entry(Network.ML, LocalDate.of(2021, 1, 5), LocalDate.of(2021, 1, 5)),
                new LateEntries.Entry(Network.ML, LocalDate.of(2021, 2, 5), LocalDate.of(2021, 2, 5)),
                new LateEntries.Entry(Network.ML, LocalDate.of(2021, 3, 5), LocalDate.of(2021, 3, 5)),
                new LateEntries.Entry(Network.ML, LocalDate.of(2021, 1, 5), LocalDate.of(2021, 3, 12)),
                new LateEntries.Entry(Network.ML, LocalDate.of(2021, 3, 5), LocalDate.of(2021, 5, 10)));
        return SteeringView.of(2021, "84", AS_OF, 1.0, 0.9, progress,
                List.of(new TargetRow("84", 2021, "ML", 120.0, List.of())), aggregates,
                LateEntries.observedOn(List.of(), entries, AS_OF));
    }

    @Test
    void the_view_shows_the_last_settled_month_and_the_month_just_ended_the_one_alerts_compare() {
        SteeringView.View view = view();
        assertThat(view.settledMonth()).isEqualTo("2021-03");
        assertThat(view.closedMonth()).isEqualTo("2021-05");
        assertThat(view.thresholds()).isEqualTo(new SteeringView.Thresholds("1.00", "0.90"));
        SteeringView.Row row = view.rows().get(0);
        assertThat(row.settled()).isEqualTo(new SteeringView.MonthFigures("2021-03", false, 30, "30.00", "1.0000",
                "ON_TRACK", 0));
        // 46 against 50 due: 4 still needed for the cumulative target, 74 for the annual one
        assertThat(row.closed()).isEqualTo(new SteeringView.MonthFigures("2021-05", true, 46, "50.00", "0.9200",
                "AT_RISK", 4));
        assertThat(row.annualTarget()).isEqualTo("120.00");
        assertThat(row.stillNeededAnnual()).isEqualTo(74);
    }

    @Test
    void the_projection_carries_the_observed_and_the_completed_pace_to_december() {
        SteeringView.Row row = view().rows().get(0);
        // May's 6 ML entries, 3 in 5 expected in: 10; completed cumulative 40 + 10 = 50
        assertThat(row.completedCumulative()).isEqualTo("50.00");
        // 46 × 120 / 50 = 110.40 observed; 50 × 120 / 50 = 120.00 completed
        assertThat(row.projection()).isEqualTo(new SteeringView.Projection("110.40", "120.00"));
    }

    @Test
    void a_regions_months_show_observed_and_completed_entries_with_the_share_expected_in() {
        List<SteeringView.MonthPoint> months = view().months();
        assertThat(months).hasSize(6);
        assertThat(months.get(4)).isEqualTo(new SteeringView.MonthPoint("84", "ML", "2021-05", true, 6, "10.00", "0.6000"));
        assertThat(months.get(3)).isEqualTo(new SteeringView.MonthPoint("84", "ML", "2021-04", true, 10, "10.00", "1.0000"));
        assertThat(months.get(5).completed()).as("June is not over").isNull();
        assertThat(view().networkLags().get(Network.ML.ordinal()).provisionalMonths())
                .containsExactly(new SteeringView.ShareIn("2021-04", 46, "1.0000"),
                        new SteeringView.ShareIn("2021-05", 15, "0.6000"));
    }
}
