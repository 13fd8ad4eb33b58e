package fr.ais.consolidation.topology;

import static fr.ais.consolidation.topology.Events.imilo;
import static fr.ais.consolidation.topology.Events.ouiform;
import static fr.ais.consolidation.topology.Events.pe;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC §4 rule 5: dates. */
class Rule5DatesTest {

    private final ConsolidationDriver pipeline = new ConsolidationDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void entry_and_birth_date_come_from_the_pe_representative_if_there_is_one() {
        pipeline.send(
                imilo("IM1").de("1").milo("M").entry("2021-04-02").age(25).build(),
                ouiform("OF1").de("1").entry("2021-05-02").age(25).build(),
                pe("AIS1").de("1").entry("2021-03-30").age(26).build());

        assertThat(pipeline.single().getMonth()).isEqualTo("2021-03");
        assertThat(pipeline.single().getAgeAtEntry()).isEqualTo(26);
    }

    @Test
    void else_from_ouiform_else_from_imilo() {
        pipeline.send(imilo("IM1").milo("M").entry("2021-04-02").build());
        assertThat(pipeline.single().getMonth()).isEqualTo("2021-04");

        pipeline.send(ouiform("OF1").milo("M").entry("2021-05-02").build());
        assertThat(pipeline.single().getMonth()).isEqualTo("2021-05");
    }

    @Test
    void a_late_record_moves_the_prescription_to_the_past_month_it_belongs_to() {
        pipeline.send(imilo("IM1").milo("M").de("1").entry("2021-06-01").at("2021-06-01T10:00:00Z").build());
        assertThat(pipeline.aggregates()).containsOnlyKeys("52;2021-06;ML;AGE_16_25");

        // the AIS of that prescription, entered in April, arrives two months late
        pipeline.send(pe("AIS1").de("1").entry("2021-04-01").at("2021-04-01T10:00:00Z").build());

        assertThat(pipeline.aggregates()).containsOnlyKeys("52;2021-04;ML;AGE_16_25");
    }
}
