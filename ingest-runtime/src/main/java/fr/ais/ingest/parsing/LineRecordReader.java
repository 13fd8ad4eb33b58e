package fr.ais.ingest.parsing;

import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.RecordReader;
import fr.ais.schemas.RejectReason;
import java.io.IOException;

/**
 * An export of one record per physical line (the PE CSV after its header, the JSON Lines exports), in constant
 * memory: blank lines are skipped, a line over the bound is rejected without being mapped, every other line is
 * given to the source's {@link LineMapper}.
 */
public final class LineRecordReader implements RecordReader {

    /** Maps the text of one line holding one record to an accepted or rejected record. */
    @FunctionalInterface
    public interface LineMapper {
        ParsedRecord map(String text, long line, ReadContext context);
    }

    private final PhysicalLines lines;
    private final ReadContext context;
    private final LineMapper mapper;

    /** Reads the records of {@code lines} (positioned after any header), which it closes. */
    public LineRecordReader(PhysicalLines lines, ReadContext context, LineMapper mapper) {
        this.lines = lines;
        this.context = context;
        this.mapper = mapper;
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
