package fr.ais.ingest.ouiform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.testing.ExportFixture;
import fr.ais.schemas.IdentifierType;
import fr.ais.schemas.Network;
import fr.ais.schemas.PersonId;
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

@DisplayName("SPEC §3.3 and §4: an OuiForm prescription becomes a normalised, pseudonymised event")
class OuiFormEventMappingTest {

    private static final PersonId DE = ExportFixture.PSEUDONYMIZER.pseudonymise(IdentifierType.DE, OuiFormExport.PE_ID);
    private static final PersonId MILO = ExportFixture.PSEUDONYMIZER.pseudonymise(IdentifierType.MILO, OuiFormExport.MILO_ID);

    private static PrescriptionEvent eventOf(String line) throws Exception {
        ParsedRecord record = OuiFormExport.EXPORT.readOne(line);
        assertThat(record).isInstanceOf(ParsedRecord.Accepted.class);
        return ((ParsedRecord.Accepted) record).event();
    }

    @Test
    void every_field_of_the_spec_example_is_mapped() throws Exception {
        PrescriptionEvent event = eventOf(OuiFormExport.EXAMPLE);
        assertThat(event.getSource()).isEqualTo(Source.OUIFORM);
        assertThat(event.getSourceKey()).isEqualTo("7F1C2A9E-0001");
        assertThat(event.getVersionTimestamp()).isEqualTo(Instant.parse("2021-03-04T09:15:30Z"));
        assertThat(event.getSourcePosition()).isZero();
        assertThat(event.getLive()).isTrue();
        assertThat(event.getMovementType()).isNull();
        assertThat(event.getStatus()).isEqualTo("ENTERED");
        assertThat(event.getSessionNumber()).isEqualTo("SE-2021-004512");
        assertThat(event.getPersonIds()).containsExactly(DE, MILO);
        assertThat(event.getEntryDate()).isEqualTo(LocalDate.of(2021, 3, 15));
        assertThat(event.getEndDate()).isEqualTo(LocalDate.of(2021, 6, 30));
        assertThat(event.getAgeAtEntry()).isEqualTo(17);
        assertThat(event.getDeclaredNetwork()).isEqualTo(Network.ML);
        assertThat(event.getPePrescriberNotFilled()).isFalse();
        assertThat(event.getPrescriberType()).isEqualTo("MISSION_LOCALE");
        assertThat(event.getPrescriberRegion()).isEqualTo("52");
        assertThat(event.getTrainingRegion()).isEqualTo("52");
        assertThat(event.getStructureCode()).isEqualTo("ML44012");
        assertThat(event.getProviderSiret()).isEqualTo("12345678900011");
        assertThat(event.getFinancer()).isNull();
        assertThat(event.getSourceEventId()).isNull();
        assertThat(event.getOrigin()).isEqualTo(OuiFormExport.FILE);
    }

    @ParameterizedTest(name = "status {0} -> live {1}")
    @CsvSource({"DRAFT, false", "SENT, true", "ACCEPTED, true", "REFUSED, false", "ENTERED, true", "CANCELLED, false"})
    void rule_2_draft_refused_and_cancelled_are_not_live(String status, boolean live) throws Exception {
        PrescriptionEvent event = eventOf(OuiFormExport.EXPORT.with("status", status));
        assertThat(event.getLive()).isEqualTo(live);
        assertThat(event.getStatus()).isEqualTo(status);
    }

    @ParameterizedTest(name = "prescriber.type {0} -> {1}")
    @CsvSource({"MISSION_LOCALE, ML", "POLE_EMPLOI, PE", "CAP_EMPLOI, OTHER", "CONSEIL_REGIONAL, OTHER", "OTHER, OTHER"})
    void rule_6_the_prescriber_type_declares_the_network(String type, Network network) throws Exception {
        PrescriptionEvent event = eventOf(OuiFormExport.EXPORT.with("prescriber.type", type));
        assertThat(event.getDeclaredNetwork()).isEqualTo(network);
        assertThat(event.getPrescriberType()).isEqualTo(type);
    }

    @Test
    void rule_3_the_person_carries_de_if_present_and_milo_if_present() throws Exception {
        assertThat(eventOf(OuiFormExport.EXPORT.without("beneficiary.miloId")).getPersonIds()).containsExactly(DE);
        assertThat(eventOf(OuiFormExport.EXPORT.with("beneficiary.peIdentifier", null)).getPersonIds()).containsExactly(MILO);
        ObjectNode root = OuiFormExport.EXPORT.example();
        ((ObjectNode) root.get("beneficiary")).put("peIdentifier", " 1234567a ").put("miloId", " 4410023");
        assertThat(eventOf(root.toString()).getPersonIds()).containsExactly(DE, MILO);
    }

    @Test
    void updated_at_may_carry_an_offset() throws Exception {
        assertThat(eventOf(OuiFormExport.EXPORT.with("updatedAt", "2021-03-04T10:15:30+01:00")).getVersionTimestamp())
                .isEqualTo(Instant.parse("2021-03-04T09:15:30Z"));
        assertThat(eventOf(OuiFormExport.EXPORT.with("updatedAt", "2021-03-04T09:15:30.123456Z")).getVersionTimestamp())
                .isEqualTo(Instant.parse("2021-03-04T09:15:30.123456Z"));
    }

    @Test
    void session_number_and_key_are_normalised() throws Exception {
        ObjectNode root = OuiFormExport.EXPORT.example();
        root.put("id", " 7f1c2a9e-0001 ");
        ((ObjectNode) root.get("session")).put("number", "se-2021-\u00a0004512 ");
        PrescriptionEvent event = eventOf(root.toString());
        assertThat(event.getSourceKey()).isEqualTo("7F1C2A9E-0001");
        assertThat(event.getSessionNumber()).isEqualTo("SE-2021-004512");
    }

    @ParameterizedTest(name = "born {0}, entry 2021-03-15 -> {1}")
    @CsvSource({"1995-03-15, 26", "1995-03-16, 25", "1991-03-15, 30", "1991-03-16, 29"})
    void rule_8_age_is_in_full_years_on_the_entry_date(String birth, int age) throws Exception {
        assertThat(eventOf(OuiFormExport.EXPORT.with("beneficiary.birthDate", birth)).getAgeAtEntry()).isEqualTo(age);
    }

    @Test
    void neither_raw_identifier_nor_birth_date_is_in_the_serialized_event() throws Exception {
        PrescriptionEvent event = eventOf(OuiFormExport.EXAMPLE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(PrescriptionEvent.class).write(event, encoder);
        encoder.flush();
        String bytes = out.toString(StandardCharsets.ISO_8859_1);
        assertThat(bytes).contains("7F1C2A9E-0001").doesNotContain(OuiFormExport.MILO_ID, OuiFormExport.PE_ID, OuiFormExport.BIRTH);
        assertThat(event.toString()).doesNotContain(OuiFormExport.MILO_ID, OuiFormExport.PE_ID, OuiFormExport.BIRTH);
        LocalDate birth = LocalDate.parse(OuiFormExport.BIRTH);
        for (int i = 0; i < event.getSchema().getFields().size(); i++) {
            assertThat(event.get(i)).isNotEqualTo(birth).isNotEqualTo(birth.toEpochDay());
        }
    }
}
