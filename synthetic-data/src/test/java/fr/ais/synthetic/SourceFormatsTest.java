package fr.ais.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ais.schemas.RejectReason;
import fr.ais.synthetic.SpecRecordChecker.Violation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §3 source formats and §3.4 rejected records: every line parses with the expected shape, and exactly the
 * lines the manifest lists as bad break the SPEC, for the reason and field it states.
 */
class SourceFormatsTest {

    @TempDir
    static Path dir;

    static GeneratedDataSet ds;
    static JsonNode manifest;

    @BeforeAll
    static void generate() throws Exception {
        ds = Generator.generate(GeneratorOptions.defaults(dir).withPeople(1500).withSeed(2021));
        manifest = new ObjectMapper().readTree(ds.manifestFile().toFile());
    }

    @Test
    void peHasTheExactHeaderAndFourteenColumnsPerGoodLine() throws Exception {
        List<String> lines = Files.readAllLines(ds.peFile(), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("id_ais;type_mouvement;date_mouvement;identifiant_de;date_naissance;"
                + "numero_session;siret_organisme;date_entree;date_fin;code_region_formation;"
                + "code_structure_prescripteur;type_prescripteur;code_region_prescripteur;financeur");
        assertThat(lines).hasSize(ds.pe().records() + 1);
        // quoting: some values must be quoted (a ';' inside), some plain ones are; some are padded
        assertThat(lines).anyMatch(l -> l.contains(";\"CAP") && l.contains(";ANT"));
        assertThat(lines).anyMatch(l -> l.matches(".*;\"[0-9]{2}\";.*"));
        assertThat(lines).anyMatch(l -> l.contains(" ;") || l.contains("; "));
    }

    @Test
    void peLinesAreExactlyTheManifestsGoodAndBadOnes() throws Exception {
        List<String> lines = Files.readAllLines(ds.peFile(), StandardCharsets.UTF_8);
        assertLinesMatchManifest("pe", lines.subList(1, lines.size()), 2, SpecRecordChecker::checkPe);
    }

    @Test
    void imiloLinesAreExactlyTheManifestsGoodAndBadOnes() throws Exception {
        assertLinesMatchManifest("imilo", Files.readAllLines(ds.imiloFile()), 1, SpecRecordChecker::checkIMilo);
    }

    @Test
    void ouiformLinesAreExactlyTheManifestsGoodAndBadOnes() throws Exception {
        assertLinesMatchManifest("ouiform", Files.readAllLines(ds.ouiformFile()), 1,
                SpecRecordChecker::checkOuiForm);
    }

    @Test
    void goodJsonLinesHaveTheSpecShape() throws Exception {
        JsonNode event = firstGood(Files.readAllLines(ds.imiloFile()), SpecRecordChecker::checkIMilo);
        assertThat(event.fieldNames()).toIterable().contains("horodatage", "typeEvenement", "prescription", "jeune",
                "structure", "formation");
        assertThat(event.get("prescription").get("id").asText()).matches("IM-2021-[0-9]{6}");
        assertThat(event.get("horodatage").asText()).matches("2[0-9-]{9}T[0-9:]{8}[+-][0-9]{2}:[0-9]{2}");

        JsonNode object = firstGood(Files.readAllLines(ds.ouiformFile()), SpecRecordChecker::checkOuiForm);
        assertThat(object.fieldNames()).toIterable().contains("id", "updatedAt", "status", "prescriber",
                "beneficiary", "session");
        assertThat(object.get("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(object.get("updatedAt").asText()).endsWith("Z");
    }

    @Test
    void targetsHave18RegionsTimesThreeObjectives() throws Exception {
        List<String> lines = Files.readAllLines(ds.targetsFile());
        assertThat(lines.get(0)).isEqualTo("annee;code_region;objectif;cible_annuelle;profil_mensuel");
        assertThat(lines).hasSize(1 + 18 * 3);
        Map<String, List<String>> objectivesByRegion = new TreeMap<>();
        boolean someProfile = false;
        boolean someUniform = false;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";", -1);
            assertThat(f).hasSize(5);
            assertThat(f[0]).isEqualTo("2021");
            assertThat(SpecRecordChecker.REGIONS).contains(f[1]);
            assertThat(Integer.parseInt(f[3])).isPositive();
            if (f[4].isEmpty()) {
                someUniform = true;
            } else {
                someProfile = true;
                assertThat(f[4].split("\\|")).hasSize(12).allMatch(w -> Integer.parseInt(w) >= 0);
            }
            objectivesByRegion.computeIfAbsent(f[1], k -> new ArrayList<>()).add(f[2]);
        }
        assertThat(objectivesByRegion).hasSize(18)
                .allSatisfy((region, objectives) -> assertThat(objectives).containsExactly("GLOBAL", "PE", "ML"));
        assertThat(someProfile).isTrue();
        assertThat(someUniform).isTrue();
    }

    @Test
    void sourceKeysAreUniquePerSourceAcrossRecordsOfDifferentPrescriptions() throws Exception {
        List<SourceRecords.Rec> records = SourceRecords.read(ds, StandardCharsets.UTF_8);
        Map<String, String> personOfKey = new TreeMap<>();
        for (SourceRecords.Rec r : records) {
            // every version of one key is about the same person
            String previous = personOfKey.putIfAbsent(r.source() + "|" + r.key(), r.birth().toString());
            assertThat(previous == null || previous.equals(r.birth().toString())).as(r.key()).isTrue();
        }
        assertThat(records).filteredOn(r -> r.source().equals("pe")).allMatch(r -> r.key().matches("AIS-2021-[0-9]{7}"));
    }

    private static JsonNode firstGood(List<String> lines, Function<String, Violation> check) {
        return lines.stream().filter(l -> check.apply(l) == null).findFirst().map(SpecRecordChecker::parse)
                .orElseThrow();
    }

    private static void assertLinesMatchManifest(String file, List<String> dataLines, int firstLineNumber,
                                                 Function<String, Violation> check) {
        JsonNode summary = manifest.get("files").get(file);
        Map<Integer, Violation> expected = new TreeMap<>();
        for (JsonNode bad : summary.get("bad")) {
            expected.put(bad.get("line").asInt(), new Violation(RejectReason.valueOf(bad.get("reason").asText()),
                    bad.get("field").isNull() ? null : bad.get("field").asText()));
        }
        Map<Integer, Violation> actual = new TreeMap<>();
        for (int i = 0; i < dataLines.size(); i++) {
            Violation v = check.apply(dataLines.get(i));
            if (v != null) {
                actual.put(firstLineNumber + i, v);
            }
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(summary.get("records").asInt()).isEqualTo(dataLines.size())
                .isEqualTo(summary.get("goodRecords").asInt() + summary.get("badRecords").asInt());
        assertThat(summary.get("badRecords").asInt()).isEqualTo(expected.size());
    }
}
