package fr.ais.consolidation.topology;

import static fr.ais.consolidation.topology.Events.imilo;
import static fr.ais.consolidation.topology.Events.pe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.ais.consolidation.export.Exports;
import fr.ais.consolidation.progress.ProgressCalculator;
import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.schemas.AgeBand;
import fr.ais.schemas.AggregateKey;
import fr.ais.schemas.Alert;
import fr.ais.schemas.AlertKind;
import fr.ais.schemas.Network;
import fr.ais.schemas.Objective;
import fr.ais.schemas.Progress;
import fr.ais.schemas.ProgressKey;
import fr.ais.schemas.ProgressStatus;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.Target;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC §5: progress per region, year, month and objective, and the alerts on the latest closed month. */
class ProgressAndAlertsTest {

    private static final Duration REFRESH = Duration.ofMinutes(1);

    /** The as-of date, as the wall clock would move it. */
    private final AtomicReference<LocalDate> asOf = new AtomicReference<>(LocalDate.parse("2021-04-15"));
    private final ProgressCalculator calculator = new ProgressCalculator(1.0, 0.9);
    private final ConsolidationDriver pipeline = new ConsolidationDriver(new ConsolidationConfig(TopicCatalogue.DEFAULT,
            new ProgressSettings(calculator, asOf::get, REFRESH)));

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void each_target_line_has_a_row_per_month_from_January_to_the_as_of_month_zero_actuals_included() {
        pipeline.targets(target(Objective.GLOBAL, 120), target(Objective.PE, 12), target(Objective.ML, 24));

        Map<String, Progress> rows = pipeline.progress();

        assertThat(rows).hasSize(3 * 4).containsKeys("52;2021;1;GLOBAL", "52;2021;4;ML").doesNotContainKey("52;2021;5;PE");
        Progress april = rows.get("52;2021;4;GLOBAL");
        assertThat(april.getActualCumulative()).isZero();
        assertThat(april.getTargetCumulative()).isCloseTo(40.0, within(1e-9));
        assertThat(april.getRatio()).isZero();
        assertThat(april.getStatus()).isEqualTo(ProgressStatus.BEHIND);
    }

    @Test
    void the_actual_is_cumulated_since_January_within_the_objectives_scope() {
        pipeline.targets(target(Objective.GLOBAL, 120), target(Objective.PE, 12), target(Objective.ML, 24));
        pipeline.send(
                pe("P1").de("1").session("S1").entry("2021-01-10").build(),
                pe("P2").de("2").session("S2").entry("2021-01-20").build(),
                imilo("M1").milo("1").session("S3").entry("2021-02-05").build(),
                imilo("M2").milo("2").session("S4").entry("2021-02-06").age(26).build(),
                pe("P3").de("3").session("S5").entry("2021-03-01").age(31).build());

        Map<String, Progress> rows = pipeline.progress();

        assertThat(rows.get("52;2021;1;GLOBAL").getActualCumulative()).isEqualTo(2);
        assertThat(rows.get("52;2021;2;GLOBAL").getActualCumulative()).as("ML aged 26 is under 30").isEqualTo(4);
        assertThat(rows.get("52;2021;3;GLOBAL").getActualCumulative()).as("aged 31 is out of every scope").isEqualTo(4);
        assertThat(rows.get("52;2021;4;PE").getActualCumulative()).isEqualTo(2);
        assertThat(rows.get("52;2021;4;ML").getActualCumulative()).as("ML counts ages 16 to 25").isEqualTo(1);
    }

    @Test
    void a_late_record_updates_the_past_months_it_belongs_to() {
        pipeline.targets(target(Objective.ML, 24));
        pipeline.send(imilo("M1").milo("1").session("S1").entry("2021-03-05").build());
        assertThat(pipeline.progress().get("52;2021;2;ML").getActualCumulative()).isZero();

        pipeline.send(imilo("M2").milo("2").session("S2").entry("2021-01-05").at("2021-04-10T08:00:00Z").build());

        Map<String, Progress> rows = pipeline.progress();
        assertThat(rows.get("52;2021;1;ML").getActualCumulative()).isEqualTo(1);
        assertThat(rows.get("52;2021;2;ML").getActualCumulative()).isEqualTo(1);
        assertThat(rows.get("52;2021;4;ML").getActualCumulative()).isEqualTo(2);
    }

    @Test
    void a_corrected_targets_line_replaces_the_previous_one() {
        pipeline.targets(target(Objective.GLOBAL, 120));
        pipeline.targets(target(Objective.GLOBAL, 240));

        assertThat(pipeline.progress().get("52;2021;2;GLOBAL").getTargetCumulative()).isCloseTo(40.0, within(1e-9));
    }

    @Test
    void a_zero_cumulative_target_has_no_ratio_and_is_ON_TRACK() {
        pipeline.targets(new Target(2021, "52", Objective.PE, 100.0,
                List.of(0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0)));

        Progress february = pipeline.progress().get("52;2021;2;PE");
        assertThat(february.getRatio()).isNull();
        assertThat(february.getStatus()).isEqualTo(ProgressStatus.ON_TRACK);
    }

    @Test
    void months_stay_provisional_until_the_end_of_the_second_following_month_and_the_as_of_date_moves_with_the_calendar() {
        pipeline.targets(target(Objective.GLOBAL, 120));
        assertThat(pipeline.progress().get("52;2021;1;GLOBAL").getProvisional()).isFalse();
        assertThat(pipeline.progress().get("52;2021;2;GLOBAL").getProvisional()).isTrue();

        asOf.set(LocalDate.parse("2021-05-01"));
        pipeline.advanceWallClock(REFRESH);

        Map<String, Progress> rows = pipeline.progress();
        assertThat(rows).containsKey("52;2021;5;GLOBAL");
        assertThat(rows.get("52;2021;2;GLOBAL").getProvisional()).isFalse();
        assertThat(rows.get("52;2021;3;GLOBAL").getProvisional()).isTrue();
    }

    @Test
    void an_alert_is_raised_when_the_latest_closed_months_status_worsens_and_cleared_when_it_recovers() {
        pipeline.targets(target(Objective.GLOBAL, 12));
        settle();

        assertThat(pipeline.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.getKind()).isEqualTo(AlertKind.RAISED);
            assertThat(alert.getMonth()).as("March is the latest closed month on April 15").isEqualTo(3);
            assertThat(alert.getPreviousStatus()).isNull();
            assertThat(alert.getStatus()).isEqualTo(ProgressStatus.BEHIND);
        });

        pipeline.send(entries(3, "2021-02-01"));
        settle();

        assertThat(pipeline.alerts()).hasSize(2).last().satisfies(alert -> {
            assertThat(alert.getKind()).isEqualTo(AlertKind.CLEARED);
            assertThat(alert.getPreviousStatus()).isEqualTo(ProgressStatus.BEHIND);
            assertThat(alert.getStatus()).isEqualTo(ProgressStatus.ON_TRACK);
            assertThat(alert.getActualCumulative()).isEqualTo(3);
        });
    }

    @Test
    void a_worse_status_raises_again_and_a_partial_recovery_is_recorded_silently() {
        pipeline.targets(target(Objective.GLOBAL, 120)); // 30 due by the end of March
        List<PrescriptionEvent> entries = entries(27, "2021-03-01");
        pipeline.send(entries);
        settle();
        assertThat(pipeline.alerts()).extracting(Alert::getKind, Alert::getStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertKind.RAISED, ProgressStatus.AT_RISK));

        PrescriptionEvent first = entries.get(0);
        pipeline.send(pe(first.getSourceKey()).de("0").session(first.getSessionNumber()).entry("2021-03-01")
                .at("2021-04-01T00:00:00Z").notLive().build());
        settle();
        assertThat(pipeline.alerts()).hasSize(2).last().satisfies(alert -> {
            assertThat(alert.getKind()).isEqualTo(AlertKind.RAISED);
            assertThat(alert.getPreviousStatus()).isEqualTo(ProgressStatus.AT_RISK);
            assertThat(alert.getStatus()).isEqualTo(ProgressStatus.BEHIND);
        });

        pipeline.send(pe(first.getSourceKey()).de("0").session(first.getSessionNumber()).entry("2021-03-01")
                .at("2021-04-02T00:00:00Z").build());
        settle();
        assertThat(pipeline.alerts()).as("BEHIND to AT_RISK is no recovery yet").hasSize(2);
    }

    @Test
    void input_delivered_twice_raises_no_duplicate_alert() {
        Target target = target(Objective.GLOBAL, 12);
        List<PrescriptionEvent> entries = entries(1, "2021-01-15");
        pipeline.targets(target).send(entries);
        settle();
        List<Alert> once = List.copyOf(pipeline.alerts());

        pipeline.targets(target).send(entries);
        settle();

        assertThat(once).hasSize(1);
        assertThat(pipeline.alerts()).isEqualTo(once);
    }

    @Test
    void each_alert_is_counted_once_for_the_metrics_by_the_stage_that_emits_it() {
        Target target = target(Objective.GLOBAL, 12);
        pipeline.targets(target);
        settle();
        pipeline.send(entries(3, "2021-02-01"));
        settle();
        pipeline.targets(target).send(entries(3, "2021-02-01")); // delivered twice: nothing new
        settle();

        assertThat(pipeline.alerts()).extracting(Alert::getKind).containsExactly(AlertKind.RAISED, AlertKind.CLEARED);
        assertThat(pipeline.alertCounts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "52|GLOBAL|RAISED", 1L, "52|GLOBAL|CLEARED", 1L));
    }

    @Test
    void a_bulk_load_raises_nothing_until_the_rows_have_settled() {
        pipeline.targets(target(Objective.GLOBAL, 12)); // BEHIND with nothing entered yet
        pipeline.advanceWallClock(REFRESH);
        assertThat(pipeline.alerts()).as("the row moved during the interval").isEmpty();

        pipeline.send(entries(3, "2021-02-01")); // the rest of the load: ON_TRACK
        pipeline.advanceWallClock(REFRESH);
        assertThat(pipeline.alerts()).isEmpty();

        pipeline.advanceWallClock(REFRESH).advanceWallClock(REFRESH);
        assertThat(pipeline.alerts()).as("settled ON_TRACK: the transient BEHIND never raised").isEmpty();
    }

    @Test
    void every_year_of_a_region_goes_to_the_task_holding_its_last_statuses() {
        ProgressKey december = new ProgressKey("52", 2021, 12, Objective.GLOBAL);
        ProgressKey january = new ProgressKey("52", 2022, 1, Objective.GLOBAL);
        for (int partitions : List.of(1, 4, 12, 50)) {
            assertThat(ProgressStage.byRegion("alerts", january, null, partitions))
                    .isEqualTo(ProgressStage.byRegion("alerts", december, null, partitions));
        }
        Set<Integer> used = new java.util.HashSet<>();
        for (String region : List.of("01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52")) {
            used.addAll(ProgressStage.byRegion("alerts", new ProgressKey(region, 2021, 1, Objective.ML), null, 4).orElseThrow());
        }
        assertThat(used).as("the regions spread over the tasks").hasSizeGreaterThan(1);
    }

    @Test
    void the_progress_rows_are_those_of_the_progress_export() {
        List<Target> targets = List.of(target(Objective.GLOBAL, 120), target(Objective.PE, 12), target(Objective.ML, 24),
                new Target(2021, "11", Objective.GLOBAL, 50.0, List.of()));
        pipeline.targets(targets.toArray(Target[]::new));
        pipeline.send(entries(5, "2021-02-10"));
        pipeline.send(imilo("M1").milo("1").session("S-M1").entry("2021-04-02").prescriberRegion("11").build());

        Map<AggregateKey, Long> aggregates = new HashMap<>();
        pipeline.aggregates().forEach((row, n) -> {
            String[] f = row.split(";");
            aggregates.put(new AggregateKey(f[0], f[1], Network.valueOf(f[2]), AgeBand.valueOf(f[3])), n);
        });
        assertThat(Exports.progressRows(pipeline.progress().values()))
                .isEqualTo(Exports.progress(aggregates, targets, asOf.get(), calculator))
                .hasSize(4 * 4);
    }

    /** One refresh interval for the rows to settle, one more for the check. */
    private void settle() {
        pipeline.advanceWallClock(REFRESH).advanceWallClock(REFRESH);
    }

    private static Target target(Objective objective, double annual) {
        return new Target(2021, "52", objective, annual, List.of());
    }

    /** {@code n} distinct PE entries in region 52 on {@code date}. */
    private static List<PrescriptionEvent> entries(int n, String date) {
        List<PrescriptionEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(pe("E" + date + "-" + i).de("0").session("S" + date + "-" + i).entry(date).build());
        }
        return events;
    }
}
