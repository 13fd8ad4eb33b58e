package fr.ais.ingest;

import fr.ais.schemas.Source;
import java.io.IOException;
import java.io.InputStream;

/** A source's export format: turns the raw records of one input into normalised events or rejections. */
public interface SourceFormat {

    Source source();

    /** The connector's name, e.g. {@code ingest-pe}. */
    String connectorName();

    /**
     * Opens a streaming reader over one file export (constant memory whatever its size).
     *
     * @throws InputFormatException when the whole input is unusable (e.g. a CSV header that differs)
     */
    RecordReader open(InputStream in, ReadContext context) throws IOException;
}
