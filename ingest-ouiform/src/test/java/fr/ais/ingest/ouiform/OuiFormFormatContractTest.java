package fr.ais.ingest.ouiform;

import fr.ais.ingest.testing.ExportFixture;
import fr.ais.ingest.testing.SourceFormatContract;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.export.FileSummary;
import org.junit.jupiter.api.DisplayName;

@DisplayName("SPEC §3.4 for the OuiForm export: what every source format does")
class OuiFormFormatContractTest extends SourceFormatContract {

    @Override
    protected ExportFixture fixture() {
        return OuiFormExport.EXPORT;
    }

    @Override
    protected FileSummary planted(GeneratedDataSet data) {
        return data.ouiform();
    }
}
