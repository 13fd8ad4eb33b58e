package fr.ais.consolidation.topology;

import static fr.ais.consolidation.topology.Events.imilo;
import static fr.ais.consolidation.topology.Events.pe;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC §4 rule 1: latest version per source key. */
class Rule1LatestVersionPerSourceKeyTest {

    private final ConsolidationDriver pipeline = new ConsolidationDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void the_record_with_the_latest_timestamp_replaces_the_earlier_ones_whatever_the_arrival_order() {
        pipeline.send(
                pe("AIS1").de("1").at("2021-03-02T10:00:00Z").prescriberRegion("11").build(),
                pe("AIS1").de("1").at("2021-03-01T10:00:00Z").prescriberRegion("52").build());

        assertThat(pipeline.aggregates()).containsExactly(entry("11;2021-03;PE;AGE_16_25", 1L));
    }

    @Test
    void on_equal_timestamps_the_later_one_in_the_source_order_wins() {
        pipeline.send(
                pe("AIS1").de("1").position(2).prescriberRegion("11").build(),
                pe("AIS1").de("1").position(1).prescriberRegion("52").build());

        assertThat(pipeline.single().getRegion()).isEqualTo("11");
    }

    @Test
    void a_version_delivered_twice_changes_nothing() {
        var v1 = pe("AIS1").de("1").build();
        pipeline.send(v1, v1);

        assertThat(pipeline.aggregates()).containsExactly(entry("52;2021-03;PE;AGE_16_25", 1L));
    }

    @Test
    void a_later_version_that_changes_the_session_number_leaves_its_old_group() {
        pipeline.send(
                pe("AIS1").de("1").session("S1").build(),
                imilo("IM1").de("1").milo("M1").session("S1").build());
        assertThat(pipeline.consolidated()).hasSize(1);

        pipeline.send(pe("AIS1").de("1").session("S2").at("2021-03-05T10:00:00Z").build());

        assertThat(pipeline.consolidated().values())
                .extracting(p -> p.getSessionNumber() + ":" + p.getNetwork())
                .containsExactlyInAnyOrder("S1:ML", "S2:PE");
    }

    @Test
    void the_old_group_splits_when_the_record_that_bridged_it_changes_session() {
        pipeline.send(
                pe("AIS1").de("1").build(),
                imilo("IM1").de("1").milo("M1").build(),
                imilo("IM2").milo("M1").build());
        assertThat(pipeline.consolidated()).hasSize(1);

        pipeline.send(imilo("IM1").de("1").milo("M1").session("S2").at("2021-03-05T10:00:00Z").build());

        assertThat(pipeline.consolidated().keySet())
                .containsExactlyInAnyOrder("S1/PE/AIS1", "S1/IMILO/IM2", "S2/IMILO/IM1");
    }

    @Test
    void the_old_group_disappears_when_its_only_record_changes_session() {
        pipeline.send(pe("AIS1").de("1").session("S1").build());
        pipeline.send(pe("AIS1").de("1").session("S2").at("2021-03-05T10:00:00Z").build());

        assertThat(pipeline.consolidated().keySet()).containsExactly("S2/PE/AIS1");
        assertThat(pipeline.aggregates()).containsExactly(entry("52;2021-03;PE;AGE_16_25", 1L));
    }

    static java.util.Map.Entry<String, Long> entry(String key, long value) {
        return java.util.Map.entry(key, value);
    }
}
