package fr.ais.consolidation.topology;

import static fr.ais.consolidation.topology.Events.imilo;
import static fr.ais.consolidation.topology.Events.ouiform;
import static fr.ais.consolidation.topology.Events.pe;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC §4 rule 3: same person. */
class Rule3SamePersonTest {

    private final ConsolidationDriver pipeline = new ConsolidationDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void two_records_of_one_session_sharing_an_identifier_are_the_same_prescription() {
        pipeline.send(pe("AIS1").de("1").build(), imilo("IM1").milo("M1").de("1").build());

        assertThat(pipeline.consolidated()).hasSize(1);
    }

    @Test
    void the_same_value_under_another_identifier_type_is_not_shared() {
        pipeline.send(pe("AIS1").de("123").build(), ouiform("OF1").milo("123").build());

        assertThat(pipeline.consolidated()).hasSize(2);
    }

    @Test
    void it_is_transitive_A_B_and_B_C_make_one_prescription_even_when_A_and_C_share_nothing() {
        pipeline.send(
                pe("AIS1").de("1").build(),
                ouiform("OF1").milo("M1").build(),
                imilo("IM1").de("1").milo("M1").build());

        assertThat(pipeline.single().getMembers()).extracting(m -> m.getSourceKey())
                .containsExactly("AIS1", "IM1", "OF1");
    }

    @Test
    void records_of_different_sessions_are_never_merged() {
        pipeline.send(pe("AIS1").de("1").session("S1").build(), imilo("IM1").de("1").milo("M").session("S2").build());

        assertThat(pipeline.consolidated()).hasSize(2);
    }

    @Test
    void several_records_of_one_source_can_fall_in_one_group_they_are_duplicates_too() {
        pipeline.send(pe("AIS1").de("1").build(), pe("AIS2").de("1").build());

        assertThat(pipeline.single().getMembers()).hasSize(2);
        assertThat(pipeline.aggregates()).containsValue(1L);
    }

    @Test
    void a_bridge_record_merges_two_groups_and_when_it_leaves_the_group_splits_back() {
        pipeline.send(pe("AIS1").de("1").build(), ouiform("OF1").milo("M1").build());
        assertThat(pipeline.consolidated()).hasSize(2);

        pipeline.send(imilo("IM1").de("1").milo("M1").build());
        assertThat(pipeline.consolidated()).hasSize(1);
        assertThat(pipeline.aggregates().values()).containsExactly(1L);

        pipeline.send(imilo("IM1").de("1").milo("M1").session("OTHER").at("2021-03-09T10:00:00Z").build());
        assertThat(pipeline.consolidated().keySet())
                .containsExactlyInAnyOrder("S1/PE/AIS1", "S1/OUIFORM/OF1", "OTHER/IMILO/IM1");
    }

    @Test
    void the_group_id_does_not_depend_on_the_arrival_order() {
        var a = pe("AIS9").de("1").build();
        var b = imilo("IM1").de("1").milo("M").build();
        String forward;
        try (ConsolidationDriver other = new ConsolidationDriver()) {
            forward = other.send(a, b).single().getGroupId();
        }
        assertThat(pipeline.send(b, a).single().getGroupId()).isEqualTo(forward).isEqualTo("S1/PE/AIS9");
    }
}
