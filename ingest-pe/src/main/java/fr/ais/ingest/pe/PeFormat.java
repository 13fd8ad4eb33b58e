package fr.ais.ingest.pe;

import fr.ais.ingest.InputFormatException;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.RecordReader;
import fr.ais.ingest.SourceFormat;
import fr.ais.ingest.parsing.LineRecordReader;
import fr.ais.ingest.parsing.PhysicalLines;
import fr.ais.schemas.Source;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

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
            checkHeader(lines.next(), context.origin());
        } catch (InputFormatException | IOException e) {
            lines.close();
            throw e;
        }
        return new LineRecordReader(lines, context, PeRecordMapper.MAPPER);
    }

    private static void checkHeader(PhysicalLines.Line header, String origin) {
        if (header == null) {
            throw new InputFormatException(origin + ": the file is empty; expected a header line with the columns "
                    + String.join(";", COLUMNS));
        }
        List<String> found;
        try {
            found = header.tooLong() ? null : SemicolonLine.split(header.text()).stream().map(SemicolonLine.Field::value).toList();
        } catch (SemicolonLine.SyntaxException e) {
            found = null;
        }
        if (found == null || !found.equals(COLUMNS)) {
            String shownFound = found == null ? "an unreadable line" : found.size() + " columns " + String.join(";", found);
            throw new InputFormatException(origin + ": line 1 is not the header of a Pôle emploi AIS export (SPEC §3.1): expected "
                    + COLUMNS.size() + " columns " + String.join(";", COLUMNS) + ", found " + shownFound);
        }
    }
}
