package fr.ais.ingest.pe;

import static fr.ais.ingest.pe.PeExport.HEADER;
import static fr.ais.ingest.pe.PeExport.validRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ais.ingest.InputFormatException;
import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.testing.ExportFixture;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.RejectReason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SPEC §3.1: `;`-separated, fields may be quoted, one header row, UTF-8 or ISO-8859-1, values trimmed")
class PeCsvSyntaxTest {

    private static PrescriptionEvent accepted(ParsedRecord record) {
        assertThat(record).isInstanceOf(ParsedRecord.Accepted.class);
        return ((ParsedRecord.Accepted) record).event();
    }

    @Test
    void a_quoted_field_may_hold_a_semicolon_and_doubled_quotes() throws Exception {
        Map<String, String> row = validRow();
        row.put("code_structure_prescripteur", "\"PE;44 \"\"Nord\"\"\"");
        row.put("numero_session", "\"SE-2021-004512\"");
        PrescriptionEvent event = accepted(PeExport.EXPORT.readOne(PeExport.line(row)));
        assertThat(event.getStructureCode()).isEqualTo("PE;44 \"Nord\"");
        assertThat(event.getSessionNumber()).isEqualTo("SE-2021-004512");
        assertThat(event.getFinancer()).isEqualTo("REGION");
    }

    @Test
    void quoted_header_names_are_accepted() throws Exception {
        String quotedHeader = String.join(";", PeFormat.COLUMNS.stream().map(c -> "\"" + c + "\"").toList());
        assertThat(PeExport.EXPORT.read(quotedHeader, PeExport.line(validRow()))).singleElement().isInstanceOf(ParsedRecord.Accepted.class);
    }

    @Test
    void surrounding_white_space_is_trimmed_from_every_value_quoted_or_not() throws Exception {
        Map<String, String> row = validRow();
        row.put("id_ais", "  ais-000001 ");
        row.put("identifiant_de", " \" 1234567a \" ");
        row.put("code_region_formation", " 52\t");
        PrescriptionEvent event = accepted(PeExport.EXPORT.readOne(PeExport.line(row)));
        assertThat(event.getSourceKey()).isEqualTo("AIS-000001");
        assertThat(event.getTrainingRegion()).isEqualTo("52");
        assertThat(event.getPersonIds()).containsExactly(ExportFixture.PSEUDONYMIZER.pseudonymise(fr.ais.schemas.IdentifierType.DE, "1234567A"));
    }

    @Test
    void no_break_spaces_are_trimmed_like_any_white_space_as_they_are_removed_from_session_numbers() throws Exception {
        Map<String, String> row = validRow();
        row.put("identifiant_de", "1234567A\u00a0");
        row.put("code_region_formation", "\u202f52");
        row.put("numero_session", "SE-2021\u00a0004512");
        row.put("type_prescripteur", "\u00a0");
        PrescriptionEvent event = accepted(PeExport.EXPORT.readOne(PeExport.line(row)));
        assertThat(event.getPersonIds()).containsExactly(ExportFixture.PSEUDONYMIZER.pseudonymise(fr.ais.schemas.IdentifierType.DE, "1234567A"));
        assertThat(event.getTrainingRegion()).isEqualTo("52");
        assertThat(event.getSessionNumber()).isEqualTo("SE-2021004512");
        assertThat(event.getPePrescriberNotFilled()).isTrue();
    }

    @Test
    void an_empty_optional_value_is_absent() throws Exception {
        Map<String, String> row = validRow();
        for (String optional : List.of("siret_organisme", "date_fin", "code_structure_prescripteur", "type_prescripteur",
                "code_region_prescripteur", "financeur")) {
            row.put(optional, optional.equals("financeur") ? "\"  \"" : "  ");
        }
        PrescriptionEvent event = accepted(PeExport.EXPORT.readOne(PeExport.line(row)));
        assertThat(event.getProviderSiret()).isNull();
        assertThat(event.getEndDate()).isNull();
        assertThat(event.getStructureCode()).isNull();
        assertThat(event.getPrescriberType()).isNull();
        assertThat(event.getPrescriberRegion()).isNull();
        assertThat(event.getFinancer()).isNull();
        assertThat(event.getDeclaredNetwork()).isNull();
        assertThat(event.getPePrescriberNotFilled()).isTrue();
    }

    @Test
    void a_utf8_byte_order_mark_is_tolerated() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write((HEADER + "\n" + PeExport.line(validRow()) + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(PeExport.EXPORT.read(bytes.toByteArray(), StandardCharsets.UTF_8)).singleElement().isInstanceOf(ParsedRecord.Accepted.class);
    }

    @Test
    void crlf_line_ends_read_like_lf_and_lines_are_numbered_from_the_header() throws Exception {
        String text = HEADER + "\r\n" + PeExport.line(validRow()) + "\r\n" + PeExport.withColumn("id_ais", "AIS-2") + "\r\n";
        List<ParsedRecord> records = PeExport.EXPORT.read(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(records).extracting(ParsedRecord::line).containsExactly(2L, 3L);
        assertThat(records).allSatisfy(r -> assertThat(r).isInstanceOf(ParsedRecord.Accepted.class));
        assertThat(accepted(records.get(1)).getFinancer()).isEqualTo("REGION");
    }

    @Test
    void the_charset_is_an_option_for_legacy_iso_8859_1_exports() throws Exception {
        Map<String, String> row = validRow();
        row.put("code_structure_prescripteur", "Agence Orléans");
        byte[] latin1 = (HEADER + "\n" + PeExport.line(row) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(latin1).doesNotContain((byte) 0xC3); // really not UTF-8
        PrescriptionEvent event = accepted(PeExport.EXPORT.read(latin1, StandardCharsets.ISO_8859_1).get(0));
        assertThat(event.getStructureCode()).isEqualTo("Agence Orléans");
    }

    @Test
    void blank_lines_are_not_records_but_count_as_lines() throws Exception {
        List<ParsedRecord> records = PeExport.EXPORT.read(HEADER, "", PeExport.line(validRow()), "   ", "", PeExport.withColumn("id_ais", "AIS-2"), "");
        assertThat(records).extracting(ParsedRecord::line).containsExactly(3L, 6L);
    }

    @Test
    void a_header_that_differs_from_the_14_columns_makes_the_input_unusable() {
        List<String> swapped = new java.util.ArrayList<>(PeFormat.COLUMNS);
        swapped.set(0, "type_mouvement");
        swapped.set(1, "id_ais");
        assertThatThrownBy(() -> PeExport.EXPORT.read(String.join(";", swapped), PeExport.line(validRow())))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining(PeExport.FILE)
                .hasMessageContaining("expected 14 columns " + HEADER)
                .hasMessageContaining("found 14 columns type_mouvement;id_ais;");
        assertThatThrownBy(() -> PeExport.EXPORT.read(HEADER + ";extra"))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("found 15 columns");
        assertThatThrownBy(() -> PeExport.EXPORT.read(PeExport.line(validRow())))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("line 1 is not the header");
    }

    @Test
    void a_file_without_its_header_row_is_refused_without_quoting_its_first_record() {
        assertThatThrownBy(() -> PeExport.EXPORT.read(PeExport.line(validRow()), PeExport.withColumn("id_ais", "AIS-2")))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining(PeExport.FILE + ": line 1 is not the header")
                .hasMessageContaining("14 values and no column name: is the header row missing?")
                .message().doesNotContain(PeExport.RAW_ID, PeExport.BIRTH, "AIS-000001", "SE-2021-004512");
    }

    @Test
    void a_wrong_header_names_its_missing_and_unexpected_columns_but_never_a_value_shaped_like_personal_data() {
        List<String> header = new java.util.ArrayList<>(PeFormat.COLUMNS);
        header.set(3, PeExport.RAW_ID);
        header.set(4, "date_de_naissance");
        assertThatThrownBy(() -> PeExport.EXPORT.read(String.join(";", header), PeExport.line(validRow())))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("found 14 columns id_ais;type_mouvement;date_mouvement;?;date_de_naissance;")
                .hasMessageContaining("(missing identifiant_de, date_naissance; not expected ?, date_de_naissance)")
                .message().doesNotContain(PeExport.RAW_ID);
    }

    @Test
    void a_header_with_an_invisible_character_shows_it_escaped() {
        List<String> header = new java.util.ArrayList<>(PeFormat.COLUMNS);
        header.set(1, "\uFEFFtype_mouvement"); // a byte order mark at the very start is skipped, not elsewhere
        assertThatThrownBy(() -> PeExport.EXPORT.read(String.join(";", header)))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("found 14 columns id_ais;\\uFEFFtype_mouvement;date_mouvement;")
                .hasMessageContaining("missing type_mouvement");
    }

    @Test
    void an_empty_file_has_no_header() {
        assertThatThrownBy(() -> PeExport.EXPORT.read(new byte[0], StandardCharsets.UTF_8))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("empty")
                .hasMessageContaining(HEADER);
    }

    @Test
    void a_header_only_file_has_no_records() throws Exception {
        assertThat(PeExport.EXPORT.read(HEADER + "\n")).isEmpty();
    }

    @Test
    void an_unclosed_quote_is_a_parse_error_on_its_own_line_and_reading_goes_on() throws Exception {
        Map<String, String> row = validRow();
        row.put("code_structure_prescripteur", "\"PE44012");
        List<ParsedRecord> records = PeExport.EXPORT.read(HEADER, PeExport.line(row), PeExport.withColumn("id_ais", "AIS-2"));
        assertThat(records).hasSize(2);
        ParsedRecord.Rejected rejected = (ParsedRecord.Rejected) records.get(0);
        assertThat(rejected.line()).isEqualTo(2);
        assertThat(rejected.rejection().reason()).isEqualTo(RejectReason.PARSE_ERROR);
        assertThat(rejected.rejection().message()).contains(PeExport.FILE + " line 2").contains("not closed");
        assertThat(records.get(1)).isInstanceOf(ParsedRecord.Accepted.class);
    }

    @Test
    void text_after_a_closing_quote_is_a_parse_error() throws Exception {
        ParsedRecord record = PeExport.EXPORT.readOne(PeExport.withColumn("code_structure_prescripteur", "\"PE\"44"));
        assertThat(((ParsedRecord.Rejected) record).rejection().reason()).isEqualTo(RejectReason.PARSE_ERROR);
    }

    @Test
    void a_line_with_a_wrong_number_of_fields_is_a_parse_error_naming_the_count() throws Exception {
        ParsedRecord record = PeExport.EXPORT.readOne(PeExport.line(validRow()) + ";extra");
        var rejection = ((ParsedRecord.Rejected) record).rejection();
        assertThat(rejection.reason()).isEqualTo(RejectReason.PARSE_ERROR);
        assertThat(rejection.message()).contains("found 15 fields, expected 14");
        assertThat(rejection.sourceKey()).isEqualTo("AIS-000001");
    }

    @Test
    void a_short_line_starting_with_an_identifier_does_not_pass_it_off_as_the_key() throws Exception {
        var rejection = ((ParsedRecord.Rejected) PeExport.EXPORT.readOne(PeExport.RAW_ID + ";" + PeExport.BIRTH)).rejection();
        assertThat(rejection.reason()).isEqualTo(RejectReason.PARSE_ERROR);
        assertThat(rejection.sourceKey()).isNull();
        assertThat(rejection.message()).doesNotContain(PeExport.RAW_ID, PeExport.BIRTH);
        assertThat(rejection.excerpt()).doesNotContain(PeExport.RAW_ID, PeExport.BIRTH);
    }

    @Test
    void a_quote_inside_an_unquoted_value_is_kept() throws Exception {
        PrescriptionEvent event = accepted(PeExport.EXPORT.readOne(PeExport.withColumn("code_structure_prescripteur", "PE 44 \"Nord\"")));
        assertThat(event.getStructureCode()).isEqualTo("PE 44 \"Nord\"");
    }

    @Test
    void the_last_line_needs_no_line_end() throws Exception {
        assertThat(PeExport.EXPORT.read(HEADER, PeExport.line(validRow()))).singleElement().isInstanceOf(ParsedRecord.Accepted.class);
    }

    @Test
    void a_line_too_long_to_hold_in_memory_is_rejected_and_reading_goes_on() throws Exception {
        String huge = "x".repeat(fr.ais.ingest.parsing.PhysicalLines.DEFAULT_MAX_CHARS + 10);
        List<ParsedRecord> records = PeExport.EXPORT.read(HEADER, PeExport.withColumn("code_structure_prescripteur", huge), PeExport.line(validRow()));
        assertThat(records).hasSize(2);
        assertThat(((ParsedRecord.Rejected) records.get(0)).rejection().reason()).isEqualTo(RejectReason.PARSE_ERROR);
        assertThat(((ParsedRecord.Rejected) records.get(0)).rejection().excerpt()).doesNotContain(PeExport.RAW_ID);
        assertThat(records.get(1)).isInstanceOf(ParsedRecord.Accepted.class);
    }

    @Test
    void records_are_streamed_one_at_a_time_even_from_an_endless_export() throws Exception {
        byte[] header = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] row = (PeExport.line(validRow()) + "\n").getBytes(StandardCharsets.UTF_8);
        java.io.InputStream endless = new java.io.InputStream() {
            private long position;

            @Override
            public int read() {
                long p = position++;
                return p < header.length ? header[(int) p] : row[(int) ((p - header.length) % row.length)];
            }
        };
        try (var reader = new PeFormat().open(endless, PeExport.EXPORT.context(StandardCharsets.UTF_8))) {
            for (int i = 0; i < 5_000; i++) {
                assertThat(reader.next()).isInstanceOf(ParsedRecord.Accepted.class).extracting(ParsedRecord::line).isEqualTo(i + 2L);
            }
        }
    }
}
