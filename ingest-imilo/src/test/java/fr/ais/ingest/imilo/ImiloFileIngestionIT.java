package fr.ais.ingest.imilo;

import fr.ais.ingest.testing.ExportFixture;
import fr.ais.ingest.testing.FileIngestionContract;

/** What every file connector does on a real broker, for the Imilo export. */
class ImiloFileIngestionIT extends FileIngestionContract {

    @Override
    protected ExportFixture fixture() {
        return ImiloExport.EXPORT;
    }

    @Override
    protected String extension() {
        return ".jsonl";
    }
}
