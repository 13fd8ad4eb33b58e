package fr.ais.consolidation.topology;

import static fr.ais.consolidation.topology.Events.imilo;
import static fr.ais.consolidation.topology.Events.pe;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.schemas.AgeBand;
import fr.ais.schemas.QualityFlag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §4 rule 8: age band. */
class Rule8AgeBandTest {

    private final ConsolidationDriver pipeline = new ConsolidationDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @ParameterizedTest(name = "age {0} on the entry date is {1}")
    @CsvSource({"15,UNDER_16", "16,AGE_16_25", "25,AGE_16_25", "26,AGE_26_29", "29,AGE_26_29", "30,AGE_30_PLUS"})
    void age_in_full_years_on_the_entry_date_gives_the_band(int age, AgeBand band) {
        pipeline.send(pe("AIS1").de("1").age(age).build());

        assertThat(pipeline.single().getAgeBand()).isEqualTo(band);
    }

    @Test
    void an_ML_prescription_aged_26_or_more_is_kept_and_flagged_ML_AGE_OUT_OF_SCOPE() {
        pipeline.send(imilo("IM1").milo("M").age(26).build());

        assertThat(pipeline.single().getFlags()).containsExactly(QualityFlag.ML_AGE_OUT_OF_SCOPE);
        assertThat(pipeline.aggregates()).containsOnlyKeys("52;2021-03;ML;AGE_26_29");
        assertThat(pipeline.quality().get("52;2021-03").getMlAgeOutOfScope()).isEqualTo(1);
    }

    @Test
    void a_PE_prescription_aged_26_is_not_out_of_scope() {
        pipeline.send(pe("AIS1").de("1").age(26).build());

        assertThat(pipeline.single().getFlags()).isEmpty();
    }
}
