package fr.ais.ingest.parsing;

import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.RecordReader;
import fr.ais.schemas.RejectReason;
import java.io.IOException;
import java.io.InputStream;

/** A JSON Lines export: one JSON object per physical line, blank lines skipped, in constant memory. */
public final class JsonLinesReader implements RecordReader {

    /** Maps one line holding one JSON object to an accepted or rejected record. */
    @FunctionalInterface
    public interface LineMapper {
        ParsedRecord map(String json, long line, ReadContext context);
    }

    private final PhysicalLines lines;
    private final LineMapper mapper;
    private final ReadContext context;

    public JsonLinesReader(InputStream in, ReadContext context, LineMapper mapper) throws IOException {
        this.lines = new PhysicalLines(in, context.charset());
        this.mapper = mapper;
        this.context = context;
    }

    @Override
    public ParsedRecord next() throws IOException {
        PhysicalLines.Line line = lines.nextNonBlank();
        if (line == null) {
            return null;
        }
        if (line.tooLong()) {
            FieldProblem problem = new FieldProblem(RejectReason.PARSE_ERROR, null,
                    "line longer than " + PhysicalLines.DEFAULT_MAX_CHARS + " characters");
            return new ParsedRecord.Rejected(line.number(),
                    Rejections.of(problem, context.origin(), line.number(), null, Rejections.maskUnparsed(line.text())));
        }
        return mapper.map(line.text(), line.number(), context);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
