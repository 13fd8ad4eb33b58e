package fr.ais.ingest.imilo;

import fr.ais.ingest.testing.ExportFixture;
import fr.ais.ingest.testing.SourceFormatContract;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.export.FileSummary;
import org.junit.jupiter.api.DisplayName;

@DisplayName("SPEC §3.4 for the I-Milo export: what every source format does")
class ImiloFormatContractTest extends SourceFormatContract {

    @Override
    protected ExportFixture fixture() {
        return ImiloExport.EXPORT;
    }

    @Override
    protected FileSummary planted(GeneratedDataSet data) {
        return data.imilo();
    }
}
