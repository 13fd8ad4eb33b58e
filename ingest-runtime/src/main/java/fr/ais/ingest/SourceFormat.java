package fr.ais.ingest;

import fr.ais.schemas.Source;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A source's export format: turns the raw records of one input into normalised events or rejections.
 *
 * <p>Each connector module declares its format in {@code META-INF/services/fr.ais.ingest.SourceFormat}: the runtime
 * and the command line find them there ({@link #of}, {@link #all}), so a new source brings its module, its
 * {@link Source} symbol and nothing else to wire.
 */
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

    /** Every format on the class path, in the order of their sources. */
    static List<SourceFormat> all() {
        return ServiceLoader.load(SourceFormat.class).stream().map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(SourceFormat::source)).toList();
    }

    /**
     * The format of {@code source}.
     *
     * @throws IllegalStateException when no module on the class path, or more than one, declares it
     */
    static SourceFormat of(Source source) {
        List<SourceFormat> formats = all().stream().filter(f -> f.source() == source).toList();
        if (formats.size() != 1) {
            throw new IllegalStateException(formats.isEmpty()
                    ? "no format of the " + source + " source on the class path (its ingest module declares it in"
                            + " META-INF/services/" + SourceFormat.class.getName() + ")"
                    : "more than one format of the " + source + " source on the class path: " + formats);
        }
        return formats.get(0);
    }
}
