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

    /** The rejection of {@code record}, failing the test when it was accepted. */
    protected static Rejection rejection(ParsedRecord record) {
        assertThat(record).isInstanceOf(ParsedRecord.Rejected.class);
        return ((ParsedRecord.Rejected) record).rejection();
    }
}
