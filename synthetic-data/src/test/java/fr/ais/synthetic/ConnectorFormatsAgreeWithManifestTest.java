package fr.ais.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.RecordReader;
import fr.ais.ingest.SourceFormat;
import fr.ais.ingest.imilo.ImiloFormat;
import fr.ais.ingest.ouiform.OuiFormFormat;
import fr.ais.ingest.pe.PeFormat;
import fr.ais.synthetic.export.BadRecord;
import fr.ais.synthetic.export.FileSummary;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §3.4, input = accepted + rejected: the connectors' own formats reject exactly the records the manifest
 * lists as bad, on the same line, for the same reason and field, and accept every other one.
 */
class ConnectorFormatsAgreeWithManifestTest {

    private static final Pseudonymizer PSEUDONYMS =
            new Pseudonymizer("a test key of at least sixteen bytes".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    @Test
    void utf8ExportsAreRejectedExactlyWhereTheManifestSays() throws Exception {
        GeneratedDataSet ds = Generator.generate(GeneratorOptions.defaults(dir).withPeople(2000).withSeed(11));
        assertAgree(new PeFormat(), ds.pe(), StandardCharsets.UTF_8);
        assertAgree(new ImiloFormat(), ds.imilo(), StandardCharsets.UTF_8);
        assertAgree(new OuiFormFormat(), ds.ouiform(), StandardCharsets.UTF_8);
    }

    @Test
    void aLegacyIso88591PeExportIsRejectedExactlyWhereTheManifestSays() throws Exception {
        GeneratedDataSet ds = Generator.generate(GeneratorOptions.defaults(dir).withPeople(1000).withSeed(12)
                .withPeCharset(StandardCharsets.ISO_8859_1));
        assertAgree(new PeFormat(), ds.pe(), StandardCharsets.ISO_8859_1);
    }

    private static void assertAgree(SourceFormat format, FileSummary summary, Charset charset) throws Exception {
        Map<Long, String> expected = new TreeMap<>();
        for (BadRecord bad : summary.bad()) {
            expected.put((long) bad.line(), bad.reason() + " " + bad.field());
        }
        Map<Long, String> rejected = new TreeMap<>();
        int accepted = 0;
        Path file = summary.file();
        try (InputStream in = Files.newInputStream(file);
             RecordReader reader = format.open(in, new ReadContext(file.getFileName().toString(), charset, PSEUDONYMS))) {
            for (ParsedRecord r = reader.next(); r != null; r = reader.next()) {
                if (r instanceof ParsedRecord.Rejected rejection) {
                    rejected.put(rejection.line(), rejection.rejection().reason() + " " + rejection.rejection().field());
                } else {
                    accepted++;
                }
            }
        }
        assertThat(rejected).as(file.getFileName().toString()).isEqualTo(expected);
        assertThat(accepted + rejected.size()).isEqualTo(summary.records());
        assertThat(accepted).isEqualTo(summary.goodRecords());
    }
}
