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

    /** The rejection of {@code record}, failing the test when it was accepted. */
    protected static Rejection rejection(ParsedRecord record) {
        assertThat(record).isInstanceOf(ParsedRecord.Rejected.class);
        return ((ParsedRecord.Rejected) record).rejection();
    }
}
