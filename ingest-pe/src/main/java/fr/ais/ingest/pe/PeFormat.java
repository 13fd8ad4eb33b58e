package fr.ais.ingest.pe;

import fr.ais.ingest.InputFormatException;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.RecordReader;
import fr.ais.ingest.SourceFormat;
import fr.ais.ingest.parsing.FieldRules;
import fr.ais.ingest.parsing.LineRecordReader;
import fr.ais.ingest.parsing.PhysicalLines;
import fr.ais.schemas.Source;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * The Pôle emploi AIS export (SPEC §3.1): {@code ;}-separated, one header row that must be exactly the 14
 * columns of the SPEC in their order, then one record per physical line (see {@link SemicolonLine}).
 * Blank lines are skipped; line numbers count every physical line, the header being line 1.
 */
public final class PeFormat implements SourceFormat {

    /** The header of the export, in order (SPEC §3.1). */
    public static final List<String> COLUMNS = List.of(
            "id_ais", "type_mouvement", "date_mouvement", "identifiant_de", "date_naissance", "numero_session",
            "siret_organisme", "date_entree", "date_fin", "code_region_formation", "code_structure_prescripteur",
            "type_prescripteur", "code_region_prescripteur", "financeur");

    @Override
    public Source source() {
        return Source.PE;
    }

    @Override
    public String connectorName() {
        return "ingest-pe";
    }

    @Override
    public RecordReader open(InputStream in, ReadContext context) throws IOException {
        PhysicalLines lines = new PhysicalLines(in, context);
        try {
            checkHeader(lines.next(), context);
        } catch (InputFormatException | IOException e) {
            lines.close();
            throw e;
        }
        return new LineRecordReader(lines, context, PeRecordMapper.MAPPER);
    }

    /**
     * Refuses an input whose first line is not the header, saying what it found without ever quoting a value: a
     * file without its header row starts with a record, whose identifier and birth date must not reach the
     * console, a log or a reason file. Only cells shaped like column names (a letter then letters, digits or
     * underscores: no identifier, date or SIRET has that shape) are shown.
     */
    private static void checkHeader(PhysicalLines.Line header, ReadContext context) {
        String origin = context.origin();
        if (header == null) {
            throw new InputFormatException(origin + ": the file is empty; expected a header line with the columns "
                    + String.join(";", COLUMNS));
        }
        String refused = origin + ": line 1 is not the header of a Pôle emploi AIS export (SPEC §3.1): expected "
                + COLUMNS.size() + " columns " + String.join(";", COLUMNS) + ", found ";
        if (header.undecodable() != null) {
            throw new InputFormatException(refused + "a line that does not decode: " + header.undecodable().describe()
                    + (context.charset().equals(java.nio.charset.StandardCharsets.UTF_8)
                            ? "; a legacy export in ISO-8859-1? read it with --charset ISO-8859-1" : ""));
        }
        if (header.tooLong()) {
            throw new InputFormatException(refused + "a line longer than " + PhysicalLines.DEFAULT_MAX_CHARS + " characters");
        }
        List<String> found;
        try {
            found = SemicolonLine.split(header.text()).stream().map(SemicolonLine.Field::value).toList();
        } catch (SemicolonLine.SyntaxException e) {
            throw new InputFormatException(refused + "an unreadable line (" + e.getMessage() + ")");
        }
        if (found.equals(COLUMNS)) {
            return;
        }
        if (found.stream().noneMatch(c -> COLUMNS.contains(c.toLowerCase(Locale.ROOT)))) {
            throw new InputFormatException(refused + found.size() + (found.size() == 1 ? " value" : " values")
                    + " and no column name: is the header row missing? (line 1 looks like a record; its values are not"
                    + " shown, they may be personal data)");
        }
        List<String> shown = found.stream().map(PeFormat::shownCell).toList();
        if (found.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList().equals(COLUMNS)) {
            throw new InputFormatException(refused + found.size() + " columns " + String.join(";", shown)
                    + " (not expected in another case: the column names are lower case)");
        }
        List<String> missing = COLUMNS.stream().filter(c -> !found.contains(c)).toList();
        List<String> unexpected = shown.stream().filter(c -> !COLUMNS.contains(c)).toList();
        String why = missing.isEmpty() && unexpected.isEmpty()
                ? (found.size() == COLUMNS.size() ? "the columns in another order" : "a column given twice")
                : (missing.isEmpty() ? "" : "missing " + String.join(", ", missing))
                + (!missing.isEmpty() && !unexpected.isEmpty() ? "; " : "")
                + (unexpected.isEmpty() ? "" : "not expected " + String.join(", ", unexpected));
        throw new InputFormatException(refused + found.size() + " columns " + String.join(";", shown) + " (" + why + ")");
    }

    private static final java.util.regex.Pattern COLUMN_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    /** A cell of a line that is not the header: itself when shaped like a column name, else {@code ?}. */
    private static String shownCell(String cell) {
        StringBuilder plain = new StringBuilder();
        cell.chars().filter(c -> !FieldRules.isControl((char) c)).forEach(c -> plain.append((char) c));
        return COLUMN_NAME.matcher(plain).matches() ? FieldRules.visible(cell) : "?";
    }
}
