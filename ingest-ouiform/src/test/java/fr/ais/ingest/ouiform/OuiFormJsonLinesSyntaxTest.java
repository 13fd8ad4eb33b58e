package fr.ais.ingest.ouiform;

import static fr.ais.ingest.ouiform.OuiFormExport.EXAMPLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.Rejection;
import fr.ais.ingest.testing.ExportFixture;
import fr.ais.ingest.testing.JsonExportFixture;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.RejectReason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("SPEC §3.3: JSON Lines export of the API objects; optional fields may be null, absent or empty")
class OuiFormJsonLinesSyntaxTest {

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
        assertThat(accepted(OuiFormExport.EXPORT.readOne(EXAMPLE)).getSourceKey()).isEqualTo("7F1C2A9E-0001");
    }

    @Test
    void blank_lines_are_skipped_but_counted_crlf_and_a_bom_are_tolerated() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write(("\r\n" + EXAMPLE + "\r\n\t\r\n" + OuiFormExport.EXPORT.with("id", "second")).getBytes(StandardCharsets.UTF_8));
        List<ParsedRecord> records = OuiFormExport.EXPORT.read(bytes.toByteArray());
        assertThat(records).extracting(ParsedRecord::line).containsExactly(2L, 4L);
        assertThat(records).allSatisfy(r -> assertThat(r).isInstanceOf(ParsedRecord.Accepted.class));
    }

    @Test
    void utf8_text_is_read_as_such() throws Exception {
        assertThat(accepted(OuiFormExport.EXPORT.readOne(OuiFormExport.EXPORT.with("prescriber.structureCode", "Région Pays-de-la-Loire"))).getStructureCode())
                .isEqualTo("Région Pays-de-la-Loire");
    }

    @ParameterizedTest(name = "{0} may be null, absent or empty")
    @ValueSource(strings = {"prescriber.structureCode", "prescriber.regionCode", "session.providerSiret", "session.endDate",
            "session.regionCode", "beneficiary.peIdentifier", "beneficiary.miloId"})
    void optional_fields_may_be_null_absent_or_empty(String path) throws Exception {
        for (String line : List.of(OuiFormExport.EXPORT.with(path, null), OuiFormExport.EXPORT.without(path), OuiFormExport.EXPORT.with(path, ""),
                OuiFormExport.EXPORT.with(path, " "))) {
            accepted(OuiFormExport.EXPORT.readOne(line));
        }
    }

    @Test
    void absent_optional_fields_are_absent_on_the_event() throws Exception {
        ObjectNode root = OuiFormExport.EXPORT.example();
        ((ObjectNode) root.get("prescriber")).remove(List.of("structureCode", "regionCode"));
        ((ObjectNode) root.get("session")).putNull("providerSiret").put("endDate", "");
        PrescriptionEvent event = accepted(OuiFormExport.EXPORT.readOne(root.toString()));
        assertThat(event.getStructureCode()).isNull();
        assertThat(event.getPrescriberRegion()).isNull();
        assertThat(event.getProviderSiret()).isNull();
        assertThat(event.getEndDate()).isNull();
        assertThat(event.getTrainingRegion()).isEqualTo("52");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not json", "{\"id\":", "[{}]", "42", "{\"id\":\"a\"} {\"id\":\"b\"}", "{\"id\":\"a\",\"id\":\"b\"}"})
    void a_line_that_is_not_one_json_object_is_a_parse_error(String line) throws Exception {
        Rejection rejection = rejected(OuiFormExport.EXPORT.readOne(line));
        assertThat(rejection.reason()).isEqualTo(RejectReason.PARSE_ERROR);
        assertThat(rejection.field()).isNull();
        assertThat(rejection.message()).contains(OuiFormExport.FILE + " line 1");
    }

    @Test
    void a_value_of_the_wrong_json_type_is_a_parse_error_on_that_field() throws Exception {
        Rejection number = rejected(OuiFormExport.EXPORT.readOne(OuiFormExport.EXPORT.with("session.regionCode", 52)));
        assertThat(number.reason()).isEqualTo(RejectReason.PARSE_ERROR);
        assertThat(number.field()).isEqualTo("session.regionCode");
        assertThat(number.sourceKey()).isEqualTo("7F1C2A9E-0001");

        Rejection array = rejected(OuiFormExport.EXPORT.readOne(OuiFormExport.EXPORT.with("beneficiary", JsonExportFixture.JSON.createArrayNode().add("1234567A"))));
        assertThat(array.reason()).isEqualTo(RejectReason.PARSE_ERROR);
        assertThat(array.field()).isEqualTo("beneficiary");
        assertThat(array.excerpt()).doesNotContain("1234567A");

        Rejection bool = rejected(OuiFormExport.EXPORT.readOne(OuiFormExport.EXPORT.with("status", true)));
        assertThat(bool.field()).isEqualTo("status");
    }
}
