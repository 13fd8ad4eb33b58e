package fr.ais.ingest.ouiform;

import static fr.ais.ingest.ouiform.OuiFormExport.BIRTH;
import static fr.ais.ingest.ouiform.OuiFormExport.MILO_ID;
import static fr.ais.ingest.ouiform.OuiFormExport.PE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.Rejection;
import fr.ais.schemas.RejectReason;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("SPEC §3.4: a rejected OuiForm record names its reason and field, without personal data")
class OuiFormRejectionTest {

    private static Rejection rejectionOf(String line) throws Exception {
        ParsedRecord record = OuiFormExport.EXPORT.readOne(line);
        assertThat(record).isInstanceOf(ParsedRecord.Rejected.class);
        return ((ParsedRecord.Rejected) record).rejection();
    }

    @ParameterizedTest(name = "{0} = ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
            "updatedAt|                      | MISSING_FIELD",
            "updatedAt| 2021-03-04T09:15:30  | BAD_DATE",
            "updatedAt| 2021-03-04           | BAD_DATE",
            "status|                         | MISSING_FIELD",
            "status| PRESCRIBED              | VALUE_OUTSIDE_LIST",
            "prescriber.type|                | MISSING_FIELD",
            "prescriber.type| MISSIONS_LOCALES | VALUE_OUTSIDE_LIST",
            "prescriber.regionCode| 98       | BAD_REGION",
            "beneficiary.peIdentifier| 12345678 9 | BAD_IDENTIFIER_FORMAT",
            "beneficiary.peIdentifier| A1234567 | BAD_IDENTIFIER_FORMAT",
            "beneficiary.birthDate|          | MISSING_FIELD",
            "beneficiary.birthDate| 2003-5-17 | BAD_DATE",
            "beneficiary.birthDate| 2021-03-15 | BIRTH_NOT_BEFORE_ENTRY",
            "beneficiary.birthDate| 2021-03-16 | BIRTH_NOT_BEFORE_ENTRY",
            "session.number|                 | MISSING_FIELD",
            "session.providerSiret| 1234567890001X | BAD_IDENTIFIER_FORMAT",
            "session.startDate|              | MISSING_FIELD",
            "session.startDate| 15/03/2021   | BAD_DATE",
            "session.endDate| 2021-06-31     | BAD_DATE",
            "session.regionCode| 7           | BAD_REGION"})
    void each_failed_check_is_rejected_with_its_reason_and_field(String path, String value, RejectReason reason) throws Exception {
        Rejection rejection = rejectionOf(OuiFormExport.EXPORT.with(path, value == null ? "" : value));
        assertThat(rejection.reason()).isEqualTo(reason);
        assertThat(rejection.field()).isEqualTo(path);
        assertThat(rejection.sourceKey()).isEqualTo("7F1C2A9E-0001");
        assertThat(rejection.message()).contains(OuiFormExport.FILE + " line 1", "record 7F1C2A9E-0001", path);
        assertThat(rejection.message()).doesNotContain(MILO_ID, PE_ID, BIRTH);
        assertThat(rejection.excerpt()).doesNotContain(MILO_ID, PE_ID, BIRTH);
        if (path.startsWith("beneficiary.") && value != null) {
            assertThat(rejection.message()).doesNotContain(value.trim());
            assertThat(rejection.excerpt()).contains("\"" + path.substring("beneficiary.".length()) + "\":\"***\"")
                    .doesNotContainIgnoringCase(value.trim());
        }
    }

    @ParameterizedTest(name = "absent {0}")
    @ValueSource(strings = {"id", "updatedAt", "status", "prescriber.type", "beneficiary.birthDate", "session.number",
            "session.startDate"})
    void a_required_field_absent_or_null_is_missing(String path) throws Exception {
        for (String line : new String[] {OuiFormExport.EXPORT.without(path), OuiFormExport.EXPORT.with(path, null)}) {
            Rejection rejection = rejectionOf(line);
            assertThat(rejection.reason()).isEqualTo(RejectReason.MISSING_FIELD);
            assertThat(rejection.field()).isEqualTo(path);
        }
    }

    @Test
    void at_least_one_of_pe_identifier_and_milo_id_is_required() throws Exception {
        ObjectNode root = OuiFormExport.EXPORT.example();
        ((ObjectNode) root.get("beneficiary")).putNull("peIdentifier").put("miloId", " ");
        Rejection rejection = rejectionOf(root.toString());
        assertThat(rejection.reason()).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(rejection.field()).isEqualTo("beneficiary.peIdentifier");
        assertThat(rejection.message()).contains("beneficiary.miloId").doesNotContain(BIRTH);
    }

    @Test
    void at_least_one_of_the_two_region_codes_is_required() throws Exception {
        ObjectNode root = OuiFormExport.EXPORT.example();
        ((ObjectNode) root.get("prescriber")).remove("regionCode");
        ((ObjectNode) root.get("session")).put("regionCode", "");
        Rejection rejection = rejectionOf(root.toString());
        assertThat(rejection.reason()).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(rejection.field()).isEqualTo("prescriber.regionCode");
        assertThat(rejection.message()).contains("session.regionCode");
    }

    @Test
    void the_first_failure_in_the_documented_order_is_reported() throws Exception {
        ObjectNode root = OuiFormExport.EXPORT.example();
        ((ObjectNode) root.get("session")).put("startDate", "bad");
        ((ObjectNode) root.get("prescriber")).put("regionCode", "99");
        assertThat(rejectionOf(root.toString()).field()).isEqualTo("prescriber.regionCode");
        ((ObjectNode) root.get("prescriber")).put("regionCode", "52");
        assertThat(rejectionOf(root.toString()).field()).isEqualTo("session.startDate");
    }

    @Test
    void a_renamed_parent_object_still_has_its_personal_values_masked_by_key() throws Exception {
        Rejection rejection = rejectionOf(OuiFormExport.EXAMPLE.replace("\"beneficiary\"", "\"beneficiaire\""));
        assertThat(rejection.reason()).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(rejection.excerpt()).doesNotContain(MILO_ID, PE_ID, BIRTH);
    }

    @Test
    void an_unparseable_line_is_redacted_by_key_and_by_shape() throws Exception {
        Rejection rejection = rejectionOf(OuiFormExport.EXAMPLE.substring(0, OuiFormExport.EXAMPLE.length() - 3));
        assertThat(rejection.reason()).isEqualTo(RejectReason.PARSE_ERROR);
        assertThat(rejection.sourceKey()).isNull();
        assertThat(rejection.excerpt()).doesNotContain(MILO_ID, PE_ID, BIRTH).contains("\"birthDate\":\"***\"");
        assertThat(rejection.message()).doesNotContain(MILO_ID, PE_ID, BIRTH);
    }

    @Test
    void redaction_also_covers_personal_values_of_the_wrong_type() throws Exception {
        ObjectNode root = OuiFormExport.EXPORT.example();
        ((ObjectNode) root.get("beneficiary")).put("miloId", 4410023).put("birthDate", 20030517);
        Rejection rejection = rejectionOf(root.toString());
        assertThat(rejection.reason()).isEqualTo(RejectReason.PARSE_ERROR);
        assertThat(rejection.field()).isEqualTo("beneficiary.miloId");
        assertThat(rejection.excerpt()).doesNotContain(MILO_ID, "20030517", PE_ID);
        assertThat(List.of(rejection.message())).noneMatch(m -> m.contains(MILO_ID));
    }
}
