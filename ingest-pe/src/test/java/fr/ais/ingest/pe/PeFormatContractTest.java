package fr.ais.ingest.pe;

import fr.ais.ingest.testing.ExportFixture;
import fr.ais.ingest.testing.SourceFormatContract;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.export.FileSummary;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;

@DisplayName("SPEC §3.4 for the PE export: what every source format does")
class PeFormatContractTest extends SourceFormatContract {

    @Override
    protected ExportFixture fixture() {
        return PeExport.EXPORT;
    }

    @Override
    protected FileSummary planted(GeneratedDataSet data) {
        return data.pe();
    }

    /** The generated PE export is a legacy one: ISO-8859-1. */
    @Override
    protected Charset syntheticCharset() {
        return StandardCharsets.ISO_8859_1;
    }
}
