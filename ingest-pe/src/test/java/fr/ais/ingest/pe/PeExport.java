package fr.ais.ingest.pe;

import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.RecordReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test fixture: PE exports built from a valid row whose columns a test overrides. */
final class PeExport {

    static final String FILE = "ais-2021-03.csv";
    static final String HEADER = String.join(";", PeFormat.COLUMNS);
    static final String RAW_ID = "1234567A";
    static final String BIRTH = "17/05/2003";
    static final Pseudonymizer PSEUDONYMIZER = new Pseudonymizer("test-key-of-at-least-16-bytes".getBytes(StandardCharsets.UTF_8));

    private PeExport() {
    }

    static Map<String, String> validRow() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id_ais", "AIS-000001");
        row.put("type_mouvement", "CREATION");
        row.put("date_mouvement", "04/03/2021 10:15:30");
        row.put("identifiant_de", RAW_ID);
        row.put("date_naissance", BIRTH);
        row.put("numero_session", "SE-2021-004512");
        row.put("siret_organisme", "12345678900011");
        row.put("date_entree", "15/03/2021");
        row.put("date_fin", "30/06/2021");
        row.put("code_region_formation", "52");
        row.put("code_structure_prescripteur", "PE44012");
        row.put("type_prescripteur", "PE");
        row.put("code_region_prescripteur", "52");
        row.put("financeur", "REGION");
        return row;
    }

    static String line(Map<String, String> row) {
        return String.join(";", row.values());
    }

    static String with(String column, String value) {
        Map<String, String> row = validRow();
        if (!row.containsKey(column)) {
            throw new IllegalArgumentException(column);
        }
        row.put(column, value);
        return line(row);
    }

    static ReadContext context(Charset charset) {
        return new ReadContext(FILE, charset, PSEUDONYMIZER);
    }

    /** Reads the whole export (header first) as UTF-8. */
    static List<ParsedRecord> read(String... lines) throws IOException {
        return read(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    static List<ParsedRecord> read(byte[] bytes, Charset charset) throws IOException {
        List<ParsedRecord> records = new ArrayList<>();
        try (RecordReader reader = new PeFormat().open(new ByteArrayInputStream(bytes), context(charset))) {
            ParsedRecord record;
            while ((record = reader.next()) != null) {
                records.add(record);
            }
        }
        return records;
    }

    static ParsedRecord readOne(String line) throws IOException {
        List<ParsedRecord> records = read(HEADER, line);
        if (records.size() != 1) {
            throw new AssertionError("expected one record, got " + records);
        }
        return records.get(0);
    }
}
