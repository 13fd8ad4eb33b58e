package fr.ais.ingest.pe;

import fr.ais.ingest.testing.ExportFixture;
import fr.ais.ingest.testing.FileIngestionContract;

/** What every file connector does on a real broker, for the Pe export. */
class PeFileIngestionIT extends FileIngestionContract {

    @Override
    protected ExportFixture fixture() {
        return PeExport.EXPORT;
    }

    @Override
    protected String extension() {
        return ".csv";
    }
}
