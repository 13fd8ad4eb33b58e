package fr.ais.ingest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.RecordReader;
import fr.ais.ingest.Rejection;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import fr.ais.synthetic.export.BadRecord;
import fr.ais.synthetic.export.FileSummary;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import fr.ais.schemas.RejectReason;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every source format must do (SPEC §3.4), checked once for all: each format's module runs it by extending
 * this class with its {@link ExportFixture}.
 */
public abstract class SourceFormatContract {

    /** The source's export as the tests build it. */
    protected abstract ExportFixture fixture();

    /** The file of the source in a generated data set, and what it plants. */
    protected abstract FileSummary planted(GeneratedDataSet data);

    /** The charset the source's generated file is written in (SPEC §3: a legacy PE export is ISO-8859-1). */
    protected Charset syntheticCharset() {
        return StandardCharsets.UTF_8;
    }

    /**
     * Checked against the synthetic-data generator, written independently from the SPEC: every planted bad record
     * is rejected on its line with its reason and field, every other record is accepted, and no rejection shows a
     * personal value of its record.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {42L, 7L})
    void input_records_are_accepted_plus_rejected_each_planted_bad_record_rejected_with_its_reason_and_field(long seed,
            @TempDir Path dir) throws Exception {
        Charset charset = syntheticCharset();
        GeneratedDataSet data = Generator.generate(GeneratorOptions.defaults(dir).withPeople(800).withSeed(seed)
                .withBadRecordRate(0.05).withPeCharset(charset));
        FileSummary summary = planted(data);
        Path file = summary.file();
        Map<Long, BadRecord> planted = new HashMap<>();
        summary.bad().forEach(b -> planted.put((long) b.line(), b));
        List<String> lines = Files.readAllLines(file, charset);
        ExportFixture fixture = fixture();

        int accepted = 0;
        List<BadRecord> rejected = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
             RecordReader reader = fixture.format().open(in, new fr.ais.ingest.ReadContext(file.getFileName().toString(),
                     charset, ExportFixture.PSEUDONYMIZER))) {
            for (ParsedRecord record = reader.next(); record != null; record = reader.next()) {
                if (record instanceof ParsedRecord.Rejected r) {
                    Rejection rejection = r.rejection();
                    rejected.add(new BadRecord((int) r.line(), rejection.reason(), rejection.field()));
                    for (String personal : fixture.personalValuesOf(lines.get((int) r.line() - 1))) {
                        if (personal.length() >= 5) {
                            assertThat(rejection.message()).doesNotContainIgnoringCase(personal);
                            assertThat(rejection.excerpt()).doesNotContainIgnoringCase(personal);
                        }
                    }
                } else {
                    assertThat(planted).as("line %d is a planted bad record", record.line()).doesNotContainKey(record.line());
                    accepted++;
                }
            }
        }
        assertThat(rejected).containsExactlyInAnyOrderElementsOf(summary.bad());
        assertThat(accepted).isEqualTo(summary.goodRecords());
        assertThat(accepted + rejected.size()).isEqualTo(summary.records());
    }

    private static final Pattern YEAR = Pattern.compile("(?<![0-9])([0-9]{4})(?![0-9])");

    /**
     * SPEC §3 formats are exact ({@code yyyy-MM-dd}, {@code dd/MM/yyyy}, {@code dd/MM/yyyy HH:mm:ss}, ISO-8601 with a
     * four-digit year): a signed or five-digit year, which Java's ISO parsers and {@code uuuu} accept, is a bad date.
     */
    @TestFactory
    Stream<DynamicTest> a_date_with_a_signed_or_five_digit_year_is_a_bad_date() {
        ExportFixture fixture = fixture();
        return fixture.dateFields().stream().flatMap(field -> {
            String valid = fixture.fields().get(field);
            Matcher year = YEAR.matcher(valid);
            assertThat(year.find()).as("a four-digit year in %s = %s", field, valid).isTrue();
            return Stream.of("+1", "1", "0", "+", "-").map(prefix -> {
                String value = valid.substring(0, year.start()) + prefix + year.group(1) + valid.substring(year.end());
                return DynamicTest.dynamicTest(field + " = '" + value + "'", () -> {
                    Rejection rejection = rejection(fixture.readOne(fixture.with(field, value)));
                    assertThat(rejection.reason()).isEqualTo(RejectReason.BAD_DATE);
                    assertThat(rejection.field()).isEqualTo(field);
                    assertThat(rejection.message()).contains(field);
                });
            });
        });
    }

    /**
     * SPEC §3 trims white space only. A control character (NUL, BEL, ESC...) or an invisible formatting one (a
     * byte order mark, a zero width space) inside or around a value makes the value malformed, whatever the field:
     * {@code 1234567P\0} is not a job-seeker identifier, an I-Milo id with a trailing NUL is not the id without it,
     * and a session number never holds the NUL the session grouping separates its keys with.
     */
    @TestFactory
    Stream<DynamicTest> a_control_or_invisible_character_in_or_around_any_value_makes_it_malformed() {
        ExportFixture fixture = fixture();
        Map<String, String> variants = Map.of(
                "trailing NUL", "%s\u0000",
                "NUL inside", "\u0000%s",
                "BEL inside", "%s\u0007x",
                "byte order mark before", "\uFEFF%s",
                "zero width space after", "%s\u200B",
                "unit separator after", "%s\u001F");
        return fixture.fields().entrySet().stream().flatMap(field -> variants.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(variant -> DynamicTest.dynamicTest(field.getKey() + ", " + variant.getKey(), () -> {
                    String value = variant.getValue().formatted(field.getValue());
                    Rejection rejection = rejection(fixture.readOne(fixture.with(field.getKey(), value)));
                    assertThat(rejection.reason()).isEqualTo(RejectReason.CONTROL_CHARACTER);
                    assertThat(rejection.field()).isEqualTo(field.getKey());
                    assertThat(rejection.message()).contains(fixture.fileName() + " line ", field.getKey(), "U+");
                    assertNoPersonalValue(rejection, fixture.personalValues());
                })));
    }

    /** TAB and the Unicode spaces (a no-break space included) are white space: trimmed, not malformed (SPEC §3). */
    @TestFactory
    Stream<DynamicTest> tab_and_unicode_spaces_around_a_value_are_trimmed() {
        ExportFixture fixture = fixture();
        String field = fixture.freeTextField();
        String value = fixture.fields().get(field);
        return Stream.of("\t%s\t", "\u00A0%s\u202F", "\u2003%s\u3000").map(pattern -> DynamicTest.dynamicTest(
                field + " = '" + pattern + "'", () -> {
                    ParsedRecord record = fixture.readOne(fixture.with(field, pattern.formatted(value)));
                    assertThat(record).isInstanceOf(ParsedRecord.Accepted.class);
                    assertThat(((ParsedRecord.Accepted) record).event().getStructureCode()).isEqualTo(value);
                }));
    }

    private static final String MARK = "~BAD~";
    private static final byte[] E_ACUTE_IN_LATIN_1 = {(byte) 0xE9};

    private static final String OTHER_MARK = "~OTHER~";

    /** The export as UTF-8 with every {@link #MARK} replaced by {@code bytes}: bytes UTF-8 cannot hold. */
    private static byte[] withBytes(ExportFixture fixture, byte[] bytes, String... records) {
        return withBytes(fixture, Map.of(MARK, bytes), records);
    }

    private static byte[] withBytes(ExportFixture fixture, Map<String, byte[]> replacements, String... records) {
        byte[] text = fixture.export(StandardCharsets.UTF_8, records);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        next:
        for (int i = 0; i < text.length; i++) {
            for (Map.Entry<String, byte[]> r : replacements.entrySet()) {
                byte[] mark = r.getKey().getBytes(StandardCharsets.US_ASCII);
                if (i + mark.length <= text.length && java.util.Arrays.equals(text, i, i + mark.length, mark, 0, mark.length)) {
                    out.writeBytes(r.getValue());
                    i += mark.length - 1;
                    continue next;
                }
            }
            out.write(text[i]);
        }
        return out.toByteArray();
    }

    /**
     * SPEC §3.4: a record that cannot be parsed is rejected. Bytes that are not valid in the file's charset are not
     * replaced (U+FFFD would make two keys differing only in those bytes one): the line is rejected with its own
     * reason, naming the file, the line and the field, and reading goes on at the next line.
     */
    @Test
    void a_line_holding_bytes_not_valid_in_the_charset_is_rejected_and_reading_goes_on() throws Exception {
        ExportFixture fixture = fixture();
        String field = fixture.freeTextField();
        byte[] export = withBytes(fixture, E_ACUTE_IN_LATIN_1, fixture.with(field, "Cr" + MARK + "teil"), fixture.withKey("second"));

        List<ParsedRecord> records = fixture.read(export, StandardCharsets.UTF_8);

        assertThat(records).hasSize(2);
        Rejection rejection = rejection(records.get(0));
        long line = fixture.header().size() + 1;
        assertThat(rejection.reason()).isEqualTo(RejectReason.UNDECODABLE_BYTES);
        assertThat(rejection.field()).isEqualTo(field);
        assertThat(rejection.sourceKey()).isEqualTo(fixture.key());
        assertThat(rejection.message()).contains(fixture.fileName() + " line " + line, "record " + fixture.key(), field,
                "not valid UTF-8", "0xE9", "--charset ISO-8859-1");
        assertThat(rejection.excerpt()).doesNotContain("\uFFFD").doesNotContain("teil");
        assertNoPersonalValue(rejection, fixture.personalValues());
        assertThat(records.get(1)).isInstanceOf(ParsedRecord.Accepted.class);
        assertThat(records.get(1).line()).isEqualTo(line + 1);
    }

    /** The collapse the strict decoding prevents: two source keys that differ only in bytes UTF-8 cannot hold. */
    @Test
    void two_keys_differing_only_in_undecodable_bytes_are_two_rejections_never_one_record() throws Exception {
        ExportFixture fixture = fixture();
        byte[] export = withBytes(fixture, Map.of(MARK, new byte[] {(byte) 0xE9}, OTHER_MARK, new byte[] {(byte) 0xE8}),
                fixture.withKey("K-" + MARK), fixture.withKey("K-" + OTHER_MARK));

        List<ParsedRecord> records = fixture.read(export, StandardCharsets.UTF_8);

        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(rejection(r).reason()).isEqualTo(RejectReason.UNDECODABLE_BYTES));
        assertThat(records).allSatisfy(r -> assertThat(rejection(r).sourceKey()).isNull());
    }

    /** SPEC §3.1: legacy exports are ISO-8859-1, an option; read as UTF-8 their accented lines are rejected, not altered. */
    @Test
    void an_iso_8859_1_export_read_as_utf8_has_its_accented_lines_rejected_and_read_as_iso_8859_1_accepted() throws Exception {
        ExportFixture fixture = fixture();
        String field = fixture.freeTextField();
        byte[] latin1 = fixture.export(StandardCharsets.ISO_8859_1, fixture.with(field, "Agence Créteil"), fixture.withKey("plain"));

        List<ParsedRecord> asUtf8 = fixture.read(latin1, StandardCharsets.UTF_8);
        List<ParsedRecord> asLatin1 = fixture.read(latin1, StandardCharsets.ISO_8859_1);

        assertThat(rejection(asUtf8.get(0)).reason()).isEqualTo(RejectReason.UNDECODABLE_BYTES);
        assertThat(asUtf8.get(1)).isInstanceOf(ParsedRecord.Accepted.class);
        assertThat(asLatin1).allSatisfy(r -> assertThat(r).isInstanceOf(ParsedRecord.Accepted.class));
        assertThat(((ParsedRecord.Accepted) asLatin1.get(0)).event().getStructureCode()).isEqualTo("Agence Créteil");
    }

    /** A byte gone bad in the middle of a personal value leaves no part of the value in the rejection. */
    @TestFactory
    Stream<DynamicTest> an_undecodable_byte_inside_a_personal_value_shows_no_part_of_it() {
        ExportFixture fixture = fixture();
        return fixture.personalFields().stream().map(field -> DynamicTest.dynamicTest(field, () -> {
            String value = fixture.fields().get(field);
            String head = value.substring(0, value.length() / 2);
            String tail = value.substring(value.length() / 2);
            Rejection rejection = rejection(fixture.read(withBytes(fixture, E_ACUTE_IN_LATIN_1,
                    fixture.with(field, head + MARK + tail)), StandardCharsets.UTF_8).get(0));
            assertThat(rejection.reason()).isEqualTo(RejectReason.UNDECODABLE_BYTES);
            assertThat(rejection.field()).isEqualTo(field);
            for (String part : List.of(value, head, tail)) {
                assertThat(rejection.message()).doesNotContain(part);
                assertThat(rejection.excerpt()).doesNotContain(part);
            }
            assertNoPersonalValue(rejection, fixture.personalValues());
        }));
    }

    /** A JSON escape of half a surrogate pair is no character: Jackson keeps it, UTF-8 would write it as '?'. */
    @TestFactory
    Stream<DynamicTest> a_json_lone_surrogate_escape_in_any_value_is_rejected() {
        ExportFixture fixture = fixture();
        org.junit.jupiter.api.Assumptions.assumeTrue(fixture instanceof JsonExportFixture, "a JSON source");
        return fixture.fields().keySet().stream().map(field -> DynamicTest.dynamicTest(field, () -> {
            String record = fixture.with(field, fixture.fields().get(field) + MARK).replace(MARK, "\\ud800");
            Rejection rejection = rejection(fixture.readOne(record));
            assertThat(rejection.reason()).isEqualTo(RejectReason.UNDECODABLE_BYTES);
            assertThat(rejection.field()).isEqualTo(field);
            assertThat(rejection.message()).contains(field, "\\uD800");
            assertNoPersonalValue(rejection, fixture.personalValues());
        }));
    }

    @Test
    void two_json_keys_differing_only_in_lone_surrogates_are_two_rejections_never_one_record() throws Exception {
        ExportFixture fixture = fixture();
        org.junit.jupiter.api.Assumptions.assumeTrue(fixture instanceof JsonExportFixture, "a JSON source");
        List<ParsedRecord> records = fixture.read(fixture.withKey("K-" + MARK).replace(MARK, "\\ud800"),
                fixture.withKey("K-" + MARK).replace(MARK, "\\udfff"));
        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(rejection(r).reason()).isEqualTo(RejectReason.UNDECODABLE_BYTES));
    }

    /** JSON over the reader's nesting or number-length limit (Jackson's StreamReadConstraints) says which limit. */
    @Test
    void json_over_the_readers_nesting_or_number_length_limit_says_which_limit() throws Exception {
        ExportFixture fixture = fixture();
        org.junit.jupiter.api.Assumptions.assumeTrue(fixture instanceof JsonExportFixture, "a JSON source");
        String valid = fixture.valid();
        String deep = valid.substring(0, valid.length() - 1) + ",\"deep\":" + "[".repeat(1500) + "]".repeat(1500) + "}";
        String big = valid.substring(0, valid.length() - 1) + ",\"big\":" + "9".repeat(1500) + "}";

        Rejection nested = rejection(fixture.readOne(deep));
        Rejection number = rejection(fixture.readOne(big));

        assertThat(nested.reason()).isEqualTo(RejectReason.PARSE_ERROR);
        assertThat(nested.message()).contains(fixture.fileName() + " line 1", "nested deeper than 1000 levels", "maxNestingDepth");
        assertThat(number.reason()).isEqualTo(RejectReason.PARSE_ERROR);
        assertThat(number.message()).contains("a JSON number longer than 1000 characters", "maxNumberLength");
        assertNoPersonalValue(nested, fixture.personalValues());
        assertNoPersonalValue(number, fixture.personalValues());
    }

    /** LF, CRLF and a lone CR all end a record (SPEC §3: files from any system). */
    @Test
    void lf_crlf_and_a_lone_cr_end_records_alike() throws Exception {
        ExportFixture fixture = fixture();
        StringBuilder text = new StringBuilder();
        fixture.header().forEach(h -> text.append(h).append("\r\n"));
        text.append(fixture.withKey("a")).append("\r").append(fixture.withKey("b")).append("\r\n")
                .append(fixture.withKey("c")).append('\n').append(fixture.withKey("d"));
        List<ParsedRecord> records = fixture.read(text.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(records).extracting(r -> ((ParsedRecord.Accepted) r).event().getSourceKey()).containsExactly("A", "B", "C", "D");
    }

    /** A UTF-16 export (Excel's "Unicode text") is not read as garbage: the whole file is refused, saying why. */
    @Test
    void a_utf16_export_is_refused_whole_saying_so() {
        ExportFixture fixture = fixture();
        byte[] utf16 = ExportFixture.concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                fixture.export(StandardCharsets.UTF_16LE, fixture.valid()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.read(utf16, StandardCharsets.UTF_8))
                .isInstanceOf(fr.ais.ingest.InputFormatException.class)
                .hasMessageContaining(fixture.fileName()).hasMessageContaining("UTF-16");
    }

    /**
     * The project's bad-input corpus for this source (fixtures with a manifest, see {@link BadInputCorpus}): for each
     * case no crash, the expected accepted and rejected records, input = accepted + rejected, a message naming the
     * record (file and line) and the field, and no raw personal value anywhere: messages, excerpts, keys, record
     * digests, the message refusing a whole file, and every log line written meanwhile.
     */
    @TestFactory
    Stream<DynamicTest> the_bad_input_corpus_reads_as_its_manifest_says() {
        BadInputCorpus corpus = BadInputCorpus.load();
        ExportFixture fixture = fixture();
        return corpus.cases().stream().map(c -> DynamicTest.dynamicTest(c.name() + " (" + c.file() + ")", () -> {
            byte[] bytes = corpus.bytes(c);
            List<ParsedRecord> records = new ArrayList<>();
            String refused = null;
            List<String> logs;
            try (CapturedLogs captured = new CapturedLogs();
                 RecordReader reader = fixture.format().open(new java.io.ByteArrayInputStream(bytes),
                         new fr.ais.ingest.ReadContext(c.origin(), c.charset(), ExportFixture.PSEUDONYMIZER))) {
                for (ParsedRecord record = reader.next(); record != null; record = reader.next()) {
                    records.add(record);
                }
                logs = captured.lines();
            } catch (fr.ais.ingest.InputFormatException e) {
                refused = e.getMessage();
                logs = List.of();
            }

            if (c.unusable() != null) {
                assertThat(refused).as("the file is refused whole").isNotNull().contains(c.origin(), c.unusable());
            } else {
                assertThat(refused).as("the file is read").isNull();
                assertThat((long) records.size()).as("input = accepted + rejected")
                        .isEqualTo(BadInputCorpus.records(bytes, c.charset(), fixture.header().size()));
            }
            assertThat(records.stream().filter(r -> r instanceof ParsedRecord.Accepted).count()).as("accepted")
                    .isEqualTo(c.accepted());
            List<ParsedRecord.Rejected> rejected = records.stream().filter(r -> r instanceof ParsedRecord.Rejected)
                    .map(r -> (ParsedRecord.Rejected) r).toList();
            assertThat(rejected).extracting(r -> new BadInputCorpus.Rejected(r.line(), r.rejection().reason(),
                    r.rejection().field())).as("rejected").containsExactlyElementsOf(c.rejections());
            for (ParsedRecord.Rejected r : rejected) {
                assertThat(r.rejection().message()).startsWith(c.origin() + " line " + r.line() + ", record ");
                if (r.rejection().field() != null) {
                    assertThat(r.rejection().message()).contains(r.rejection().field());
                }
                assertThat(r.recordDigest()).as("the dead letter's key").matches("[0-9a-f]{64}");
                assertNoPersonalValue(r.rejection(), corpus.personalValues());
            }
            for (String personal : corpus.personalValues()) {
                assertThat(refused == null ? "" : refused).doesNotContainIgnoringCase(personal);
                assertThat(logs).noneMatch(line -> line.toLowerCase(java.util.Locale.ROOT).contains(personal.toLowerCase(java.util.Locale.ROOT)));
            }
        }));
    }

    /** Neither the message, the excerpt nor the key of a rejection holds one of {@code personalValues}. */
    protected static void assertNoPersonalValue(Rejection rejection, List<String> personalValues) {
        for (String personal : personalValues) {
            assertThat(rejection.message()).doesNotContainIgnoringCase(personal);
            if (rejection.excerpt() != null) {
                assertThat(rejection.excerpt()).doesNotContainIgnoringCase(personal);
            }
            if (rejection.sourceKey() != null) {
                assertThat(rejection.sourceKey()).doesNotContainIgnoringCase(personal);
            }
        }
    }

    /** A connector module declares its format (META-INF/services): the runtime and the CLI find it by its source. */
    @Test
    void the_format_is_found_on_the_class_path_by_its_source() {
        ExportFixture fixture = fixture();
        assertThat(fr.ais.ingest.SourceFormat.of(fixture.format().source())).isInstanceOf(fixture.format().getClass());
        assertThat(fr.ais.ingest.SourceFormat.all()).extracting(fr.ais.ingest.SourceFormat::source)
                .contains(fixture.format().source());
    }

    /** The rejection of {@code record}, failing the test when it was accepted. */
    protected static Rejection rejection(ParsedRecord record) {
        assertThat(record).isInstanceOf(ParsedRecord.Rejected.class);
        return ((ParsedRecord.Rejected) record).rejection();
    }
}
