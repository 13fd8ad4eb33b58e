package fr.ais.ingest.testing;

import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.RecordReader;
import fr.ais.ingest.SourceFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A source's export as the tests build it: one valid record whose fields a test overrides, read by the source's own
 * {@link SourceFormat}. What a test needs to know of a source, so that one contract ({@link SourceFormatContract})
 * checks every format.
 */
public abstract class ExportFixture {

    /** The pseudonym key of the tests. */
    public static final Pseudonymizer PSEUDONYMIZER =
            new Pseudonymizer("test-key-of-at-least-16-bytes".getBytes(StandardCharsets.UTF_8));

    private final SourceFormat format;
    private final String fileName;

    protected ExportFixture(SourceFormat format, String fileName) {
        this.format = format;
        this.fileName = fileName;
    }

    public SourceFormat format() {
        return format;
    }

    /** The file name the records are read under (their origin). */
    public String fileName() {
        return fileName;
    }

    /** The lines before the first record: the CSV header, none for JSON Lines. */
    public abstract List<String> header();

    /** The valid record every test starts from. */
    public abstract String valid();

    /** The valid record with {@code field} set to {@code value} (null: JSON null, or an empty CSV value). */
    public abstract String with(String field, String value);

    /** The valid record's source key, normalised. */
    public abstract String key();

    /** The valid record with another source key. */
    public abstract String withKey(String key);

    /** Every field of the valid record, in the source's own naming (SPEC §3), with its value. */
    public abstract Map<String, String> fields();

    /** Of {@link #fields()}, the dates and timestamps. */
    public abstract List<String> dateFields();

    /** Of {@link #fields()}, those holding personal data: their values never show in a rejection. */
    public abstract List<String> personalFields();

    /** A field of free text (no format, not personal), where any character may be typed. */
    public abstract String freeTextField();

    /** The personal values of the valid record. */
    public List<String> personalValues() {
        return personalFields().stream().map(f -> fields().get(f)).filter(v -> v != null).toList();
    }

    /** The personal values held by a raw line of this source's exports, for lines the tests did not build. */
    public abstract List<String> personalValuesOf(String rawLine);

    public ReadContext context(Charset charset) {
        return new ReadContext(fileName, charset, PSEUDONYMIZER);
    }

    public ReadContext context() {
        return context(StandardCharsets.UTF_8);
    }

    /** The bytes of an export: the header lines, then {@code records}, each ended by LF. */
    public byte[] export(Charset charset, String... records) {
        StringBuilder text = new StringBuilder();
        header().forEach(h -> text.append(h).append('\n'));
        for (String record : records) {
            text.append(record).append('\n');
        }
        return text.toString().getBytes(charset);
    }

    /** Reads the whole input with the source's format. */
    public List<ParsedRecord> read(byte[] bytes, Charset charset) throws IOException {
        List<ParsedRecord> records = new ArrayList<>();
        try (RecordReader reader = format.open(new ByteArrayInputStream(bytes), context(charset))) {
            for (ParsedRecord record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        }
        return records;
    }

    /** Reads the whole input as UTF-8. */
    public List<ParsedRecord> read(byte[] bytes) throws IOException {
        return read(bytes, StandardCharsets.UTF_8);
    }

    /** Reads {@code lines}, header included if any, joined by LF, as UTF-8. */
    public List<ParsedRecord> read(String... lines) throws IOException {
        return read(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    /** Reads one record after the header. */
    public ParsedRecord readOne(String record) throws IOException {
        List<ParsedRecord> records = read(export(StandardCharsets.UTF_8, record), StandardCharsets.UTF_8);
        if (records.size() != 1) {
            throw new AssertionError("expected one record, got " + records);
        }
        return records.get(0);
    }

    /** Concatenates byte arrays: an export with bytes a charset cannot write. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            try {
                out.write(part);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toByteArray();
    }
}
