package fr.ais.consolidation.serving;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.consolidation.serving.FollowedTopics.AlertEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 17's alerts API: open alerts and history, filtered by region and objective, in the exports' language. */
class ApiRowsTest {

    private static final List<AlertEvent> TOPIC = List.of(
            new AlertEvent("84", "GLOBAL", 2021, 5, "RAISED", "ON_TRACK", "AT_RISK", 680, 750.0, 680 / 750.0, 1_000),
            new AlertEvent("11", "PE", 2021, 5, "RAISED", null, "BEHIND", 10, 20.0, 0.5, 2_000),
            new AlertEvent("11", "PE", 2021, 6, "CLEARED", "BEHIND", "ON_TRACK", 30, 30.0, 1.0, 3_000),
            new AlertEvent("84", "GLOBAL", 2021, 6, "RAISED", "AT_RISK", "BEHIND", 700, 900.0, 700 / 900.0, 4_000));

    @Test
    void an_alert_is_open_while_it_is_the_latest_of_its_region_and_objective_and_was_raised() {
        List<ApiRows.AlertLine> open = ApiRows.alerts(TOPIC, null, null, true);
        assertThat(open).singleElement().satisfies(a -> {
            assertThat(a.region()).isEqualTo("84");
            assertThat(a.month()).isEqualTo("2021-06");
            assertThat(a.previousStatus()).isEqualTo("AT_RISK");
            assertThat(a.status()).isEqualTo("BEHIND");
            assertThat(a.targetCumulative()).isEqualTo("900.00");
            assertThat(a.ratio()).isEqualTo("0.7778");
            assertThat(a.emittedAt()).isEqualTo("1970-01-01T00:00:04Z");
        });
    }

    @Test
    void the_history_is_every_alert_sorted_by_region_and_objective_each_in_the_order_emitted() {
        assertThat(ApiRows.alerts(TOPIC, null, null, false)).extracting(a -> a.region() + " " + a.month() + " " + a.kind())
                .containsExactly("11 2021-05 RAISED", "11 2021-06 CLEARED", "84 2021-05 RAISED", "84 2021-06 RAISED");
        assertThat(ApiRows.alerts(TOPIC, "11", null, false)).hasSize(2).allMatch(a -> !a.open());
        assertThat(ApiRows.alerts(TOPIC, null, "GLOBAL", false)).hasSize(2);
        assertThat(ApiRows.alerts(TOPIC, "84", "PE", false)).isEmpty();
    }
}
