package fr.ais.ingest.pe;

import static fr.ais.ingest.pe.PeExport.BIRTH;
import static fr.ais.ingest.pe.PeExport.RAW_ID;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.Rejection;
import fr.ais.schemas.RejectReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("SPEC §3.4: a rejected PE record names its reason and field, without personal data")
class PeRejectionTest {

    private static Rejection rejectionOf(String line) throws Exception {
        ParsedRecord record = PeExport.EXPORT.readOne(line);
        assertThat(record).isInstanceOf(ParsedRecord.Rejected.class);
        assertThat(record.line()).isEqualTo(2);
        return ((ParsedRecord.Rejected) record).rejection();
    }

    @ParameterizedTest(name = "{0} = ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
            "id_ais|                       | MISSING_FIELD",
            "type_mouvement|               | MISSING_FIELD",
            "type_mouvement| SUPPRESSION   | VALUE_OUTSIDE_LIST",
            "date_mouvement|               | MISSING_FIELD",
            "date_mouvement| 2021-03-04    | BAD_DATE",
            "identifiant_de|               | MISSING_FIELD",
            "identifiant_de| 123456A       | BAD_IDENTIFIER_FORMAT",
            "identifiant_de| 12345678AB    | BAD_IDENTIFIER_FORMAT",
            "identifiant_de| A2345678      | BAD_IDENTIFIER_FORMAT",
            "date_naissance|               | MISSING_FIELD",
            "date_naissance| 2003-05-17    | BAD_DATE",
            "date_naissance| 17/05/2021    | BIRTH_NOT_BEFORE_ENTRY",
            "date_naissance| 15/03/2021    | BIRTH_NOT_BEFORE_ENTRY",
            "numero_session|               | MISSING_FIELD",
            "siret_organisme| 1234567890001 | BAD_IDENTIFIER_FORMAT",
            "siret_organisme| 1234567890001A| BAD_IDENTIFIER_FORMAT",
            "date_entree|                  | MISSING_FIELD",
            "date_entree| 32/03/2021       | BAD_DATE",
            "date_fin| 2021-06-30          | BAD_DATE",
            "code_region_formation|        | MISSING_FIELD",
            "code_region_formation| 99     | BAD_REGION",
            "code_region_formation| 5      | BAD_REGION",
            "type_prescripteur| MISSION_LOCALE | VALUE_OUTSIDE_LIST",
            "code_region_prescripteur| 05  | BAD_REGION",
            "financeur| DEPARTEMENT        | VALUE_OUTSIDE_LIST"})
    void each_failed_check_is_rejected_with_its_reason_and_field(String column, String value, RejectReason reason) throws Exception {
        Rejection rejection = rejectionOf(PeExport.withColumn(column, value == null ? "" : value));
        assertThat(rejection.reason()).isEqualTo(reason);
        assertThat(rejection.field()).isEqualTo(column);
        assertThat(rejection.message()).contains(PeExport.FILE + " line 2").contains(column);
        if (!column.equals("id_ais")) {
            assertThat(rejection.sourceKey()).isEqualTo("AIS-000001");
            assertThat(rejection.message()).contains("record AIS-000001");
        }
    }

    @Test
    void the_first_failure_in_column_order_is_reported() throws Exception {
        Map<String, String> row = PeExport.validRow();
        row.put("code_region_formation", "99");
        row.put("date_entree", "");
        row.put("type_mouvement", "X");
        assertThat(rejectionOf(PeExport.line(row)).field()).isEqualTo("type_mouvement");
        row.put("type_mouvement", "MODIFICATION");
        assertThat(rejectionOf(PeExport.line(row)).field()).isEqualTo("date_entree");
    }

    @Test
    void a_birth_date_after_a_valid_entry_date_is_checked_after_every_field() throws Exception {
        Map<String, String> row = PeExport.validRow();
        row.put("date_naissance", "01/01/2022");
        row.put("financeur", "X");
        assertThat(rejectionOf(PeExport.line(row)).reason()).isEqualTo(RejectReason.VALUE_OUTSIDE_LIST);
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "identifiant_de| 123456A",
            "date_naissance| 2003-05-17",
            "date_naissance| 17/05/2021",
            "code_region_formation| 99",
            "financeur| DEPARTEMENT"})
    void neither_message_nor_excerpt_holds_the_identifier_or_the_birth_date(String column, String value) throws Exception {
        Rejection rejection = rejectionOf(PeExport.withColumn(column, value));
        String personalValue = column.equals("identifiant_de") || column.equals("date_naissance") ? value : RAW_ID;
        assertThat(rejection.message()).doesNotContain(RAW_ID, BIRTH, personalValue);
        assertThat(rejection.excerpt()).doesNotContain(RAW_ID, BIRTH, personalValue);
        if (rejection.reason() == RejectReason.BIRTH_NOT_BEFORE_ENTRY) {
            return; // every date masked then (see swapped_birth_and_entry_dates_do_not_show_the_birth_date)
        }
        // the excerpt is still the raw record otherwise, with the two personal values replaced
        assertThat(rejection.excerpt()).isEqualTo(PeExport.withColumn(column, value)
                .replace(";" + (column.equals("identifiant_de") ? value : RAW_ID) + ";", ";***;")
                .replace(";" + (column.equals("date_naissance") ? value : BIRTH) + ";", ";***;"));
    }

    @Test
    void a_birth_date_equal_to_the_entry_date_is_masked_wherever_it_shows() throws Exception {
        Rejection rejection = rejectionOf(PeExport.withColumn("date_naissance", "15/03/2021"));
        assertThat(rejection.reason()).isEqualTo(RejectReason.BIRTH_NOT_BEFORE_ENTRY);
        // on this reason every date goes: the two dates involved may have been swapped
        assertThat(rejection.excerpt()).doesNotContain("15/03/2021", RAW_ID).contains("SE-2021-004512;12345678900011;***;***");
        assertThat(rejection.message()).doesNotContain("15/03/2021");
    }

    @Test
    void an_identifier_copied_into_another_field_is_masked_too() throws Exception {
        Rejection rejection = rejectionOf(PeExport.withColumn("code_structure_prescripteur", "de " + RAW_ID.toLowerCase()) + "X");
        assertThat(rejection.excerpt()).doesNotContainIgnoringCase(RAW_ID);
    }

    @Test
    void an_identifier_copied_into_a_checked_field_is_not_quoted_in_the_message() throws Exception {
        for (String column : List.of("code_region_formation", "financeur", "siret_organisme")) {
            Rejection rejection = rejectionOf(PeExport.withColumn(column, RAW_ID.toLowerCase()));
            assertThat(rejection.message()).as(column).doesNotContainIgnoringCase(RAW_ID).contains(column);
            assertThat(rejection.excerpt()).as(column).doesNotContainIgnoringCase(RAW_ID);
        }
    }

    @Test
    void an_identifier_in_the_key_column_is_neither_the_key_nor_in_the_message_or_excerpt() throws Exception {
        Map<String, String> row = PeExport.validRow();
        row.put("id_ais", RAW_ID);
        row.put("identifiant_de", "AIS-4"); // the two columns swapped
        Rejection rejection = rejectionOf(PeExport.line(row));
        assertThat(rejection.reason()).isEqualTo(RejectReason.BAD_IDENTIFIER_FORMAT);
        assertThat(rejection.sourceKey()).isNull();
        assertThat(rejection.message()).doesNotContain(RAW_ID).contains("record with unreadable key");
        assertThat(rejection.excerpt()).doesNotContain(RAW_ID, BIRTH);
    }

    @Test
    void swapped_birth_and_entry_dates_do_not_show_the_birth_date() throws Exception {
        Map<String, String> row = PeExport.validRow();
        row.put("date_naissance", "15/03/2021");
        row.put("date_entree", BIRTH);
        Rejection rejection = rejectionOf(PeExport.line(row));
        assertThat(rejection.reason()).isEqualTo(RejectReason.BIRTH_NOT_BEFORE_ENTRY);
        assertThat(rejection.excerpt()).doesNotContain(BIRTH, "15/03/2021").contains("SE-2021-004512");
        assertThat(rejection.message()).doesNotContain(BIRTH, "15/03/2021");
    }

    @Test
    void an_unparseable_line_is_redacted_by_shape() throws Exception {
        Rejection rejection = rejectionOf(PeExport.withColumn("code_structure_prescripteur", "\"unclosed"));
        assertThat(rejection.reason()).isEqualTo(RejectReason.PARSE_ERROR);
        assertThat(rejection.field()).isNull();
        assertThat(rejection.sourceKey()).isNull();
        assertThat(rejection.excerpt()).doesNotContain(RAW_ID, BIRTH).contains("AIS-000001");
        assertThat(rejection.message()).doesNotContain(RAW_ID, BIRTH).contains("record with unreadable key");
    }

    @Test
    void the_excerpt_is_truncated() throws Exception {
        Rejection rejection = rejectionOf(PeExport.withColumn("code_structure_prescripteur", "S".repeat(2_000)) + ";extra");
        assertThat(rejection.excerpt()).hasSizeLessThanOrEqualTo(501);
    }
}
