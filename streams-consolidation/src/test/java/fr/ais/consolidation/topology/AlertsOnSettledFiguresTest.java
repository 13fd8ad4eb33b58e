package fr.ais.consolidation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.consolidation.progress.ProgressCalculator;
import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.InMemorySchemaRegistry;
import fr.ais.registry.WireFormatSerdeFactory;
import fr.ais.schemas.Alert;
import fr.ais.schemas.AlertKind;
import fr.ais.schemas.Objective;
import fr.ais.schemas.Progress;
import fr.ais.schemas.ProgressStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §5: an alert compares settled figures, and carries the figures of the row it compared. In a
 * running application the progress rows reach the alert stage in bursts, one per upstream commit
 * (1 s here), and the parts of one update in different bursts; a refresh interval shorter than that
 * (200 ms here) must not take the quiet between two bursts for settled figures (issue 14, item 7).
 */
class AlertsOnSettledFiguresTest {

    private static final Duration REFRESH = Duration.ofMillis(200);
    private static final Duration COMMIT = Duration.ofSeconds(1);

    private final ConsolidationDriver pipeline = new ConsolidationDriver(new ConsolidationConfig(TopicCatalogue.DEFAULT,
            new ProgressSettings(new ProgressCalculator(1.0, 0.9), () -> LocalDate.parse("2021-04-15"), REFRESH)));

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void the_quiet_between_two_bursts_of_one_update_is_no_settled_figure() {
        // the targets got here first: no entry yet against March's 3 due (BEHIND)
        pipeline.rowsReachingTheAlertStage(march(0, ProgressStatus.BEHIND));
        advance(COMMIT.minus(REFRESH)); // four checks before the next upstream commit

        pipeline.rowsReachingTheAlertStage(march(3, ProgressStatus.ON_TRACK)); // the entries, a commit later
        advance(Duration.ofSeconds(10));

        assertThat(pipeline.alerts()).as("settled ON_TRACK: the transient BEHIND raised nothing").isEmpty();
    }

    @Test
    void an_alert_carries_the_settled_figures_of_the_row_it_compared() {
        pipeline.rowsReachingTheAlertStage(march(0, ProgressStatus.BEHIND));
        advance(COMMIT.minus(REFRESH));
        pipeline.rowsReachingTheAlertStage(march(1, ProgressStatus.BEHIND));
        advance(Duration.ofSeconds(10));

        assertThat(pipeline.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.getKind()).isEqualTo(AlertKind.RAISED);
            assertThat(alert.getStatus()).isEqualTo(ProgressStatus.BEHIND);
            assertThat(alert.getActualCumulative()).as("the settled figure, not the transient 0").isEqualTo(1);
        });
    }

    @Test
    void a_row_that_stays_still_long_enough_is_compared() {
        pipeline.rowsReachingTheAlertStage(march(0, ProgressStatus.BEHIND));
        advance(Duration.ofSeconds(10));

        assertThat(pipeline.alerts()).extracting(Alert::getKind, Alert::getActualCumulative)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertKind.RAISED, 0L));
    }

    @Test
    void a_row_is_held_still_for_the_refresh_interval_and_for_the_bursts_of_every_repartition_on_the_way() {
        assertThat(AlertProcessor.settleTime(200, 1000)).isEqualTo(5000);
        assertThat(AlertProcessor.settleTime(60_000, 1000)).isEqualTo(60_000);
        assertThat(AlertProcessor.settleTime(200, 3000)).isEqualTo(15_000);
        // a short commit interval does not shorten the wait: under load a commit takes a second anyway
        assertThat(AlertProcessor.settleTime(200, 100)).isEqualTo(5000);
    }

    @Test
    void the_repartitions_on_the_way_to_the_alert_stage_are_those_of_the_topology() {
        TopologyDescription description = ConsolidationTopology.build(new ConsolidationConfig(TopicCatalogue.DEFAULT),
                new WireFormatSerdeFactory(new InMemorySchemaRegistry(), true)).describe();

        assertThat(longestChainOfRepartitionsTo("alerts", description)).isEqualTo(AlertProcessor.REPARTITIONS_TO_ALERTS);
    }

    /** Repartition topics crossed on the longest way from a source topic to the sub-topology of {@code processor}. */
    private static int longestChainOfRepartitionsTo(String processor, TopologyDescription description) {
        Map<TopologyDescription.Subtopology, Set<String>> reads = new HashMap<>();
        Map<TopologyDescription.Subtopology, Set<String>> writes = new HashMap<>();
        TopologyDescription.Subtopology target = null;
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source) {
                    reads.computeIfAbsent(sub, s -> new HashSet<>()).addAll(source.topicSet());
                } else if (node instanceof TopologyDescription.Sink sink) {
                    writes.computeIfAbsent(sub, s -> new HashSet<>()).add(sink.topic());
                }
                if (node.name().equals(processor)) {
                    target = sub;
                }
            }
        }
        return depth(target, reads, writes);
    }

    private static int depth(TopologyDescription.Subtopology sub, Map<TopologyDescription.Subtopology, Set<String>> reads,
            Map<TopologyDescription.Subtopology, Set<String>> writes) {
        int deepest = 0;
        for (Map.Entry<TopologyDescription.Subtopology, Set<String>> upstream : writes.entrySet()) {
            boolean feeds = upstream.getValue().stream().anyMatch(t -> reads.getOrDefault(sub, Set.of()).contains(t));
            if (feeds && upstream.getKey() != sub) {
                deepest = Math.max(deepest, 1 + depth(upstream.getKey(), reads, writes));
            }
        }
        return deepest;
    }

    private void advance(Duration duration) {
        for (long waited = 0; waited < duration.toMillis(); waited += REFRESH.toMillis()) {
            pipeline.advanceWallClock(REFRESH);
        }
    }

    private static Progress march(long actual, ProgressStatus status) {
        return Progress.newBuilder().setRegion("52").setYear(2021).setMonth(3).setObjective(Objective.GLOBAL)
                .setActualCumulative(actual).setTargetCumulative(3.0).setRatio(actual / 3.0).setStatus(status)
                .setProvisional(true).build();
    }
}
