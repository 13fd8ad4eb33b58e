package fr.ais.ingest.ouiform;

import fr.ais.ingest.ReadContext;
import fr.ais.ingest.RecordReader;
import fr.ais.ingest.SourceFormat;
import fr.ais.ingest.parsing.LineRecordReader;
import fr.ais.ingest.parsing.PhysicalLines;
import fr.ais.schemas.Source;
import java.io.IOException;
import java.io.InputStream;

/**
 * The OuiForm JSON Lines export (SPEC §3.3): one prescription object per line, the same objects as the
 * API's items, mapped by the same {@link OuiFormRecordMapper}; blank lines skipped.
 */
public final class OuiFormFormat implements SourceFormat {

    @Override
    public Source source() {
        return Source.OUIFORM;
    }

    @Override
    public String connectorName() {
        return "ingest-ouiform";
    }

    @Override
    public RecordReader open(InputStream in, ReadContext context) throws IOException {
        return new LineRecordReader(new PhysicalLines(in, context), context, OuiFormRecordMapper.MAPPING);
    }
}
