package fr.ais.ingest.pe;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.ingest.ReadContext;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks this format against the synthetic-data generator, written independently from the SPEC: every planted bad
 * record is rejected on its line with its reason and field, every other record is accepted, and no rejection shows
 * a personal value of its record.
 */
@DisplayName("SPEC §3.4: input records = accepted + rejected, each planted bad record rejected with its reason and field")
class PeSyntheticExportTest {

    private static final Pattern PERSONAL_JSON = Pattern.compile(
            "\"(idMilo|identifiantPE|dateNaissance|peIdentifier|miloId|birthDate)\"\\s*:\\s*\"([^\"]*)\"");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {42L, 7L})
    void the_synthetic_export_is_read_as_planted(long seed, @TempDir Path dir) throws Exception {
        GeneratedDataSet data = Generator.generate(GeneratorOptions.defaults(dir).withPeople(800).withSeed(seed)
                .withBadRecordRate(0.05).withPeCharset(StandardCharsets.ISO_8859_1));
        FileSummary summary = data.pe();
        Path file = data.peFile();
        Charset charset = StandardCharsets.ISO_8859_1;
        Map<Long, BadRecord> planted = new HashMap<>();
        summary.bad().forEach(b -> planted.put((long) b.line(), b));
        List<String> lines = Files.readAllLines(file, charset);
        ReadContext context = new ReadContext(file.getFileName().toString(), charset,
                new Pseudonymizer("synthetic-check-key-0123456789".getBytes(StandardCharsets.UTF_8)));

        int accepted = 0;
        List<BadRecord> rejected = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); RecordReader reader = new PeFormat().open(in, context)) {
            ParsedRecord record;
            while ((record = reader.next()) != null) {
                if (record instanceof ParsedRecord.Rejected r) {
                    Rejection rejection = r.rejection();
                    rejected.add(new BadRecord((int) r.line(), rejection.reason(), rejection.field()));
                    for (String personal : personalValues(lines.get((int) r.line() - 1))) {
                        assertThat(rejection.message()).doesNotContainIgnoringCase(personal);
                        assertThat(rejection.excerpt()).doesNotContainIgnoringCase(personal);
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

    private static List<String> personalValues(String rawLine) {
        List<String> values = new ArrayList<>();
        Matcher json = PERSONAL_JSON.matcher(rawLine);
        while (json.find()) {
            values.add(json.group(2).trim());
        }
        if (!rawLine.trim().startsWith("{")) {
            String[] fields = rawLine.split(";", -1);
            if (fields.length > 4) {
                values.add(fields[3].replace("\"", "").trim());
                values.add(fields[4].replace("\"", "").trim());
            }
        }
        values.removeIf(v -> v.length() < 5);
        return values;
    }
}
