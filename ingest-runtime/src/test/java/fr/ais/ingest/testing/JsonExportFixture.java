package fr.ais.ingest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ais.ingest.SourceFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A JSON Lines export built from the SPEC's example object, whose fields (dotted paths) a test overrides. */
public class JsonExportFixture extends ExportFixture {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final String example;
    private final String keyPath;
    private final List<String> dateFields;
    private final List<String> personalFields;
    private final String freeTextField;

    /**
     * @param example        the SPEC's example object, on one line
     * @param keyPath        the source key's path
     * @param dateFields     the paths of its dates and timestamps
     * @param personalFields the paths of its personal values
     * @param freeTextField  a path of free text
     */
    public JsonExportFixture(SourceFormat format, String fileName, String example, String keyPath,
            List<String> dateFields, List<String> personalFields, String freeTextField) {
        super(format, fileName);
        this.example = example;
        this.keyPath = keyPath;
        this.dateFields = List.copyOf(dateFields);
        this.personalFields = List.copyOf(personalFields);
        this.freeTextField = freeTextField;
    }

    @Override
    public List<String> header() {
        return List.of();
    }

    @Override
    public String valid() {
        return example;
    }

    /** The example, as a tree a test may change. */
    public ObjectNode example() {
        try {
            return (ObjectNode) JSON.readTree(example);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String with(String path, String value) {
        return with(path, (Object) value);
    }

    /** The example with {@code path} set to {@code value} (a JsonNode, a String, a Number, a Boolean or null for JSON null). */
    public String with(String path, Object value) {
        ObjectNode root = example();
        String[] parts = path.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (value instanceof JsonNode node) {
            parent.set(last, node);
        } else {
            parent.set(last, JSON.valueToTree(value));
        }
        return root.toString();
    }

    public String without(String path) {
        ObjectNode root = example();
        String[] parts = path.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        parent.remove(parts[parts.length - 1]);
        return root.toString();
    }

    @Override
    public String key() {
        return fields().get(keyPath).toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String withKey(String key) {
        return with(keyPath, key);
    }

    @Override
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        collect("", example(), fields);
        return fields;
    }

    private static void collect(String prefix, JsonNode node, Map<String, String> into) {
        node.fields().forEachRemaining(e -> {
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject()) {
                collect(path, e.getValue(), into);
            } else {
                into.put(path, e.getValue().asText());
            }
        });
    }

    @Override
    public List<String> dateFields() {
        return dateFields;
    }

    @Override
    public List<String> personalFields() {
        return personalFields;
    }

    @Override
    public String freeTextField() {
        return freeTextField;
    }

    @Override
    public List<String> personalValuesOf(String rawLine) {
        List<String> values = new ArrayList<>();
        for (String path : personalFields) {
            String key = path.substring(path.lastIndexOf('.') + 1);
            Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(rawLine);
            while (m.find()) {
                values.add(m.group(1).trim());
            }
        }
        return values;
    }
}
