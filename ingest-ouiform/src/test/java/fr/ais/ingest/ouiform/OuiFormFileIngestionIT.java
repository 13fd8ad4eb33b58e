package fr.ais.ingest.ouiform;

import fr.ais.ingest.testing.ExportFixture;
import fr.ais.ingest.testing.FileIngestionContract;

/** What every file connector does on a real broker, for the OuiForm export. */
class OuiFormFileIngestionIT extends FileIngestionContract {

    @Override
    protected ExportFixture fixture() {
        return OuiFormExport.EXPORT;
    }

    @Override
    protected String extension() {
        return ".jsonl";
    }
}
