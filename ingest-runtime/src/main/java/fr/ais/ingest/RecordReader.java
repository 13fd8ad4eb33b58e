package fr.ais.ingest;

import java.io.Closeable;
import java.io.IOException;

/** Reads one input record at a time. */
public interface RecordReader extends Closeable {

    /** The next input record, accepted or rejected, or {@code null} at the end of the input. */
    ParsedRecord next() throws IOException;
}
