package fr.ais.consolidation.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.ais.schemas.Objective;
import fr.ais.schemas.ProgressStatus;
import fr.ais.schemas.Target;
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
        assertThat(ProgressCalculator.cumulativeTarget(target, 1)).isCloseTo(100.0, within(1e-9));
        assertThat(ProgressCalculator.cumulativeTarget(target, 12)).isCloseTo(1200.0, within(1e-9));
    }

    @Test
    void the_cumulative_target_through_month_m_is_the_annual_target_times_the_weights_so_far_over_all_weights() {
        Target target = new Target(2021, "52", Objective.PE, 100.0,
                List.of(0.0, 0.0, 1.0, 1.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0));
        assertThat(ProgressCalculator.cumulativeTarget(target, 2)).isZero();
        assertThat(ProgressCalculator.cumulativeTarget(target, 3)).isCloseTo(25.0, within(1e-9));
        assertThat(ProgressCalculator.cumulativeTarget(target, 5)).isCloseTo(100.0, within(1e-9));
    }

    @ParameterizedTest(name = "{0} entries for a target of {1}: {2}")
    @CsvSource({"100,100,ON_TRACK", "101,100,ON_TRACK", "90,100,AT_RISK", "99,100,AT_RISK", "89,100,BEHIND",
            "0,100,BEHIND"})
    void the_status_comes_from_the_ratio_and_the_thresholds(long actual, double target, ProgressStatus status) {
        assertThat(calculator.status(ProgressCalculator.ratio(actual, target))).isEqualTo(status);
    }

    @Test
    void a_zero_cumulative_target_has_no_ratio_and_is_on_track() {
        assertThat(ProgressCalculator.ratio(3, 0.0)).isNull();
        assertThat(calculator.status(null)).isEqualTo(ProgressStatus.ON_TRACK);
    }

    @Test
    void thresholds_are_settings() {
        ProgressCalculator strict = new ProgressCalculator(1.2, 1.0);
        assertThat(strict.status(1.1)).isEqualTo(ProgressStatus.AT_RISK);
        assertThat(strict.status(0.95)).isEqualTo(ProgressStatus.BEHIND);
    }

    @Test
    void a_month_is_provisional_until_the_end_of_the_second_following_month() {
        YearMonth march = YearMonth.of(2021, 3);
        assertThat(ProgressCalculator.provisional(march, LocalDate.of(2021, 5, 31))).isTrue();
        assertThat(ProgressCalculator.provisional(march, LocalDate.of(2021, 6, 1))).isFalse();
    }
}
