package fr.ais.ingest.ouiform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.RecordReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: OuiForm exports built from the SPEC §3.3 example, whose fields a test overrides. */
final class OuiFormExport {

    static final String FILE = "ouiform-2021-03.jsonl";
    static final String MILO_ID = "4410023";
    static final String PE_ID = "1234567A";
    static final String BIRTH = "2003-05-17";
    static final Pseudonymizer PSEUDONYMIZER = new Pseudonymizer("test-key-of-at-least-16-bytes".getBytes(StandardCharsets.UTF_8));
    static final ObjectMapper JSON = new ObjectMapper();

    static final String EXAMPLE = """
            {"id":"7f1c2a9e-0001","updatedAt":"2021-03-04T09:15:30Z","status":"ENTERED",\
            "prescriber":{"type":"MISSION_LOCALE","structureCode":"ML44012","regionCode":"52"},\
            "beneficiary":{"peIdentifier":"1234567A","miloId":"4410023","birthDate":"2003-05-17"},\
            "session":{"number":"SE-2021-004512","providerSiret":"12345678900011",\
            "startDate":"2021-03-15","endDate":"2021-06-30","regionCode":"52"}}""";

    private OuiFormExport() {
    }

    static ObjectNode example() {
        try {
            return (ObjectNode) JSON.readTree(EXAMPLE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The example with {@code path} set to {@code value} (a JsonNode, a String, a Number or null for JSON null). */
    static String with(String path, Object value) {
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

    static String without(String path) {
        ObjectNode root = example();
        String[] parts = path.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        parent.remove(parts[parts.length - 1]);
        return root.toString();
    }

    static ReadContext context() {
        return new ReadContext(FILE, StandardCharsets.UTF_8, PSEUDONYMIZER);
    }

    static List<ParsedRecord> read(byte[] bytes) throws IOException {
        List<ParsedRecord> records = new ArrayList<>();
        try (RecordReader reader = new OuiFormFormat().open(new ByteArrayInputStream(bytes), context())) {
            ParsedRecord record;
            while ((record = reader.next()) != null) {
                records.add(record);
            }
        }
        return records;
    }

    static List<ParsedRecord> read(String... lines) throws IOException {
        return read(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    static ParsedRecord readOne(String line) throws IOException {
        List<ParsedRecord> records = read(line);
        if (records.size() != 1) {
            throw new AssertionError("expected one record, got " + records);
        }
        return records.get(0);
    }
}
