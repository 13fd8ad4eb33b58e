package fr.ais.consolidation.topology;

import static fr.ais.consolidation.topology.Events.pe;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.schemas.Network;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC §4 rule 4: one count; the representative of each source. */
class Rule4OneCountTest {

    private final ConsolidationDriver pipeline = new ConsolidationDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void each_group_with_at_least_one_live_record_is_one_consolidated_prescription() {
        pipeline.send(pe("AIS1").de("1").notLive().build(), pe("AIS2").de("1").build());

        assertThat(pipeline.aggregates().values()).containsExactly(1L);
    }

    @Test
    void the_representative_of_a_source_is_its_latest_live_record() {
        pipeline.send(
                pe("AIS1").de("1").at("2021-03-01T10:00:00Z").declares(Network.PE).build(),
                pe("AIS2").de("1").at("2021-03-03T10:00:00Z").declares(Network.ML).build());

        assertThat(pipeline.single().getNetwork()).isEqualTo(Network.ML);
    }

    @Test
    void a_later_record_that_is_not_live_is_not_the_representative() {
        pipeline.send(
                pe("AIS1").de("1").at("2021-03-01T10:00:00Z").declares(Network.PE).build(),
                pe("AIS2").de("1").at("2021-03-03T10:00:00Z").declares(Network.ML).notLive().build());

        assertThat(pipeline.single().getNetwork()).isEqualTo(Network.PE);
    }

    @Test
    void on_equal_timestamps_the_greatest_source_key_is_the_representative() {
        pipeline.send(
                pe("AIS2").de("1").declares(Network.ML).build(),
                pe("AIS1").de("1").declares(Network.PE).build());

        assertThat(pipeline.single().getNetwork()).isEqualTo(Network.ML);
        assertThat(pipeline.single().getRepresentatives()).extracting(r -> r.getSourceKey()).containsExactly("AIS2");
    }
}
