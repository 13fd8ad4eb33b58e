package fr.ais.ingest.publish;

import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.RecordReader;
import fr.ais.ingest.Rejection;
import fr.ais.ingest.SourceFormat;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.AvroSerdeFactory;
import fr.ais.schemas.ConnectorCheckpoint;
import fr.ais.schemas.ConnectorCheckpointKey;
import fr.ais.schemas.DeadLetter;
import fr.ais.schemas.DeadLetterKey;
import fr.ais.schemas.RejectReason;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes one file export exactly once: its accepted records as events, its rejected records as
 * dead letters, and the connector's position in the file, all in the same transactions. A run
 * killed at any moment and restarted resumes after the last committed batch: no gap, no duplicate.
 * A file is known by the SHA-256 of its content, so a file already ingested publishes nothing
 * again unless forced.
 */
public final class FileIngestion {

    /**
     * How long a failed run lets its producer abort the open transaction before leaving it to the broker: a healthy
     * cluster aborts in milliseconds, while an abort that cannot complete would wait the request timeout (30 s).
     */
    private static final Duration FAILED_CLOSE = Duration.ofSeconds(5);

    private final SourceFormat format;
    private final TopicCatalogue topics;
    private final AvroSerdeFactory serdes;
    private final Map<String, Object> clientProperties;
    private final String connectorVersion;
    private final int batchSize;
    private final Clock clock;
    private final IngestMetrics metrics;
    private final boolean transactional;

    /**
     * With metrics that nothing exports.
     *
     * @param clientProperties bootstrap servers and security settings
     * @param batchSize        input records per transaction
     */
    public FileIngestion(SourceFormat format, TopicCatalogue topics, AvroSerdeFactory serdes,
            Map<String, Object> clientProperties, int batchSize, Clock clock) {
        this(format, topics, serdes, clientProperties, batchSize, clock, IngestMetrics.unexported(format));
    }

    /**
     * @param clientProperties bootstrap servers and security settings
     * @param batchSize        input records per transaction
     * @param metrics          counts what each transaction committed; they must be {@code format}'s connector's
     */
    public FileIngestion(SourceFormat format, TopicCatalogue topics, AvroSerdeFactory serdes,
            Map<String, Object> clientProperties, int batchSize, Clock clock, IngestMetrics metrics) {
        this(format, topics, serdes, clientProperties, batchSize, clock, metrics, true);
    }

    private FileIngestion(SourceFormat format, TopicCatalogue topics, AvroSerdeFactory serdes,
            Map<String, Object> clientProperties, int batchSize, Clock clock, IngestMetrics metrics,
            boolean transactional) {
        this.transactional = transactional;
        if (!metrics.connector().equals(format.connectorName()) || metrics.source() != format.source()) {
            throw new IllegalArgumentException("metrics of " + metrics.connector() + " (" + metrics.source()
                    + ") given to the ingestion of " + format.connectorName() + " (" + format.source() + ")");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        this.metrics = metrics;
        this.format = format;
        this.topics = topics;
        this.serdes = serdes;
        this.clientProperties = Map.copyOf(clientProperties);
        this.batchSize = batchSize;
        this.clock = clock;
        String version = FileIngestion.class.getPackage().getImplementationVersion();
        this.connectorVersion = format.connectorName() + " " + (version == null ? "dev" : version);
    }

    /**
     * The same ingestion with a plain idempotent producer, without transactions: <b>for benchmarks only</b>, to
     * measure what the transactions cost. Records are no longer published exactly once (a run killed in the middle
     * may leave a checkpoint ahead of its events, or events without their checkpoint), and the metrics count the
     * whole file once the producer has flushed it.
     */
    public FileIngestion withoutTransactions() {
        return new FileIngestion(format, topics, serdes, clientProperties, batchSize, clock, metrics, false);
    }

    /** Whether records, dead letters and checkpoints are published in transactions (the default). */
    public boolean transactional() {
        return transactional;
    }

    /**
     * Ingests {@code file}.
     *
     * @param force    publish again a file that was already fully ingested
     * @param progress told the number of input records done so far, now and then
     */
    public IngestSummary ingest(Path file, ReadContext context, boolean force, LongConsumer progress)
            throws IOException {
        long started = System.nanoTime();
        String input = "file:" + sha256(file);
        ConnectorCheckpointKey checkpointKey = new ConnectorCheckpointKey(format.connectorName(), input);
        Map<ConnectorCheckpointKey, ConnectorCheckpoint> checkpoints = readCheckpoints();
        ConnectorCheckpoint previous = checkpoints.get(checkpointKey);
        if (previous != null && previous.getComplete() && !force) {
            return new IngestSummary(context.origin(), 0, 0, 0, previous.getRecordsDone(), true, seconds(started));
        }
        long skip = previous == null || previous.getComplete() ? 0 : previous.getRecordsDone();
        long nextPosition = checkpoints.values().stream()
                .filter(c -> c.getConnector().equals(format.connectorName()))
                .mapToLong(ConnectorCheckpoint::getNextSourcePosition).max().orElse(1L);

        ConnectorRecords records = new ConnectorRecords(format.source(), topics, serdes);

        long done = 0;
        long accepted = previous == null || previous.getComplete() ? 0 : previous.getAccepted();
        long rejected = previous == null || previous.getComplete() ? 0 : previous.getRejected();
        long acceptedNow = 0;
        long rejectedNow = 0;
        long undecodable = 0;
        long firstUndecodable = 0;
        // what the open transaction holds, counted in the metrics once it is committed
        Batch batch = new Batch();
        // without transactions, a failed send shows only here (with them, the commit throws)
        AtomicReference<Exception> failed = new AtomicReference<>();
        Callback failures = (metadata, e) -> {
            if (e != null) {
                failed.compareAndSet(null, e);
            }
        };
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(),
                new ByteArraySerializer(), new ByteArraySerializer());
        boolean completed = false;
        try (CountingInputStream in = new CountingInputStream(Files.newInputStream(file));
             RecordReader reader = format.open(in, context)) {
            if (transactional) {
                producer.initTransactions();
                producer.beginTransaction();
            }
            int inBatch = 0;
            for (ParsedRecord record = reader.next(); record != null; record = reader.next()) {
                done++;
                if (done <= skip) {
                    continue;
                }
                if (record instanceof ParsedRecord.Accepted a) {
                    records.sendEvent(producer, a.event(), nextPosition++, context.origin(), failures);
                    accepted++;
                    acceptedNow++;
                    batch.accepted++;
                } else if (record instanceof ParsedRecord.Rejected r) {
                    DeadLetterKey key = ConnectorRecords.deadLetterKey(format.source(), r.recordDigest());
                    records.sendDeadLetter(producer, key, deadLetter(context.origin(), r.line(), r.rejection()), failures);
                    rejected++;
                    rejectedNow++;
                    batch.rejected.merge(r.rejection().reason(), 1L, Long::sum);
                    if (r.rejection().reason() == RejectReason.UNDECODABLE_BYTES && undecodable++ == 0) {
                        firstUndecodable = r.line();
                    }
                }
                batch.read++;
                if (++inBatch >= batchSize) {
                    records.sendCheckpoint(producer,
                            checkpoint(checkpointKey, file, done, accepted, rejected, false, nextPosition), failures);
                    if (transactional) {
                        producer.commitTransaction();
                        batch.committed(in.count());
                        producer.beginTransaction();
                    }
                    progress.accept(done);
                    inBatch = 0;
                }
            }
            records.sendCheckpoint(producer,
                    checkpoint(checkpointKey, file, done, accepted, rejected, true, nextPosition), failures);
            if (transactional) {
                producer.commitTransaction();
            } else {
                producer.flush();
                if (failed.get() != null) {
                    throw new KafkaException("cannot publish " + file.getFileName() + ": " + failed.get().getMessage(),
                            failed.get());
                }
            }
            batch.committed(in.count());
            metrics.succeeded(clock.instant());
            progress.accept(done);
            completed = true;
        } finally {
            // after a failure the abort of the open transaction is waited for a moment only (30 s were seen with a
            // schema missing); if it does not complete, the next run's initTransactions aborts it, or the broker's
            // transaction timeout does: read-committed readers never see its records either way
            producer.close(completed ? Duration.ofMillis(Long.MAX_VALUE) : FAILED_CLOSE);
        }
        return new IngestSummary(context.origin(), done - skip, acceptedNow, rejectedNow, skip, false, seconds(started),
                undecodable == 0 ? null
                        : new IngestSummary.Undecodable(undecodable, firstUndecodable, context.charset().name()));
    }

    /** The records of the open transaction, and the input bytes counted so far. */
    private final class Batch {
        long read;
        long accepted;
        final Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
        long bytesCounted;

        /** Counts the batch in the metrics, once its transaction is committed, and starts the next one. */
        void committed(long bytesReadSoFar) {
            metrics.committed(read, accepted, rejected, bytesReadSoFar - bytesCounted);
            bytesCounted = bytesReadSoFar;
            read = 0;
            accepted = 0;
            rejected.clear();
        }
    }

    /** Counts the bytes read from the file (the readers buffer ahead: a count is exact once the input is read). */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    private DeadLetter deadLetter(String origin, long line, Rejection rejection) {
        return ConnectorRecords.deadLetter(format.source(), origin, line, rejection, connectorVersion, clock.instant())
                .build();
    }

    private ConnectorCheckpoint checkpoint(ConnectorCheckpointKey key, Path file, long done, long accepted,
            long rejected, boolean complete, long nextPosition) {
        return ConnectorCheckpoint.newBuilder()
                .setConnector(key.getConnector())
                .setInput(key.getInput())
                .setFileName(file.getFileName().toString())
                .setRecordsDone(done)
                .setAccepted(accepted)
                .setRejected(rejected)
                .setComplete(complete)
                .setNextSourcePosition(nextPosition)
                .setUpdatedAt(clock.instant())
                .build();
    }

    private Map<String, Object> producerProperties() {
        return ConnectorTransactions.producerProperties(clientProperties, topics, format.connectorName(), transactional);
    }

    private Map<ConnectorCheckpointKey, ConnectorCheckpoint> readCheckpoints() {
        return ConnectorTransactions.checkpoints(clientProperties, topics, serdes);
    }

    private static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
