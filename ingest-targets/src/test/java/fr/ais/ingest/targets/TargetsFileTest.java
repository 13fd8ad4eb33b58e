package fr.ais.ingest.targets;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.schemas.Objective;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §5 targets file: validated whole, every error with its line, nothing loaded when one is wrong. */
class TargetsFileTest {

    private static final String HEADER = "annee;code_region;objectif;cible_annuelle;profil_mensuel";

    @Test
    void a_valid_file_gives_every_target_uniform_or_with_a_profile() {
        TargetsFile.Parsed parsed = TargetsFile.parse(List.of(HEADER,
                "2021;52;GLOBAL;1200;",
                "2021;52;ML;300.5;1|1|1|1|1|1|1|1|1|1|1|1",
                "2021;11;PE;0;0|0|0|0|0|0|0|0|0|0|0|2"));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.targets()).hasSize(3);
        assertThat(parsed.targets().get(0).getMonthlyProfile()).isEmpty();
        assertThat(parsed.targets().get(1).getObjective()).isEqualTo(Objective.ML);
        assertThat(parsed.targets().get(1).getAnnualTarget()).isEqualTo(300.5);
    }

    @Test
    void every_error_is_listed_with_its_line_and_nothing_is_loaded() {
        TargetsFile.Parsed parsed = TargetsFile.parse(List.of(HEADER,
                "2021;52;GLOBAL;1200;",
                "20x1;52;GLOBAL;1;",
                "2021;99;GLOBAL;1;",
                "2021;52;REGION;1;",
                "2021;52;PE;-5;",
                "2021;52;ML;10;1|2|3",
                "2021;11;ML;10;1|1|1|1|1|1|1|1|1|1|1|x",
                "2021;11;PE;10;0|0|0|0|0|0|0|0|0|0|0|0",
                "2021;52;GLOBAL;1300;",
                "2021;52;GLOBAL"));

        assertThat(parsed.targets()).isEmpty();
        assertThat(parsed.errors()).containsExactly(
                "line 3: annee '20x1' is not a year",
                "line 4: code_region '99' is not one of the 18 INSEE region codes",
                "line 5: objectif 'REGION' must be GLOBAL, PE or ML",
                "line 6: cible_annuelle '-5' must be a non-negative number (dot as decimal separator)",
                "line 7: profil_mensuel must be empty or 12 weights separated by '|', found 3",
                "line 8: profil_mensuel weight 'x' must be a non-negative number (dot as decimal separator)",
                "line 9: profil_mensuel weights must have a positive sum",
                "line 10: duplicate target for 2021 52 GLOBAL (first on line 2)",
                "line 11: expected 5 fields separated by ';', found 3");
    }

    @Test
    void a_wrong_header_is_refused() {
        assertThat(TargetsFile.parse(List.of("year;region;objective;target;profile")).errors())
                .containsExactly("line 1: the header must be '" + HEADER + "'");
    }
}
