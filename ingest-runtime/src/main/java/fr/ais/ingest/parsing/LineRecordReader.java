package fr.ais.ingest.parsing;

import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.RecordReader;
import fr.ais.schemas.RejectReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * An export of one record per physical line (the PE CSV after its header, the JSON Lines exports), in constant
 * memory: blank lines are skipped; a line over the bound, or holding bytes its charset does not decode, is rejected
 * without being mapped; every other line is given to the source's {@link LineMapper}.
 */
public final class LineRecordReader implements RecordReader {

    /** What a source does with the text of one line holding one record. */
    public interface LineMapper {

        /** The line's record, accepted or rejected. */
        ParsedRecord map(String text, long line, ReadContext context);

        /**
         * The line as an excerpt, its personal values redacted as {@link #map} would, for a line rejected before it
         * is mapped.
         */
        String excerpt(String text);

        /** The source key the line holds, normalised, or null when it cannot be told. */
        default String keyOf(String text) {
            return null;
        }

        /** The field holding the character at index {@code at} of the line, or null when it cannot be told. */
        default String fieldAt(String text, int at) {
            return null;
        }
    }

    // in an undecodable line, a word holding a replacement character may be a personal value with a byte gone
    private static final Pattern WORD_WITH_REPLACEMENT = Pattern.compile("[\\p{L}\\p{N}_\\-]*\uFFFD[\\p{L}\\p{N}_\\-\uFFFD]*");

    private final PhysicalLines lines;
    private final ReadContext context;
    private final LineMapper mapper;

    /** Reads the records of {@code lines} (positioned after any header), which it closes. */
    public LineRecordReader(PhysicalLines lines, ReadContext context, LineMapper mapper) {
        this.lines = lines;
        this.context = context;
        this.mapper = mapper;
    }

    /**
     * The next record; a rejected one carries its line's {@linkplain PhysicalLines#digest() digest}, the key of its
     * dead letter.
     */
    @Override
    public ParsedRecord next() throws IOException {
        PhysicalLines.Line line = lines.nextNonBlank();
        if (line == null) {
            return null;
        }
        ParsedRecord record = read(line);
        return record instanceof ParsedRecord.Rejected rejected ? rejected.withRecordDigest(lines.digest()) : record;
    }

    private ParsedRecord read(PhysicalLines.Line line) {
        if (line.tooLong()) {
            FieldProblem problem = new FieldProblem(RejectReason.PARSE_ERROR, null,
                    "line longer than " + PhysicalLines.DEFAULT_MAX_CHARS + " characters");
            return new ParsedRecord.Rejected(line.number(),
                    Rejections.of(problem, context.origin(), line.number(), null, Rejections.maskUnparsed(line.text())));
        }
        if (line.undecodable() != null) {
            return undecodable(line);
        }
        return mapper.map(line.text(), line.number(), context);
    }

    /** SPEC §3.4: a record that cannot be read as text cannot be parsed; it is rejected, never altered. */
    private ParsedRecord undecodable(PhysicalLines.Line line) {
        PhysicalLines.Undecodable bad = line.undecodable();
        String field = mapper.fieldAt(line.text(), bad.charIndex());
        String key = mapper.keyOf(line.text());
        if (key != null && key.indexOf('\uFFFD') >= 0) {
            key = null;
        }
        String detail = bad.describe() + hint(context);
        FieldProblem problem = new FieldProblem(RejectReason.UNDECODABLE_BYTES, field, detail);
        String excerpt = Rejections.maskUnparsed(
                WORD_WITH_REPLACEMENT.matcher(mapper.excerpt(line.text())).replaceAll(Rejections.REDACTED));
        return new ParsedRecord.Rejected(line.number(),
                Rejections.of(problem, context.origin(), line.number(), key, excerpt));
    }

    /** What to try when a UTF-8 input does not decode: most often a legacy export (SPEC §3.1). */
    static String hint(ReadContext context) {
        return context.charset().equals(StandardCharsets.UTF_8)
                ? "; a legacy export in ISO-8859-1? read it with --charset ISO-8859-1"
                : "; is " + context.charset().name() + " the file's charset?";
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
