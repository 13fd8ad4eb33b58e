package fr.ais.ingest.pe;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.testing.ExportFixture;
import fr.ais.schemas.IdentifierType;
import fr.ais.schemas.Network;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.RejectReason;
import fr.ais.schemas.Source;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("SPEC §3.1 and §4: a PE record becomes a normalised, pseudonymised event")
class PeEventMappingTest {

    private static PrescriptionEvent eventOf(String line) throws Exception {
        ParsedRecord record = PeExport.EXPORT.readOne(line);
        assertThat(record).isInstanceOf(ParsedRecord.Accepted.class);
        return ((ParsedRecord.Accepted) record).event();
    }

    @Test
    void every_field_is_mapped() throws Exception {
        PrescriptionEvent event = eventOf(PeExport.line(PeExport.validRow()));
        assertThat(event.getSource()).isEqualTo(Source.PE);
        assertThat(event.getSourceKey()).isEqualTo("AIS-000001");
        assertThat(event.getVersionTimestamp()).isEqualTo(Instant.parse("2021-03-04T09:15:30Z"));
        assertThat(event.getSourcePosition()).isZero();
        assertThat(event.getLive()).isTrue();
        assertThat(event.getMovementType()).isEqualTo("CREATION");
        assertThat(event.getStatus()).isNull();
        assertThat(event.getSessionNumber()).isEqualTo("SE-2021-004512");
        assertThat(event.getPersonIds()).containsExactly(ExportFixture.PSEUDONYMIZER.pseudonymise(IdentifierType.DE, "1234567A"));
        assertThat(event.getEntryDate()).isEqualTo(LocalDate.of(2021, 3, 15));
        assertThat(event.getEndDate()).isEqualTo(LocalDate.of(2021, 6, 30));
        assertThat(event.getAgeAtEntry()).isEqualTo(17);
        assertThat(event.getDeclaredNetwork()).isEqualTo(Network.PE);
        assertThat(event.getPePrescriberNotFilled()).isFalse();
        assertThat(event.getPrescriberType()).isEqualTo("PE");
        assertThat(event.getPrescriberRegion()).isEqualTo("52");
        assertThat(event.getTrainingRegion()).isEqualTo("52");
        assertThat(event.getStructureCode()).isEqualTo("PE44012");
        assertThat(event.getProviderSiret()).isEqualTo("12345678900011");
        assertThat(event.getFinancer()).isEqualTo("REGION");
        assertThat(event.getSourceEventId()).isNull();
        assertThat(event.getOrigin()).isEqualTo(PeExport.FILE);
    }

    @ParameterizedTest(name = "type_mouvement {0} -> live {1}")
    @CsvSource({"CREATION, true", "MODIFICATION, true", "ANNULATION, false"})
    void rule_2_an_annulation_is_not_live(String movement, boolean live) throws Exception {
        PrescriptionEvent event = eventOf(PeExport.withColumn("type_mouvement", movement));
        assertThat(event.getLive()).isEqualTo(live);
        assertThat(event.getMovementType()).isEqualTo(movement);
    }

    @ParameterizedTest(name = "type_prescripteur ''{0}'' -> {1}")
    @CsvSource({"ML, ML", "PE, PE", "CAP_EMPLOI, OTHER", "AUTRE, OTHER"})
    void rule_6_type_prescripteur_declares_the_network(String type, Network network) throws Exception {
        PrescriptionEvent event = eventOf(PeExport.withColumn("type_prescripteur", type));
        assertThat(event.getDeclaredNetwork()).isEqualTo(network);
        assertThat(event.getPrescriberType()).isEqualTo(type);
        assertThat(event.getPePrescriberNotFilled()).isFalse();
    }

    @Test
    void rule_6_an_empty_type_prescripteur_declares_nothing_and_is_flagged_not_filled() throws Exception {
        PrescriptionEvent event = eventOf(PeExport.withColumn("type_prescripteur", ""));
        assertThat(event.getDeclaredNetwork()).isNull();
        assertThat(event.getPrescriberType()).isNull();
        assertThat(event.getPePrescriberNotFilled()).isTrue();
    }

    @Test
    void rule_3_identifiers_are_compared_after_trim_and_upper_case() throws Exception {
        PrescriptionEvent upper = eventOf(PeExport.withColumn("identifiant_de", "1234567A"));
        PrescriptionEvent lower = eventOf(PeExport.withColumn("identifiant_de", "  1234567a "));
        assertThat(lower.getPersonIds()).isEqualTo(upper.getPersonIds());
        assertThat(upper.getPersonIds().get(0).getType()).isEqualTo(IdentifierType.DE);
        assertThat(upper.getPersonIds().get(0).getPseudonym()).matches("[0-9a-f]{64}");
    }

    @Test
    void a_session_number_loses_all_white_space_and_is_upper_cased_and_the_key_is_upper_cased() throws Exception {
        Map<String, String> row = PeExport.validRow();
        row.put("numero_session", " se - 2021\t004512\u00a0 ");
        row.put("id_ais", " ais-7 ");
        PrescriptionEvent event = eventOf(PeExport.line(row));
        assertThat(event.getSessionNumber()).isEqualTo("SE-2021004512");
        assertThat(event.getSourceKey()).isEqualTo("AIS-7");
    }

    @Test
    void a_session_number_holding_nul_is_rejected_so_no_session_reaches_the_grouping_with_its_key_separator() throws Exception {
        Map<String, String> row = PeExport.validRow();
        row.put("numero_session", " se - 2021\t004512\u0000 ");
        ParsedRecord record = PeExport.EXPORT.readOne(PeExport.line(row));
        assertThat(record).isInstanceOf(ParsedRecord.Rejected.class);
        assertThat(((ParsedRecord.Rejected) record).rejection().reason()).isEqualTo(RejectReason.CONTROL_CHARACTER);
        assertThat(((ParsedRecord.Rejected) record).rejection().field()).isEqualTo("numero_session");
    }

    @ParameterizedTest(name = "born {0}, entry 15/03/2021 -> {1}")
    @CsvSource({
            "15/03/1995, 26",  // turns 26 on the entry date itself
            "16/03/1995, 25",  // turns 26 the day after
            "14/03/1995, 26",
            "29/02/2004, 17",
            "15/03/2020, 1"})
    void rule_8_age_is_in_full_years_on_the_entry_date(String birth, int age) throws Exception {
        assertThat(eventOf(PeExport.withColumn("date_naissance", birth)).getAgeAtEntry()).isEqualTo(age);
    }

    @Test
    void neither_the_raw_identifier_nor_the_birth_date_is_in_the_serialized_event() throws Exception {
        PrescriptionEvent event = eventOf(PeExport.line(PeExport.validRow()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(PrescriptionEvent.class).write(event, encoder);
        encoder.flush();
        String bytes = out.toString(StandardCharsets.ISO_8859_1);
        assertThat(bytes).contains("AIS-000001").doesNotContain(PeExport.RAW_ID, PeExport.RAW_ID.toLowerCase(), PeExport.BIRTH, "2003-05-17");
        assertThat(event.toString()).doesNotContain(PeExport.RAW_ID, PeExport.BIRTH, "2003-05-17");
        LocalDate birth = LocalDate.of(2003, 5, 17);
        for (int i = 0; i < event.getSchema().getFields().size(); i++) {
            assertThat(event.get(i)).isNotEqualTo(birth).isNotEqualTo(birth.toEpochDay());
        }
    }
}
