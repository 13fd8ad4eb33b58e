package fr.ais.ingest.imilo;

import fr.ais.ingest.ReadContext;
import fr.ais.ingest.RecordReader;
import fr.ais.ingest.SourceFormat;
import fr.ais.ingest.parsing.LineRecordReader;
import fr.ais.ingest.parsing.PhysicalLines;
import fr.ais.schemas.Source;
import java.io.IOException;
import java.io.InputStream;

/** The I-Milo export (SPEC §3.2): JSON Lines, one event object per line; blank lines skipped. */
public final class ImiloFormat implements SourceFormat {

    @Override
    public Source source() {
        return Source.IMILO;
    }

    @Override
    public String connectorName() {
        return "ingest-imilo";
    }

    @Override
    public RecordReader open(InputStream in, ReadContext context) throws IOException {
        return new LineRecordReader(new PhysicalLines(in, context), context, ImiloRecordMapper.MAPPING);
    }
}
