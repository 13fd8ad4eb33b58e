package fr.ais.consolidation.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** When the application counts as caught up, read from committed and end offsets taken one after the other. */
class CatchUpTest {

    private static final TopicPartition SESSIONS = new TopicPartition("app-members-by-session-repartition", 0);
    private static final TopicPartition AGGREGATES = new TopicPartition("app-aggregates-by-key-repartition", 0);

    /**
     * Before: the session stage has 5 records left; the aggregation has read all 100 deltas there are.
     * After one commit: the session stage is done and wrote 7 more deltas the aggregation has not read.
     */
    private static final Map<TopicPartition, Long> COMMITTED_BEFORE = Map.of(SESSIONS, 45L, AGGREGATES, 100L);
    private static final Map<TopicPartition, Long> ENDS_BEFORE = Map.of(SESSIONS, 50L, AGGREGATES, 100L);
    private static final Map<TopicPartition, Long> COMMITTED_AFTER = Map.of(SESSIONS, 50L, AGGREGATES, 100L);
    private static final Map<TopicPartition, Long> ENDS_AFTER = Map.of(SESSIONS, 50L, AGGREGATES, 107L);

    @Test
    void a_commit_landing_between_the_two_reads_is_not_taken_for_caught_up() {
        CatchUp catchUp = new CatchUp("app", new CommitAfterFirstRead());

        assertThat(catchUp.lag(Duration.ofSeconds(1))).isNotEmpty();
    }

    @Test
    void the_lag_is_what_each_partition_has_left_to_read() {
        CatchUp catchUp = new CatchUp("app", new Fixed(COMMITTED_BEFORE, ENDS_AFTER));

        assertThat(catchUp.lag(Duration.ofSeconds(1))).isEqualTo(Map.of(SESSIONS, 5L, AGGREGATES, 7L));
    }

    @Test
    void a_partition_with_no_committed_offset_has_all_its_records_left() {
        CatchUp catchUp = new CatchUp("app", new Fixed(Map.of(SESSIONS, 50L), ENDS_AFTER));

        assertThat(catchUp.lag(Duration.ofSeconds(1))).isEqualTo(Map.of(AGGREGATES, 107L));
    }

    @Test
    void committed_offsets_at_every_end_are_caught_up() {
        assertThat(new CatchUp("app", new Fixed(ENDS_AFTER, ENDS_AFTER)).caughtUp(Duration.ofSeconds(1))).isTrue();
    }

    /** The broker as seen by two successive reads, with the application committing right after the first. */
    private static final class CommitAfterFirstRead implements CatchUp.Offsets {
        private boolean committedYet;

        @Override
        public Map<TopicPartition, Long> committed(Duration timeout) {
            return read(COMMITTED_BEFORE, COMMITTED_AFTER);
        }

        @Override
        public Map<TopicPartition, Long> ends(Duration timeout) {
            return read(ENDS_BEFORE, ENDS_AFTER);
        }

        private Map<TopicPartition, Long> read(Map<TopicPartition, Long> before, Map<TopicPartition, Long> after) {
            Map<TopicPartition, Long> seen = committedYet ? after : before;
            committedYet = true;
            return seen;
        }
    }

    private record Fixed(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends)
            implements CatchUp.Offsets {
        @Override
        public Map<TopicPartition, Long> committed(Duration timeout) {
            return committed;
        }

        @Override
        public Map<TopicPartition, Long> ends(Duration timeout) {
            return ends;
        }
    }
}
