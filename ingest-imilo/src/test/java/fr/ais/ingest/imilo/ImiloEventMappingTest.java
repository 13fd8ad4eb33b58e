package fr.ais.ingest.imilo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.testing.ExportFixture;
import fr.ais.schemas.IdentifierType;
import fr.ais.schemas.Network;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.Source;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("SPEC §3.2 and §4: an I-Milo event becomes a normalised, pseudonymised event")
class ImiloEventMappingTest {

    private static PrescriptionEvent eventOf(String line) throws Exception {
        ParsedRecord record = ImiloExport.EXPORT.readOne(line);
        assertThat(record).isInstanceOf(ParsedRecord.Accepted.class);
        return ((ParsedRecord.Accepted) record).event();
    }

    @Test
    void every_field_of_the_spec_example_is_mapped() throws Exception {
        PrescriptionEvent event = eventOf(ImiloExport.EXAMPLE);
        assertThat(event.getSource()).isEqualTo(Source.IMILO);
        assertThat(event.getSourceKey()).isEqualTo("IM-2021-000001");
        assertThat(event.getVersionTimestamp()).isEqualTo(Instant.parse("2021-03-04T09:15:30Z"));
        assertThat(event.getSourcePosition()).isZero();
        assertThat(event.getLive()).isTrue();
        assertThat(event.getMovementType()).isEqualTo("CREATION");
        assertThat(event.getStatus()).isEqualTo("PRESCRITE");
        assertThat(event.getSessionNumber()).isEqualTo("SE-2021-004512");
        assertThat(event.getPersonIds()).containsExactly(
                ExportFixture.PSEUDONYMIZER.pseudonymise(IdentifierType.MILO, "4410023"),
                ExportFixture.PSEUDONYMIZER.pseudonymise(IdentifierType.DE, "1234567A"));
        assertThat(event.getEntryDate()).isEqualTo(LocalDate.of(2021, 3, 15));
        assertThat(event.getEndDate()).isEqualTo(LocalDate.of(2021, 6, 30));
        assertThat(event.getAgeAtEntry()).isEqualTo(17);
        assertThat(event.getDeclaredNetwork()).isEqualTo(Network.ML);
        assertThat(event.getPePrescriberNotFilled()).isFalse();
        assertThat(event.getPrescriberType()).isNull();
        assertThat(event.getPrescriberRegion()).isEqualTo("52");
        assertThat(event.getTrainingRegion()).isEqualTo("52");
        assertThat(event.getStructureCode()).isEqualTo("ML44012");
        assertThat(event.getProviderSiret()).isEqualTo("12345678900011");
        assertThat(event.getFinancer()).isNull();
        assertThat(event.getSourceEventId()).isEqualTo("E-000001");
        assertThat(event.getOrigin()).isEqualTo(ImiloExport.FILE);
    }

    @ParameterizedTest(name = "typeEvenement {0}, statut {1} -> live {2}")
    @CsvSource({
            "CREATION, PRESCRITE, true", "MODIFICATION, ENTREE, true", "MODIFICATION, ABANDON, true",
            "SUPPRESSION, PRESCRITE, false", "MODIFICATION, ANNULEE, false", "SUPPRESSION, ANNULEE, false"})
    void rule_2_a_suppression_or_an_annulee_is_not_live(String type, String status, boolean live) throws Exception {
        var root = ImiloExport.EXPORT.example();
        root.put("typeEvenement", type);
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("prescription")).put("statut", status);
        assertThat(eventOf(root.toString()).getLive()).isEqualTo(live);
    }

    @Test
    void rule_3_identifiers_are_normalised_and_typed() throws Exception {
        var root = ImiloExport.EXPORT.example();
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("jeune")).put("idMilo", " 4410023 ");
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("jeune")).put("identifiantPE", "1234567a");
        assertThat(eventOf(root.toString()).getPersonIds()).isEqualTo(eventOf(ImiloExport.EXAMPLE).getPersonIds());
    }

    @Test
    void rule_3_no_break_spaces_are_trimmed_like_any_white_space_as_they_are_removed_from_session_numbers()
            throws Exception {
        var root = ImiloExport.EXPORT.example();
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("jeune")).put("idMilo", "\u00a04410023\u202f");
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("jeune")).put("identifiantPE", "1234567A\u00a0");
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("structure")).put("codeRegion", "\u00a052");
        PrescriptionEvent event = eventOf(root.toString());
        assertThat(event.getPersonIds()).isEqualTo(eventOf(ImiloExport.EXAMPLE).getPersonIds());
        assertThat(event.getPrescriberRegion()).isEqualTo("52");
    }

    @Test
    void the_horodatage_offset_is_honoured() throws Exception {
        assertThat(eventOf(ImiloExport.EXPORT.with("horodatage", "2021-07-04T10:15:30+02:00")).getVersionTimestamp())
                .isEqualTo(Instant.parse("2021-07-04T08:15:30Z"));
        assertThat(eventOf(ImiloExport.EXPORT.with("horodatage", "2021-07-04T08:15:30Z")).getVersionTimestamp())
                .isEqualTo(Instant.parse("2021-07-04T08:15:30Z"));
    }

    @Test
    void session_number_and_key_are_normalised() throws Exception {
        var root = ImiloExport.EXPORT.example();
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("formation")).put("numeroSession", " se 2021 004512 ");
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("prescription")).put("id", " im-2021-000001 ");
        PrescriptionEvent event = eventOf(root.toString());
        assertThat(event.getSessionNumber()).isEqualTo("SE2021004512");
        assertThat(event.getSourceKey()).isEqualTo("IM-2021-000001");
    }

    @ParameterizedTest(name = "born {0}, entry 2021-03-15 -> {1}")
    @CsvSource({"1995-03-15, 26", "1995-03-16, 25", "2005-03-15, 16", "2005-03-16, 15"})
    void rule_8_age_is_in_full_years_on_the_entry_date(String birth, int age) throws Exception {
        assertThat(eventOf(ImiloExport.EXPORT.with("jeune.dateNaissance", birth)).getAgeAtEntry()).isEqualTo(age);
    }

    @Test
    void neither_raw_identifier_nor_birth_date_is_in_the_serialized_event() throws Exception {
        PrescriptionEvent event = eventOf(ImiloExport.EXAMPLE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(PrescriptionEvent.class).write(event, encoder);
        encoder.flush();
        String bytes = out.toString(StandardCharsets.ISO_8859_1);
        assertThat(bytes).contains("IM-2021-000001").doesNotContain(ImiloExport.MILO_ID, ImiloExport.PE_ID, ImiloExport.BIRTH);
        assertThat(event.toString()).doesNotContain(ImiloExport.MILO_ID, ImiloExport.PE_ID, ImiloExport.BIRTH);
        LocalDate birth = LocalDate.parse(ImiloExport.BIRTH);
        for (int i = 0; i < event.getSchema().getFields().size(); i++) {
            assertThat(event.get(i)).isNotEqualTo(birth).isNotEqualTo(birth.toEpochDay());
        }
    }
}
