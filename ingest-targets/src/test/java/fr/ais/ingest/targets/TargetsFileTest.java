package fr.ais.ingest.targets;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.schemas.Objective;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void a_value_holding_a_control_or_invisible_character_is_an_error_not_trimmed() {
        TargetsFile.Parsed parsed = TargetsFile.parse(List.of(HEADER,
                "2021;52\u0000;GLOBAL;1200;",
                "2021;11;\uFEFFPE;10;",
                "2021;11;ML;10;"));
        assertThat(parsed.targets()).isEmpty();
        assertThat(parsed.errors()).containsExactly(
                "line 2: code_region holds U+0000 NULL at character 3: a control or invisible character is part of no value",
                "line 3: objectif holds U+FEFF ZERO WIDTH NO-BREAK SPACE at character 1: a control or invisible character"
                        + " is part of no value");
    }

    @Test
    void a_year_is_four_digits_without_sign() {
        assertThat(TargetsFile.parse(List.of(HEADER, "+2021;52;GLOBAL;1;", "02021;52;PE;1;")).errors()).containsExactly(
                "line 2: annee '+2021' is not a year",
                "line 3: annee '02021' is not a year");
    }

    @Test
    void a_line_that_is_not_utf8_is_an_error_of_its_own_and_the_others_are_still_checked(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("targets.csv");
        Files.write(file, (HEADER + "\r\n2021;52;GLOBAL;1200;\r\n2021;99;M\u00c9;1;\r2021;99;ML;1;\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(TargetsFile.read(file).errors()).containsExactly(
                "line 3: bytes not valid UTF-8 at byte 10 (0xC9)",
                "line 4: code_region '99' is not one of the 18 INSEE region codes");
    }

    @Test
    void a_utf8_byte_order_mark_and_any_line_end_are_read(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("targets.csv");
        Files.write(file, ("\uFEFF" + HEADER + "\r2021;52;GLOBAL;1200;\r\n2021;52;PE;300;").getBytes(StandardCharsets.UTF_8));
        TargetsFile.Parsed parsed = TargetsFile.read(file);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.targets()).hasSize(2);
    }
}
