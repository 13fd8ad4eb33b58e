package fr.ais.consolidation.serving;

import fr.ais.consolidation.progress.LateEntries;
import java.time.LocalDate;
import java.util.List;

/**
 * What the pilots' view reads from topics rather than from the consolidation's stores: the alerts as they
 * were raised and cleared, when each source record was first keyed in (the late-entry lags), and how fresh each source is.
 * Every instance follows the topics whole, so none of this is fanned out.
 */
public interface FollowedTopics {

    /** Every alert on {@code ais.alerts}, in the order they were emitted. */
    List<AlertEvent> alerts();

    /**
     * The lags at {@code asOf}: of the records seen, and of {@code consolidated}, each keyed in when its earliest
     * record was.
     */
    LateEntries lateEntries(List<FigureQueries.EntryRow> consolidated, LocalDate asOf);

    /** Per source, its latest version time and its connector's latest checkpoint. */
    List<SourceFreshness> freshness();

    /** Nothing followed (a server without Kafka, in tests of other parts). */
    FollowedTopics NONE = new FollowedTopics() {
        @Override
        public List<AlertEvent> alerts() {
            return List.of();
        }

        @Override
        public LateEntries lateEntries(List<FigureQueries.EntryRow> consolidated, LocalDate asOf) {
            return LateEntries.observedOn(List.of(), List.of(), asOf);
        }

        @Override
        public List<SourceFreshness> freshness() {
            return List.of();
        }
    };

    /**
     * An alert of {@code ais.alerts}.
     *
     * @param emittedAt when it was emitted (epoch ms, the record's timestamp)
     */
    record AlertEvent(String region, String objective, int year, int month, String kind, String previousStatus,
            String status, long actualCumulative, double targetCumulative, Double ratio, long emittedAt) {
    }

    /**
     * @param source         "pe", "imilo", "ouiform"
     * @param records        source records seen
     * @param latestVersion  greatest version time of its events (epoch ms), null when none
     * @param latestIngestion latest checkpoint its connector wrote (epoch ms), null when none
     */
    record SourceFreshness(String source, long records, Long latestVersion, Long latestIngestion) {
    }
}
