package fr.ais.ingest.publish;

import fr.ais.ingest.SourceFormat;
import fr.ais.schemas.RejectReason;
import fr.ais.schemas.Source;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A connector's metrics on a Micrometer registry, every meter tagged {@code connector} (e.g. {@code ingest-pe})
 * and {@code source} (e.g. {@code PE}):
 * <ul>
 *   <li>{@value #RECORDS_READ}, {@value #RECORDS_ACCEPTED}, {@value #RECORDS_REJECTED} (also tagged {@code reason},
 *       the rejection reason code): input records whose events or dead letters are committed. They move once per
 *       committed batch, never for records a failed or aborted transaction published, so they always agree with the
 *       topics (read committed) and with the run's {@link IngestSummary};</li>
 *   <li>{@value #BYTES_READ}: bytes of input read, counted at the same commits;</li>
 *   <li>{@value #LAST_SUCCESS}: when an input was last fully ingested, in epoch seconds ({@code NaN} before);</li>
 *   <li>{@value #LAG_SECONDS}: how far behind its source the connector is, set by the caller (an API connector
 *       knows its lag, a file connector does not: {@code NaN} until set);</li>
 *   <li>{@value #FAILED_FILES}: for a drop directory, the files lying in its {@code failed/} (each waits for a
 *       person: see its {@code .reason.txt}), counted at each scrape.</li>
 * </ul>
 * Thread-safe.
 */
public final class IngestMetrics {

    public static final String RECORDS_READ = "ais.connector.records.read";
    public static final String RECORDS_ACCEPTED = "ais.connector.records.accepted";
    public static final String RECORDS_REJECTED = "ais.connector.records.rejected";
    public static final String BYTES_READ = "ais.connector.bytes.read";
    public static final String LAST_SUCCESS = "ais.connector.last.success";
    public static final String LAG_SECONDS = "ais.connector.lag.seconds";
    public static final String FAILED_FILES = "ais.connector.failed.files";

    private final MeterRegistry registry;
    private final String connector;
    private final Source source;
    private final Counter read;
    private final Counter accepted;
    private final Counter bytes;
    private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);
    private volatile double lastSuccessEpochSeconds = Double.NaN;
    private volatile double lagSeconds = Double.NaN;

    public IngestMetrics(MeterRegistry registry, String connector, Source source) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.source = Objects.requireNonNull(source, "source");
        Tags tags = tags();
        read = Counter.builder(RECORDS_READ).tags(tags)
                .description("Input records read, whose events or dead letters are committed").register(registry);
        accepted = Counter.builder(RECORDS_ACCEPTED).tags(tags)
                .description("Input records published as events (committed)").register(registry);
        bytes = Counter.builder(BYTES_READ).tags(tags).baseUnit("bytes")
                .description("Bytes of input read, counted at each commit").register(registry);
        for (RejectReason reason : RejectReason.values()) {
            rejected.put(reason, Counter.builder(RECORDS_REJECTED).tags(tags.and("reason", reason.name()))
                    .description("Input records published as dead letters (committed), per reason").register(registry));
        }
        Gauge.builder(LAST_SUCCESS, this, m -> m.lastSuccessEpochSeconds).tags(tags).strongReference(true)
                .baseUnit("seconds").description("When an input was last fully ingested (epoch seconds)")
                .register(registry);
        Gauge.builder(LAG_SECONDS, this, m -> m.lagSeconds).tags(tags).strongReference(true)
                .baseUnit("seconds").description("How far behind its source the connector is").register(registry);
    }

    /** The metrics of {@code format}'s connector. */
    public static IngestMetrics of(MeterRegistry registry, SourceFormat format) {
        return new IngestMetrics(registry, format.connectorName(), format.source());
    }

    /** Metrics kept in a private registry that nothing exports: for callers that want none. */
    public static IngestMetrics unexported(SourceFormat format) {
        return of(new SimpleMeterRegistry(), format);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public String connector() {
        return connector;
    }

    public Source source() {
        return source;
    }

    /** The {@code connector} and {@code source} tags every meter of these metrics carries. */
    public Tags tags() {
        return Tags.of("connector", connector, "source", source.name());
    }

    /**
     * Counts one committed batch.
     *
     * @param recordsRead       input records of the batch
     * @param recordsAccepted   of those, published as events
     * @param rejectedByReason  of those, published as dead letters, per reason
     * @param bytesRead         bytes of input read since the previous batch
     */
    public void committed(long recordsRead, long recordsAccepted, Map<RejectReason, Long> rejectedByReason,
            long bytesRead) {
        read.increment(recordsRead);
        accepted.increment(recordsAccepted);
        rejectedByReason.forEach((reason, count) -> rejected.get(reason).increment(count));
        bytes.increment(bytesRead);
    }

    /** Records that an input was fully ingested at {@code when}. */
    public void succeeded(Instant when) {
        lastSuccessEpochSeconds = when.getEpochSecond();
    }

    /** Counts, at each scrape, the files in {@code failed} (a drop directory's {@code failed/}) but their reasons. */
    public void watchFailedDirectory(Path failed) {
        Gauge.builder(FAILED_FILES, failed, IngestMetrics::failedFiles).tags(tags()).strongReference(true)
                .description("Files moved to the drop directory's failed/, waiting for someone").register(registry);
    }

    private static double failedFiles(Path failed) {
        try (Stream<Path> files = Files.list(failed)) {
            return files.filter(f -> !f.getFileName().toString().endsWith(DropDirectoryService.REASON_SUFFIX)).count();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** Sets the lag gauge: how far behind its source the connector is. */
    public void lagSeconds(double seconds) {
        lagSeconds = seconds;
    }
}
