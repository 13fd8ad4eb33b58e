package fr.ais.consolidation.progress;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.schemas.AgeBand;
import fr.ais.schemas.Network;
import fr.ais.schemas.Objective;
import fr.ais.schemas.ProgressStatus;
import fr.ais.schemas.Target;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §5 progress: cumulative targets, ratio, status thresholds, the provisional window. */
class ProgressCalculatorTest {

    private final ProgressCalculator calculator = new ProgressCalculator(1.0, 0.9);

    @Test
    void an_empty_profile_is_uniform() {
        Target target = new Target(2021, "52", Objective.GLOBAL, 1200.0, List.of());
        assertThat(ProgressCalculator.cumulativeTarget(target, 1)).isEqualByComparingTo("100");
        assertThat(ProgressCalculator.cumulativeTarget(target, 12)).isEqualByComparingTo("1200");
    }

    @Test
    void the_cumulative_target_through_month_m_is_the_annual_target_times_the_weights_so_far_over_all_weights() {
        Target target = new Target(2021, "52", Objective.PE, 100.0,
                List.of(0.0, 0.0, 1.0, 1.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0));
        assertThat(ProgressCalculator.cumulativeTarget(target, 2)).isZero();
        assertThat(ProgressCalculator.cumulativeTarget(target, 3)).isEqualByComparingTo("25");
        assertThat(ProgressCalculator.cumulativeTarget(target, 5)).isEqualByComparingTo("100");
    }

    @ParameterizedTest(name = "{0} entries for a target of {1}: {2}")
    @CsvSource({"100,100,ON_TRACK", "101,100,ON_TRACK", "90,100,AT_RISK", "99,100,AT_RISK", "89,100,BEHIND",
            "0,100,BEHIND"})
    void the_status_comes_from_the_ratio_and_the_thresholds(long actual, double annual, ProgressStatus status) {
        Target target = new Target(2021, "52", Objective.GLOBAL, annual, List.of());
        assertThat(calculator.status(ProgressCalculator.ratio(actual, target, 12))).isEqualTo(status);
    }

    @Test
    void a_ratio_exactly_at_a_threshold_takes_that_thresholds_status() {
        // 3 entries against 10 × 4/12: exactly 0.9, where doubles give 0.8999999999999999
        Target target = new Target(2021, "01", Objective.ML, 10.0, List.of());
        assertThat(ProgressCalculator.ratio(3, target, 4)).isEqualByComparingTo("0.9");
        assertThat(calculator.progress(target, MonthlyActualsMath.add(MonthlyActualsMath.none(), 2,
                Network.ML, AgeBand.AGE_16_25, 3), 4, LocalDate.of(2021, 12, 31)).getStatus())
                .isEqualTo(ProgressStatus.AT_RISK);
    }

    @Test
    void a_zero_cumulative_target_has_no_ratio_and_is_on_track() {
        Target target = new Target(2021, "52", Objective.PE, 100.0,
                List.of(0.0, 0.0, 1.0, 1.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0));
        assertThat(ProgressCalculator.ratio(3, target, 2)).isNull();
        assertThat(calculator.status(null)).isEqualTo(ProgressStatus.ON_TRACK);
    }

    @Test
    void thresholds_are_settings() {
        ProgressCalculator strict = new ProgressCalculator(1.2, 1.0);
        assertThat(strict.status(new BigDecimal("1.1"))).isEqualTo(ProgressStatus.AT_RISK);
        assertThat(strict.status(new BigDecimal("0.95"))).isEqualTo(ProgressStatus.BEHIND);
    }

    @Test
    void the_latest_closed_month_is_the_month_before_the_as_of_month_and_the_latest_settled_the_last_not_provisional() {
        assertThat(ProgressCalculator.latestClosedMonth(LocalDate.of(2021, 6, 15))).isEqualTo(YearMonth.of(2021, 5));
        assertThat(ProgressCalculator.latestClosedMonth(LocalDate.of(2022, 1, 1))).isEqualTo(YearMonth.of(2021, 12));
        // on 15 June March's window closed on 31 May; on 31 May it is still open, February is the last settled
        assertThat(ProgressCalculator.latestSettledMonth(LocalDate.of(2021, 6, 15))).isEqualTo(YearMonth.of(2021, 3));
        assertThat(ProgressCalculator.latestSettledMonth(LocalDate.of(2021, 6, 1))).isEqualTo(YearMonth.of(2021, 3));
        assertThat(ProgressCalculator.latestSettledMonth(LocalDate.of(2021, 5, 31))).isEqualTo(YearMonth.of(2021, 2));
    }

    @Test
    void a_month_is_provisional_until_the_end_of_the_second_following_month() {
        YearMonth march = YearMonth.of(2021, 3);
        assertThat(ProgressCalculator.provisional(march, LocalDate.of(2021, 5, 31))).isTrue();
        assertThat(ProgressCalculator.provisional(march, LocalDate.of(2021, 6, 1))).isFalse();
    }
}
