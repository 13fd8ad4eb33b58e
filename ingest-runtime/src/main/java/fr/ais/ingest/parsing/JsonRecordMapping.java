package fr.ais.ingest.parsing;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.ReadContext;
import fr.ais.schemas.PrescriptionEvent;
import java.util.List;
import java.util.Objects;

/**
 * How a JSON source accepts or rejects one record, whether it comes as a line of an export or as an item of an
 * API page: parse it, read its source key before any check, then either the event or the first failed check as a
 * rejection whose excerpt has the personal paths redacted. The source brings only its field checks
 * ({@link EventReader}). Thread-safe when its reader is.
 */
public final class JsonRecordMapping implements LineRecordReader.LineMapper {

    /** The checks and the mapping of one source: the event, or the first failed check. */
    @FunctionalInterface
    public interface EventReader {
        PrescriptionEvent event(JsonRecord record, ReadContext context) throws FieldProblem;
    }

    private final String keyPath;
    private final List<String> personalPaths;
    private final EventReader reader;

    /**
     * @param keyPath       the path of the source key, e.g. {@code prescription.id}
     * @param personalPaths the paths holding personal data, redacted from every excerpt
     */
    public JsonRecordMapping(String keyPath, List<String> personalPaths, EventReader reader) {
        this.keyPath = Objects.requireNonNull(keyPath, "keyPath");
        this.personalPaths = List.copyOf(personalPaths);
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    public List<String> personalPaths() {
        return personalPaths;
    }

    /**
     * Maps one record given as the text of a JSON object.
     *
     * @param line the line in the export file, or the item's index in its API page
     */
    @Override
    public ParsedRecord map(String json, long line, ReadContext context) {
        JsonRecord record;
        try {
            record = JsonRecord.parse(json);
        } catch (FieldProblem problem) {
            return rejected(line, problem, null, JsonRecord.redactUnparsed(json, personalPaths), context);
        }
        return map(record, line, context);
    }

    /** Maps one record already parsed, e.g. an item of an API page. */
    public ParsedRecord map(JsonNode item, long line, ReadContext context) {
        JsonRecord record;
        try {
            record = JsonRecord.of(item);
        } catch (FieldProblem problem) {
            String excerpt = item == null ? null : JsonRecord.redactUnparsed(item.toString(), personalPaths);
            return rejected(line, problem, null, excerpt, context);
        }
        return map(record, line, context);
    }

    @Override
    public String excerpt(String text) {
        try {
            return JsonRecord.parse(text).redacted(personalPaths);
        } catch (FieldProblem e) {
            return JsonRecord.redactUnparsed(text, personalPaths);
        }
    }

    @Override
    public String keyOf(String text) {
        try {
            String rawKey = JsonRecord.parse(text).keyOrNull(keyPath);
            return rawKey == null ? null : FieldRules.normaliseKey(rawKey);
        } catch (FieldProblem e) {
            return null;
        }
    }

    @Override
    public String fieldAt(String text, int at) {
        return JsonRecord.pathAt(text, at);
    }

    private ParsedRecord map(JsonRecord record, long line, ReadContext context) {
        String rawKey = record.keyOrNull(keyPath);
        String key = rawKey == null ? null : FieldRules.normaliseKey(rawKey);
        try {
            return new ParsedRecord.Accepted(line, reader.event(record, context));
        } catch (FieldProblem problem) {
            return rejected(line, problem, key, record.redacted(personalPaths), context);
        }
    }

    private static ParsedRecord rejected(long line, FieldProblem problem, String key, String excerpt, ReadContext context) {
        return new ParsedRecord.Rejected(line, Rejections.of(problem, context.origin(), line, key, excerpt));
    }
}
