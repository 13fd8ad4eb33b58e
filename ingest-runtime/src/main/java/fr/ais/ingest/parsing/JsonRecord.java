package fr.ais.ingest.parsing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.ais.schemas.RejectReason;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JSON record read by dotted field paths ({@code jeune.dateNaissance}), as the JSON sources name them.
 *
 * <p>Optional values may be null, absent or an empty string: all three read as absent. A value of the
 * wrong JSON type (a number where a string is expected, a string where an object is expected) is a
 * PARSE_ERROR on that field: the record does not follow the export's structure.
 */
public final class JsonRecord {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // a key given twice is ambiguous: which value would count?
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            // one object per line: anything after it means the line is not what it should be
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final ObjectNode root;

    private JsonRecord(ObjectNode root) {
        this.root = root;
    }

    /** Parses one JSON object; PARSE_ERROR (no field) when the text is not a JSON object. */
    public static JsonRecord parse(String json) throws FieldProblem {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (StreamConstraintsException e) {
            throw new FieldProblem(RejectReason.PARSE_ERROR, null, "not read: " + overLimit(e));
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the input: keep only where it failed
            String at = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
            throw new FieldProblem(RejectReason.PARSE_ERROR, null, "not valid JSON" + at);
        }
        return of(node);
    }

    /**
     * The dotted path of the string value or field name holding the character at index {@code at} of {@code json},
     * or null when {@code json} is not JSON or that character is outside any string.
     */
    public static String pathAt(String json, int at) {
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            Deque<String> objects = new ArrayDeque<>();
            String name = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    objects.addLast(name == null ? "" : name);
                    name = null;
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    objects.pollLast();
                } else {
                    if (token == JsonToken.FIELD_NAME) {
                        name = parser.currentName();
                    }
                    long start = parser.currentTokenLocation().getCharOffset();
                    parser.getTextLength(); // reads the whole token: the location is then after it
                    long end = parser.currentLocation().getCharOffset();
                    if (at >= start && at < end) {
                        List<String> parts = new ArrayList<>(objects);
                        parts.removeIf(String::isEmpty);
                        parts.add(name == null ? "" : name);
                        parts.removeIf(String::isEmpty);
                        return parts.isEmpty() ? null : String.join(".", parts);
                    }
                    if (token != JsonToken.FIELD_NAME) {
                        name = null;
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /**
     * Which of Jackson's read limits ({@link StreamReadConstraints}, there against documents built to exhaust a
     * reader) the record is over; their messages name the limit and the sizes, never the input.
     */
    static String overLimit(StreamConstraintsException e) {
        StreamReadConstraints limits = MAPPER.getFactory().streamReadConstraints();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.contains("nesting depth")) {
            return "JSON nested deeper than " + limits.getMaxNestingDepth()
                    + " levels, the limit of the JSON reader (StreamReadConstraints.maxNestingDepth)";
        }
        if (message.startsWith("Number value length")) {
            return "a JSON number longer than " + limits.getMaxNumberLength()
                    + " characters, the limit of the JSON reader (StreamReadConstraints.maxNumberLength)";
        }
        if (message.startsWith("String value length")) {
            return "a JSON string longer than " + limits.getMaxStringLength()
                    + " characters, the limit of the JSON reader (StreamReadConstraints.maxStringLength)";
        }
        if (message.startsWith("Name length")) {
            return "a JSON field name longer than " + limits.getMaxNameLength()
                    + " characters, the limit of the JSON reader (StreamReadConstraints.maxNameLength)";
        }
        return "over a limit of the JSON reader (StreamReadConstraints): " + message.replaceAll("[^\\x20-\\x7E]", "?");
    }

    /** Wraps an already parsed item (e.g. from an API page); PARSE_ERROR when it is not a JSON object. */
    public static JsonRecord of(JsonNode node) throws FieldProblem {
        if (node == null || !node.isObject()) {
            throw new FieldProblem(RejectReason.PARSE_ERROR, null, "not a JSON object");
        }
        return new JsonRecord((ObjectNode) node);
    }

    /**
     * The trimmed text at {@code path}, or null when null, absent or empty; CONTROL_CHARACTER when it holds one (see
     * {@link FieldRules#plainText}).
     */
    public String text(String path) throws FieldProblem {
        JsonNode node = node(path);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new FieldProblem(RejectReason.PARSE_ERROR, path,
                    path + " should be a JSON string, found " + node.getNodeType().name().toLowerCase());
        }
        String value = FieldRules.trim(FieldRules.plainText(path, node.textValue()));
        return value.isEmpty() ? null : value;
    }

    /** The text at {@code path} for a source key: null when absent or not a string (used before any check). */
    public String keyOrNull(String path) {
        try {
            return text(path);
        } catch (FieldProblem e) {
            return null;
        }
    }

    private JsonNode node(String path) throws FieldProblem {
        JsonNode current = root;
        String[] parts = path.split("\\.");
        StringBuilder walked = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            walked.append(i == 0 ? "" : ".").append(parts[i]);
            current = current.get(parts[i]);
            if (current == null || current.isNull()) {
                return null;
            }
            if (!current.isObject()) {
                throw new FieldProblem(RejectReason.PARSE_ERROR, walked.toString(),
                        walked + " should be a JSON object, found " + current.getNodeType().name().toLowerCase());
            }
        }
        return current.get(parts[parts.length - 1]);
    }

    /**
     * The record as compact JSON with the values at {@code personalPaths} replaced by {@value Rejections#REDACTED},
     * whatever their type; for an excerpt.
     */
    public String redacted(List<String> personalPaths) {
        List<String> personalValues = new ArrayList<>();
        for (String path : personalPaths) {
            String value = keyOrNull(path);
            if (value != null) {
                personalValues.add(value);
            }
        }
        ObjectNode copy = root.deepCopy();
        for (String path : personalPaths) {
            String[] parts = path.split("\\.");
            JsonNode current = copy;
            for (int i = 0; i < parts.length - 1 && current != null; i++) {
                current = current.get(parts[i]);
            }
            String last = parts[parts.length - 1];
            if (current instanceof ObjectNode parent && parent.has(last)) {
                parent.set(last, TextNode.valueOf(Rejections.REDACTED));
            } else if (current != null && !current.isObject() && !current.isNull()) {
                // a parent of the wrong type may hold the personal value itself
                replaceParent(copy, parts);
            }
        }
        // by key too: a renamed or mis-cased parent object ("Jeune") hides the values from the paths above
        return maskKeys(Rejections.maskValues(copy.toString(), personalValues), personalPaths);
    }

    private static void replaceParent(ObjectNode copy, String[] parts) {
        JsonNode current = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = current.get(parts[i]);
            if (next != null && !next.isObject()) {
                if (current instanceof ObjectNode parent) {
                    parent.set(parts[i], TextNode.valueOf(Rejections.REDACTED));
                }
                return;
            }
            current = next;
        }
    }

    /**
     * Redaction for a line that is not JSON at all: the values of the personal paths' keys are masked where
     * they can be found, then anything shaped like an identifier or a date (see {@link Rejections#maskUnparsed}).
     */
    public static String redactUnparsed(String raw, List<String> personalPaths) {
        return Rejections.maskUnparsed(maskKeys(raw, personalPaths));
    }

    /**
     * The values of the personal paths' last keys masked wherever they appear, whatever their parent, the
     * keys' case ignored ("IdMilo" too).
     */
    private static String maskKeys(String text, List<String> personalPaths) {
        String masked = text;
        for (String path : personalPaths) {
            String key = path.substring(path.lastIndexOf('.') + 1);
            Pattern pattern = Pattern.compile("(\"" + Pattern.quote(key) + "\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"?|[^,}\\s]+)",
                    Pattern.CASE_INSENSITIVE);
            masked = pattern.matcher(masked).replaceAll("$1\"" + Matcher.quoteReplacement(Rejections.REDACTED) + "\"");
        }
        return masked;
    }
}
