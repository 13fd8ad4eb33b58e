package fr.ais.consolidation.topology;

import static fr.ais.consolidation.topology.Events.imilo;
import static fr.ais.consolidation.topology.Events.pe;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC §4 rule 7: region. */
class Rule7RegionTest {

    private final ConsolidationDriver pipeline = new ConsolidationDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void the_region_is_the_prescriber_region_of_the_representative_that_gave_the_network() {
        pipeline.send(
                pe("AIS1").de("1").prescriberRegion("53").trainingRegion("53").build(),
                imilo("IM1").de("1").milo("M").prescriberRegion("11").trainingRegion("24").build());

        assertThat(pipeline.single().getRegion()).isEqualTo("11");
    }

    @Test
    void or_the_training_region_when_the_prescriber_region_is_empty() {
        pipeline.send(imilo("IM1").milo("M").trainingRegion("24").build());

        assertThat(pipeline.single().getRegion()).isEqualTo("24");
    }

    @Test
    void when_the_network_is_UNKNOWN_the_pe_representative_region_with_the_same_fallback() {
        pipeline.send(pe("AIS1").de("1").prescriberNotFilled().trainingRegion("93").build());
        assertThat(pipeline.single().getRegion()).isEqualTo("93");

        pipeline.send(pe("AIS1").de("1").prescriberNotFilled().prescriberRegion("75").at("2021-03-02T10:00:00Z").build());
        assertThat(pipeline.single().getRegion()).isEqualTo("75");
        assertThat(pipeline.aggregates()).containsOnlyKeys("75;2021-03;UNKNOWN;AGE_16_25");
    }
}
