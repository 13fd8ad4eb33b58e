package fr.ais.ingest.imilo;

import static fr.ais.ingest.imilo.ImiloExport.BIRTH;
import static fr.ais.ingest.imilo.ImiloExport.MILO_ID;
import static fr.ais.ingest.imilo.ImiloExport.PE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.Rejection;
import fr.ais.schemas.RejectReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("SPEC §3.4: a rejected I-Milo record names its reason and field, without personal data")
class ImiloRejectionTest {

    private static Rejection rejectionOf(String line) throws Exception {
        ParsedRecord record = ImiloExport.EXPORT.readOne(line);
        assertThat(record).isInstanceOf(ParsedRecord.Rejected.class);
        return ((ParsedRecord.Rejected) record).rejection();
    }

    @ParameterizedTest(name = "{0} = ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
            "horodatage|                 | MISSING_FIELD",
            "horodatage| 2021-03-04T10:15:30 | BAD_DATE",
            "horodatage| 04/03/2021 10:15:30 | BAD_DATE",
            "typeEvenement|              | MISSING_FIELD",
            "typeEvenement| ANNULATION   | VALUE_OUTSIDE_LIST",
            "prescription.statut|        | MISSING_FIELD",
            "prescription.statut| REFUSEE | VALUE_OUTSIDE_LIST",
            "jeune.idMilo|               | MISSING_FIELD",
            "jeune.identifiantPE| 123456 | BAD_IDENTIFIER_FORMAT",
            "jeune.identifiantPE| 1234567AB | BAD_IDENTIFIER_FORMAT",
            "jeune.dateNaissance|        | MISSING_FIELD",
            "jeune.dateNaissance| 17/05/2003 | BAD_DATE",
            "jeune.dateNaissance| 2003-02-30 | BAD_DATE",
            "jeune.dateNaissance| 2021-03-15 | BIRTH_NOT_BEFORE_ENTRY",
            "jeune.dateNaissance| 2022-01-01 | BIRTH_NOT_BEFORE_ENTRY",
            "structure.codeRegion|       | MISSING_FIELD",
            "structure.codeRegion| 99    | BAD_REGION",
            "formation.numeroSession|    | MISSING_FIELD",
            "formation.siret| 123        | BAD_IDENTIFIER_FORMAT",
            "formation.dateDebut|        | MISSING_FIELD",
            "formation.dateDebut| 2021-13-01 | BAD_DATE",
            "formation.dateFin| 30/06/2021 | BAD_DATE",
            "formation.codeRegion| 00    | BAD_REGION"})
    void each_failed_check_is_rejected_with_its_reason_and_field(String path, String value, RejectReason reason) throws Exception {
        Rejection rejection = rejectionOf(ImiloExport.EXPORT.with(path, value == null ? "" : value));
        assertThat(rejection.reason()).isEqualTo(reason);
        assertThat(rejection.field()).isEqualTo(path);
        assertThat(rejection.sourceKey()).isEqualTo("IM-2021-000001");
        assertThat(rejection.message()).contains(ImiloExport.FILE + " line 1", "record IM-2021-000001", path);
        assertThat(rejection.message()).doesNotContain(MILO_ID, PE_ID, BIRTH);
        assertThat(rejection.excerpt()).doesNotContain(MILO_ID, PE_ID, BIRTH);
        if (path.startsWith("jeune.")) {
            assertThat(rejection.message()).doesNotContain(value == null ? "\u0000" : value.trim());
            // the value is replaced, and so is any other occurrence (a birth date equal to the entry date)
            assertThat(rejection.excerpt()).contains("\"" + path.substring("jeune.".length()) + "\":\"***\"");
            if (value != null) {
                assertThat(rejection.excerpt()).doesNotContainIgnoringCase(value.trim());
            }
        }
    }

    @ParameterizedTest(name = "absent {0}")
    @ValueSource(strings = {"horodatage", "typeEvenement", "prescription.statut", "jeune.idMilo", "jeune.dateNaissance",
            "structure.codeRegion", "formation.numeroSession", "formation.dateDebut"})
    void a_required_field_absent_or_null_is_missing(String path) throws Exception {
        for (String line : new String[] {ImiloExport.EXPORT.without(path), ImiloExport.EXPORT.with(path, null)}) {
            Rejection rejection = rejectionOf(line);
            assertThat(rejection.reason()).isEqualTo(RejectReason.MISSING_FIELD);
            assertThat(rejection.field()).isEqualTo(path);
        }
    }

    @Test
    void a_missing_key_is_rejected_and_the_message_says_the_key_is_unreadable() throws Exception {
        Rejection rejection = rejectionOf(ImiloExport.EXPORT.without("prescription.id"));
        assertThat(rejection.reason()).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(rejection.field()).isEqualTo("prescription.id");
        assertThat(rejection.sourceKey()).isNull();
        assertThat(rejection.message()).contains("record with unreadable key");
        Rejection noPrescription = rejectionOf(ImiloExport.EXPORT.without("prescription"));
        assertThat(noPrescription.field()).isEqualTo("prescription.id");
    }

    @Test
    void the_first_failure_in_the_documented_order_is_reported() throws Exception {
        var root = ImiloExport.EXPORT.example();
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("formation")).put("codeRegion", "99");
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("jeune")).put("identifiantPE", "bad");
        assertThat(rejectionOf(root.toString()).field()).isEqualTo("jeune.identifiantPE");
    }

    @Test
    void the_excerpt_is_the_record_with_the_identifiers_and_birth_date_replaced() throws Exception {
        Rejection rejection = rejectionOf(ImiloExport.EXPORT.with("structure.codeRegion", "99"));
        assertThat(rejection.excerpt())
                .contains("\"jeune\":{\"idMilo\":\"***\",\"identifiantPE\":\"***\",\"dateNaissance\":\"***\"}")
                .contains("\"codeRegion\":\"99\"", "IM-2021-000001", "SE-2021-004512");
    }

    @Test
    void a_renamed_parent_object_still_has_its_personal_values_masked_by_key() throws Exception {
        Rejection rejection = rejectionOf(ImiloExport.EXAMPLE.replace("\"jeune\"", "\"Jeune\"")
                .replace("\"identifiantPE\"", "\"IdentifiantPe\""));
        assertThat(rejection.reason()).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(rejection.excerpt()).doesNotContain(MILO_ID, PE_ID, BIRTH).contains("IM-2021-000001");
    }

    @Test
    void swapped_birth_and_entry_dates_do_not_show_the_birth_date() throws Exception {
        var root = ImiloExport.EXPORT.example();
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("jeune")).put("dateNaissance", "2021-03-15");
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("formation")).put("dateDebut", BIRTH);
        Rejection rejection = rejectionOf(root.toString());
        assertThat(rejection.reason()).isEqualTo(RejectReason.BIRTH_NOT_BEFORE_ENTRY);
        assertThat(rejection.excerpt()).doesNotContain(BIRTH, MILO_ID, PE_ID).contains("IM-2021-000001");
        assertThat(rejection.message()).doesNotContain(BIRTH);
    }

    @Test
    void an_unparseable_line_is_redacted_by_key_and_by_shape() throws Exception {
        String broken = ImiloExport.EXAMPLE.replace("\"structure\"", "structure");
        Rejection rejection = rejectionOf(broken);
        assertThat(rejection.reason()).isEqualTo(RejectReason.PARSE_ERROR);
        assertThat(rejection.field()).isNull();
        assertThat(rejection.message()).doesNotContain(MILO_ID, PE_ID, BIRTH);
        assertThat(rejection.excerpt()).doesNotContain(MILO_ID, PE_ID, BIRTH).contains("\"idMilo\":\"***\"", "IM-2021-000001");
        // an identifier under an unexpected key is still masked by its shape
        Rejection odd = rejectionOf("{\"who\": \"1234567B\", \"born\": \"2001-02-03\"");
        assertThat(odd.excerpt()).doesNotContain("1234567B", "2001-02-03");
    }
}
