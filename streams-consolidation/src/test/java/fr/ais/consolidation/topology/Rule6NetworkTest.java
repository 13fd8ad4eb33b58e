package fr.ais.consolidation.topology;

import static fr.ais.consolidation.topology.Events.imilo;
import static fr.ais.consolidation.topology.Events.ouiform;
import static fr.ais.consolidation.topology.Events.pe;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.schemas.Network;
import fr.ais.schemas.QualityCounts;
import fr.ais.schemas.QualityFlag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC §4 rule 6: network and quality flags. */
class Rule6NetworkTest {

    private final ConsolidationDriver pipeline = new ConsolidationDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void the_consolidated_network_is_the_first_declaration_in_the_order_imilo_ouiform_pe() {
        pipeline.send(
                pe("AIS1").de("1").declares(Network.PE).build(),
                ouiform("OF1").de("1").declares(Network.OTHER).build(),
                imilo("IM1").de("1").milo("M").build());

        assertThat(pipeline.single().getNetwork()).isEqualTo(Network.ML);
        assertThat(pipeline.single().getFlags()).containsExactly(QualityFlag.ATTRIBUTION_CONFLICT);
    }

    @Test
    void ouiform_comes_before_pe() {
        pipeline.send(pe("AIS1").de("1").declares(Network.PE).build(), ouiform("OF1").de("1").declares(Network.PE).build());

        assertThat(pipeline.single().getNetwork()).isEqualTo(Network.PE);
        assertThat(pipeline.single().getFlags()).isEmpty();
    }

    @Test
    void none_is_UNKNOWN_flagged_PE_PRESCRIBER_NOT_FILLED_and_UNATTRIBUTED() {
        pipeline.send(pe("AIS1").de("1").prescriberNotFilled().build());

        assertThat(pipeline.single().getNetwork()).isEqualTo(Network.UNKNOWN);
        assertThat(pipeline.single().getFlags())
                .containsExactly(QualityFlag.PE_PRESCRIBER_NOT_FILLED, QualityFlag.UNATTRIBUTED);
    }

    @Test
    void ATTRIBUTION_INFERRED_when_pe_is_not_filled_and_the_network_was_still_found_from_another_source() {
        pipeline.send(pe("AIS1").de("1").prescriberNotFilled().build(), ouiform("OF1").de("1").declares(Network.ML).build());

        assertThat(pipeline.single().getNetwork()).isEqualTo(Network.ML);
        assertThat(pipeline.single().getFlags())
                .containsExactly(QualityFlag.PE_PRESCRIBER_NOT_FILLED, QualityFlag.ATTRIBUTION_INFERRED);
    }

    @Test
    void INFERRED_and_CONFLICT_together_when_the_other_sources_disagree() {
        pipeline.send(
                pe("AIS1").de("1").prescriberNotFilled().build(),
                ouiform("OF1").de("1").declares(Network.PE).build(),
                imilo("IM1").de("1").milo("M").build());

        assertThat(pipeline.single().getFlags()).containsExactly(QualityFlag.PE_PRESCRIBER_NOT_FILLED,
                QualityFlag.ATTRIBUTION_INFERRED, QualityFlag.ATTRIBUTION_CONFLICT);
    }

    @Test
    void an_empty_pe_field_is_not_a_declaration_so_it_is_no_conflict() {
        pipeline.send(pe("AIS1").de("1").prescriberNotFilled().build(), imilo("IM1").de("1").milo("M").build());

        assertThat(pipeline.single().getFlags()).doesNotContain(QualityFlag.ATTRIBUTION_CONFLICT);
    }

    @Test
    void the_flags_are_counted_in_the_quality_figures_of_the_region_and_month() {
        pipeline.send(
                pe("AIS1").de("1").prescriberNotFilled().build(),
                pe("AIS2").de("2").prescriberNotFilled().build(),
                imilo("IM2").de("2").milo("M").build(),
                pe("AIS3").de("3").build());

        QualityCounts counts = pipeline.quality().get("52;2021-03");
        assertThat(counts.getPrescriptions()).isEqualTo(3);
        assertThat(counts.getPePrescriberNotFilled()).isEqualTo(2);
        assertThat(counts.getAttributionInferred()).isEqualTo(1);
        assertThat(counts.getUnattributed()).isEqualTo(1);
        assertThat(counts.getAttributionConflict()).isZero();
    }
}
