package fr.ais.consolidation.progress;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.schemas.Objective;
import fr.ais.schemas.Target;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 18: the year-end projection at the current pace, against the monthly profile; figures computed by hand. */
class YearEndProjectionTest {

    private static final Target UNIFORM = new Target(2021, "84", Objective.GLOBAL, 1200.0, List.of());
    /** Nothing expected in July and August: ten weights of 1. */
    private static final Target SUMMER_OFF = new Target(2021, "84", Objective.ML, 1000.0,
            List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0));

    @Test
    void with_a_uniform_profile_the_cumulative_is_carried_to_december_in_proportion_to_the_months() {
        // 450 by the end of May, 500 due: 450 × 12 / 5 = 1080
        assertThat(YearEndProjection.yearEnd(BigDecimal.valueOf(450), UNIFORM, 5)).isEqualByComparingTo("1080");
        // the completed cumulative (late entries in): 480 × 12 / 5 = 1152
        assertThat(YearEndProjection.yearEnd(BigDecimal.valueOf(480), UNIFORM, 5)).isEqualByComparingTo("1152");
    }

    @Test
    void with_a_profile_the_pace_is_measured_against_the_share_due_so_far() {
        // by the end of May 5 of the 10 weights are due (500): 450 → 900
        assertThat(YearEndProjection.yearEnd(BigDecimal.valueOf(450), SUMMER_OFF, 5)).isEqualByComparingTo("900");
        // by the end of August still 6 of 10 due (600): 600 → 1000, the summer costs no pace
        assertThat(YearEndProjection.yearEnd(BigDecimal.valueOf(600), SUMMER_OFF, 8)).isEqualByComparingTo("1000");
    }

    @Test
    void in_december_the_projection_is_the_cumulative_itself() {
        assertThat(YearEndProjection.yearEnd(BigDecimal.valueOf(1111), UNIFORM, 12)).isEqualByComparingTo("1111");
    }

    @Test
    void nothing_due_yet_no_projection() {
        Target lateStart = new Target(2021, "84", Objective.PE, 100.0,
                List.of(0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0));
        assertThat(YearEndProjection.yearEnd(BigDecimal.valueOf(5), lateStart, 2)).isNull();
    }
}
