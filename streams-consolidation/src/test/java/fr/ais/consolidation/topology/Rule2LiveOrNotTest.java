package fr.ais.consolidation.topology;

import static fr.ais.consolidation.topology.Events.imilo;
import static fr.ais.consolidation.topology.Events.ouiform;
import static fr.ais.consolidation.topology.Events.pe;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC §4 rule 2: live or not. */
class Rule2LiveOrNotTest {

    private final ConsolidationDriver pipeline = new ConsolidationDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void records_that_are_not_live_are_not_counted() {
        pipeline.send(pe("AIS1").de("1").notLive().build(), ouiform("OF1").de("2").notLive().build());

        assertThat(pipeline.consolidated()).isEmpty();
        assertThat(pipeline.aggregates()).isEmpty();
    }

    @Test
    void a_cancellation_retracts_the_prescription_from_its_aggregate() {
        pipeline.send(pe("AIS1").de("1").build());
        assertThat(pipeline.aggregates()).hasSize(1);

        pipeline.send(pe("AIS1").de("1").notLive().at("2021-03-02T10:00:00Z").build());

        assertThat(pipeline.consolidated()).isEmpty();
        assertThat(pipeline.aggregates()).isEmpty();
        assertThat(pipeline.quality()).isEmpty();
    }

    @Test
    void records_that_are_not_live_still_carry_identity_links() {
        pipeline.send(
                pe("AIS1").de("1").build(),
                imilo("IM1").de("1").milo("M1").notLive().build(),
                ouiform("OF1").milo("M1").build());

        assertThat(pipeline.single().getMembers()).hasSize(3);
    }
}
