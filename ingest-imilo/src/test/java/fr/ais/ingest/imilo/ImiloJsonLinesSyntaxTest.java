package fr.ais.ingest.imilo;

import static fr.ais.ingest.imilo.ImiloExport.EXAMPLE;


import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.Rejection;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.RejectReason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("SPEC §3.2: one JSON object per line, UTF-8; optional fields may be null, absent or empty")
class ImiloJsonLinesSyntaxTest {

    private static PrescriptionEvent accepted(ParsedRecord record) {
        assertThat(record).isInstanceOf(ParsedRecord.Accepted.class);
        return ((ParsedRecord.Accepted) record).event();
    }

    private static Rejection rejected(ParsedRecord record) {
        assertThat(record).isInstanceOf(ParsedRecord.Rejected.class);
        return ((ParsedRecord.Rejected) record).rejection();
    }

    @Test
    void the_spec_example_is_accepted() throws Exception {
        assertThat(accepted(ImiloExport.EXPORT.readOne(EXAMPLE)).getSourceKey()).isEqualTo("IM-2021-000001");
    }

    @Test
    void blank_lines_are_skipped_but_counted_crlf_and_a_bom_are_tolerated() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write((EXAMPLE + "\r\n\r\n  \r\n" + ImiloExport.EXPORT.with("prescription.id", "IM-2") + "\r\n").getBytes(StandardCharsets.UTF_8));
        List<ParsedRecord> records = ImiloExport.EXPORT.read(bytes.toByteArray());
        assertThat(records).extracting(ParsedRecord::line).containsExactly(1L, 4L);
        assertThat(records).allSatisfy(r -> assertThat(r).isInstanceOf(ParsedRecord.Accepted.class));
    }

    @Test
    void utf8_text_is_read_as_such() throws Exception {
        assertThat(accepted(ImiloExport.EXPORT.readOne(ImiloExport.EXPORT.with("structure.code", "ML Orléans"))).getStructureCode()).isEqualTo("ML Orléans");
    }

    @ParameterizedTest(name = "{0} may be null, absent or empty")
    @ValueSource(strings = {"idEvenement", "structure.code", "jeune.identifiantPE", "formation.siret", "formation.dateFin",
            "formation.codeRegion"})
    void optional_fields_may_be_null_absent_or_empty(String path) throws Exception {
        for (String line : List.of(ImiloExport.EXPORT.with(path, null), ImiloExport.EXPORT.without(path), ImiloExport.EXPORT.with(path, ""),
                ImiloExport.EXPORT.with(path, "  "))) {
            accepted(ImiloExport.EXPORT.readOne(line));
        }
    }

    @Test
    void absent_optional_fields_are_absent_on_the_event() throws Exception {
        var root = ImiloExport.EXPORT.example();
        root.remove("idEvenement");
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("jeune")).putNull("identifiantPE");
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("structure")).put("code", "");
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("formation")).remove(List.of("siret", "dateFin", "codeRegion"));
        PrescriptionEvent event = accepted(ImiloExport.EXPORT.readOne(root.toString()));
        assertThat(event.getSourceEventId()).isNull();
        assertThat(event.getPersonIds()).hasSize(1);
        assertThat(event.getStructureCode()).isNull();
        assertThat(event.getProviderSiret()).isNull();
        assertThat(event.getEndDate()).isNull();
        assertThat(event.getTrainingRegion()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not json", "{\"idEvenement\":", "[1,2]", "\"text\"", "{\"a\":1} trailing",
            "{\"prescription\":{\"id\":\"X\"},\"prescription\":{\"id\":\"Y\"}}"})
    void a_line_that_is_not_one_json_object_is_a_parse_error(String line) throws Exception {
        Rejection rejection = rejected(ImiloExport.EXPORT.readOne(line));
        assertThat(rejection.reason()).isEqualTo(RejectReason.PARSE_ERROR);
        assertThat(rejection.message()).contains(ImiloExport.FILE + " line 1");
    }

    @Test
    void a_parse_error_does_not_stop_the_reading() throws Exception {
        List<ParsedRecord> records = ImiloExport.EXPORT.read("{broken", EXAMPLE);
        assertThat(records).hasSize(2);
        assertThat(records.get(0)).isInstanceOf(ParsedRecord.Rejected.class);
        assertThat(records.get(1)).isInstanceOf(ParsedRecord.Accepted.class);
    }

    @Test
    void a_value_of_the_wrong_json_type_is_a_parse_error_on_that_field() throws Exception {
        Rejection number = rejected(ImiloExport.EXPORT.readOne(ImiloExport.EXPORT.with("structure.codeRegion", 52)));
        assertThat(number.reason()).isEqualTo(RejectReason.PARSE_ERROR);
        assertThat(number.field()).isEqualTo("structure.codeRegion");
        assertThat(number.message()).contains("should be a JSON string").contains("record IM-2021-000001");

        Rejection notAnObject = rejected(ImiloExport.EXPORT.readOne(ImiloExport.EXPORT.with("formation", "SE-2021")));
        assertThat(notAnObject.reason()).isEqualTo(RejectReason.PARSE_ERROR);
        assertThat(notAnObject.field()).isEqualTo("formation");

        Rejection personalNotAnObject = rejected(ImiloExport.EXPORT.readOne(ImiloExport.EXPORT.with("jeune", ImiloExport.MILO_ID)));
        assertThat(personalNotAnObject.field()).isEqualTo("jeune");
        assertThat(personalNotAnObject.excerpt()).doesNotContain(ImiloExport.MILO_ID);
    }
}
