package fr.ais.cli.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.schemas.Alert;
import fr.ais.schemas.AlertKind;
import fr.ais.schemas.Objective;
import fr.ais.schemas.ProgressStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

public class AlertLogTest {

    private static final AlertLog.Filter ALL = new AlertLog.Filter(null, null);

    public static AlertLog.Entry alert(String at, String region, Objective objective, AlertKind kind, ProgressStatus previous,
            ProgressStatus status) {
        return new AlertLog.Entry(Instant.parse(at), Alert.newBuilder().setRegion(region).setObjective(objective)
                .setYear(2026).setMonth(10).setKind(kind).setPreviousStatus(previous).setStatus(status)
                .setActualCumulative(850).setTargetCumulative(998.5).setRatio(850 / 998.5).build());
    }

    @Test
    void an_alert_is_open_while_the_latest_of_its_region_and_objective_is_raised() {
        AlertLog log = new AlertLog();
        log.add(alert("2026-11-01T08:00:00Z", "84", Objective.GLOBAL, AlertKind.RAISED, ProgressStatus.ON_TRACK, ProgressStatus.AT_RISK));
        log.add(alert("2026-11-01T08:00:00Z", "11", Objective.ML, AlertKind.RAISED, null, ProgressStatus.BEHIND));
        log.add(alert("2026-11-02T08:00:00Z", "84", Objective.GLOBAL, AlertKind.RAISED, ProgressStatus.AT_RISK, ProgressStatus.BEHIND));
        log.add(alert("2026-11-03T08:00:00Z", "11", Objective.ML, AlertKind.CLEARED, ProgressStatus.BEHIND, ProgressStatus.ON_TRACK));
        log.add(alert("2026-11-04T08:00:00Z", "93", Objective.PE, AlertKind.RAISED, ProgressStatus.ON_TRACK, ProgressStatus.AT_RISK));

        assertThat(log.open(ALL)).extracting(e -> e.alert().getRegion() + " " + e.alert().getStatus())
                .as("latest first; 11 ML was cleared; 84 GLOBAL once, at its latest")
                .containsExactly("93 AT_RISK", "84 BEHIND");
        assertThat(log.history(ALL)).hasSize(5);
        assertThat(log.history(new AlertLog.Filter("11", null))).hasSize(2);
        assertThat(log.open(new AlertLog.Filter(null, "PE"))).singleElement()
                .satisfies(e -> assertThat(e.alert().getRegion()).isEqualTo("93"));
    }

    @Test
    void a_line_says_when_what_where_which_month_previous_and_current_status_and_the_figures() {
        assertThat(AlertLog.line(alert("2026-11-02T08:15:03Z", "84", Objective.GLOBAL, AlertKind.RAISED,
                ProgressStatus.AT_RISK, ProgressStatus.BEHIND)))
                .isEqualTo("2026-11-02T08:15:03Z RAISED  84 GLOBAL 2026-10 AT_RISK -> BEHIND ratio 0.8513 (850 / 998.50)");
        assertThat(AlertLog.line(alert("2026-11-02T08:15:03Z", "84", Objective.ML, AlertKind.RAISED, null,
                ProgressStatus.BEHIND))).contains("(none) -> BEHIND");
    }
}
