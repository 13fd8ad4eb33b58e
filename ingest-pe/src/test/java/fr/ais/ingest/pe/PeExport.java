package fr.ais.ingest.pe;

import fr.ais.ingest.testing.ExportFixture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The PE export of the tests: a valid row whose columns a test overrides (SPEC §3.1). */
final class PeExport extends ExportFixture {

    static final String FILE = "ais-2021-03.csv";
    static final String HEADER = String.join(";", PeFormat.COLUMNS);
    static final String RAW_ID = "1234567A";
    static final String BIRTH = "17/05/2003";

    static final PeExport EXPORT = new PeExport();

    private PeExport() {
        super(new PeFormat(), FILE);
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

    /** The valid row with {@code column} set to {@code value} (null: empty). */
    static String withColumn(String column, String value) {
        Map<String, String> row = validRow();
        if (!row.containsKey(column)) {
            throw new IllegalArgumentException(column);
        }
        row.put(column, value == null ? "" : value);
        return line(row);
    }

    @Override
    public List<String> header() {
        return List.of(HEADER);
    }

    @Override
    public String valid() {
        return line(validRow());
    }

    @Override
    public String with(String column, String value) {
        return withColumn(column, value);
    }

    @Override
    public String key() {
        return "AIS-000001";
    }

    @Override
    public String withKey(String key) {
        return withColumn("id_ais", key);
    }

    @Override
    public Map<String, String> fields() {
        return validRow();
    }

    @Override
    public List<String> dateFields() {
        return List.of("date_mouvement", "date_naissance", "date_entree", "date_fin");
    }

    @Override
    public List<String> personalFields() {
        return List.of("identifiant_de", "date_naissance");
    }

    @Override
    public String freeTextField() {
        return "code_structure_prescripteur";
    }

    @Override
    public List<String> personalValuesOf(String rawLine) {
        List<String> values = new ArrayList<>();
        String[] fields = rawLine.split(";", -1);
        if (fields.length > 4) {
            values.add(fields[3].replace("\"", "").trim());
            values.add(fields[4].replace("\"", "").trim());
        }
        return values;
    }
}
