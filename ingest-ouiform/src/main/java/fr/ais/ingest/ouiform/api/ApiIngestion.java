package fr.ais.ingest.ouiform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.RecordDigest;
import fr.ais.ingest.ouiform.OuiFormFormat;
import fr.ais.ingest.ouiform.OuiFormRecordMapper;
import fr.ais.ingest.publish.ConnectorRecords;
import fr.ais.ingest.publish.ConnectorTransactions;
import fr.ais.ingest.publish.IngestMetrics;
import fr.ais.ingest.publish.IngestSummary;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.AvroSerdeFactory;
import fr.ais.schemas.ConnectorCheckpoint;
import fr.ais.schemas.ConnectorCheckpointKey;
import fr.ais.schemas.DeadLetter;
import fr.ais.schemas.RejectReason;
import fr.ais.schemas.Source;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes one pass over the OuiForm API exactly once: page by page, each page in one Kafka transaction holding
 * its accepted items as events, its rejected items as dead letters, and the connector's position (checkpoint of
 * input {@code api:<base URL>}).
 *
 * <p>A run stopped at any moment (error, kill) and started again resumes at the cursor of the last committed page:
 * no gap, no duplicate. A run that finds the last pass complete starts a new one from the newest {@code updatedAt}
 * published, skipping the versions already published at that instant (see {@link NewestVersions}).
 *
 * <p>Each page is fetched, with its retries, before its transaction begins, so a long {@code Retry-After} never
 * holds a transaction open; when publishing fails the open transaction is aborted. Either way the exception
 * propagates and nothing is lost: the next run fetches that page again from the committed cursor.
 *
 * <p>Events are keyed, serialised and numbered ({@code sourcePosition}) exactly as by {@code FileIngestion} (both
 * through {@link ConnectorRecords}), and the two share one transactional id per connector: an API run fences a file
 * run of the same connector (and the other way round), since both number the same positions.
 */
public final class ApiIngestion {

    /** Writes an item back for its digest; as deep as a page may be read (an item over the limits has one too). */
    private static final ObjectMapper ITEM_TEXT = JsonMapper.builder(OuiFormApiClient.PAGE.getFactory().copy())
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** {@code origin} of the events and dead letters from the API. */
    public static final String ORIGIN = "api";

    private final PageSource client;
    private final TopicCatalogue topics;
    private final AvroSerdeFactory serdes;
    private final Map<String, Object> clientProperties;
    private final int pageSize;
    private final Clock clock;
    private final String connectorName = new OuiFormFormat().connectorName();
    private final String connectorVersion;
    private final OuiFormRecordMapper mapper = new OuiFormRecordMapper();
    private final IngestMetrics metrics;

    /**
     * @param client           the API, usually an {@link OuiFormApiClient}
     * @param clientProperties bootstrap servers and security settings
     * @param pageSize         items asked per page ({@code limit})
     */
    public ApiIngestion(PageSource client, TopicCatalogue topics, AvroSerdeFactory serdes,
            Map<String, Object> clientProperties, int pageSize, Clock clock) {
        this(client, topics, serdes, clientProperties, pageSize, clock, IngestMetrics.unexported(new OuiFormFormat()));
    }

    /** @param metrics counted after each committed page; the lag is how old the newest item published is */
    public ApiIngestion(PageSource client, TopicCatalogue topics, AvroSerdeFactory serdes,
            Map<String, Object> clientProperties, int pageSize, Clock clock, IngestMetrics metrics) {
        this.metrics = metrics;
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
        }
        this.client = client;
        this.topics = topics;
        this.serdes = serdes;
        this.clientProperties = Map.copyOf(clientProperties);
        this.pageSize = pageSize;
        this.clock = clock;
        String version = ApiIngestion.class.getPackage().getImplementationVersion();
        this.connectorVersion = connectorName + " " + (version == null ? "dev" : version);
    }

    /** The checkpoint key of this input: {@code api:<base URL>}. */
    public ConnectorCheckpointKey checkpointKey() {
        return new ConnectorCheckpointKey(connectorName, "api:" + client.baseUrl());
    }

    /**
     * Runs one pass, or the rest of an interrupted one.
     *
     * @return what this run published; {@code skipped} counts items served again that were already published
     * @throws OuiFormApiException when a page cannot be fetched (after retries); the pages before it are committed
     */
    public IngestSummary ingest(Pseudonymizer pseudonymizer) {
        long started = System.nanoTime();
        ReadContext context = new ReadContext(ORIGIN, StandardCharsets.UTF_8, pseudonymizer);
        ConnectorRecords records = new ConnectorRecords(Source.OUIFORM, topics, serdes);
        RecordDigest digest = pseudonymizer.recordDigest();
        long accepted = 0;
        long rejected = 0;
        long skipped = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            // fences an earlier run and aborts its open transaction, so the checkpoints read next are settled
            producer.initTransactions();
            Map<ConnectorCheckpointKey, ConnectorCheckpoint> checkpoints = readCheckpoints();
            ConnectorCheckpoint previous = checkpoints.get(checkpointKey());
            ApiPosition position = previous == null ? ApiPosition.first() : ApiPosition.of(previous);
            if (position.passEnded()) {
                position.startNextPass();
            }
            long nextSourcePosition = checkpoints.values().stream()
                    .filter(c -> c.getConnector().equals(connectorName))
                    .mapToLong(ConnectorCheckpoint::getNextSourcePosition).max().orElse(1L);

            boolean more = true;
            while (more) {
                ApiPage page = client.fetch(position.updatedSince(), pageSize, position.cursor());
                long pageNumber = position.nextPage();
                producer.beginTransaction();
                long pageAccepted = 0;
                Map<RejectReason, Long> pageRejected = new EnumMap<>(RejectReason.class);
                Instant newestInPage = null;
                try {
                    List<JsonNode> items = page.items();
                    for (int i = 0; i < items.size(); i++) {
                        JsonNode item = items.get(i);
                        if (position.newest().alreadyPublished(item)) {
                            skipped++;
                            continue;
                        }
                        // checked from its text, as a line of the export: over a limit of the JSON reader, it is
                        // rejected alone, for the same reason as in a file
                        ParsedRecord record = mapper.map(page.texts().get(i), position.nextItemIndex(), context);
                        if (record instanceof ParsedRecord.Accepted a) {
                            records.sendEvent(producer, a.event(), nextSourcePosition++, ORIGIN, null);
                            position.accepted();
                            accepted++;
                            pageAccepted++;
                        } else if (record instanceof ParsedRecord.Rejected r) {
                            // keyed by the item itself: served again, it replaces its dead letter (the value says
                            // page and index)
                            records.sendDeadLetter(producer, ConnectorRecords.deadLetterKey(Source.OUIFORM,
                                    recordDigest(item, digest)), deadLetter(r, pageNumber, i), null);
                            position.rejected();
                            rejected++;
                            pageRejected.merge(r.rejection().reason(), 1L, Long::sum);
                        }
                        position.newest().published(item);
                        newestInPage = newest(newestInPage, item);
                    }
                    position.pageDone(page);
                    records.sendCheckpoint(producer,
                            position.checkpoint(checkpointKey(), nextSourcePosition, clock.instant()), null);
                    producer.commitTransaction();
                } catch (RuntimeException e) {
                    abort(producer, e);
                    throw e;
                }
                metrics.committed(pageAccepted + pageRejected.values().stream().mapToLong(Long::longValue).sum(),
                        pageAccepted, pageRejected, 0);
                if (newestInPage != null) {
                    metrics.lagSeconds(Duration.between(newestInPage, clock.instant()).toMillis() / 1000.0);
                }
                more = !page.isLast();
            }
        }
        metrics.succeeded(clock.instant());
        metrics.lagSeconds(0);
        return new IngestSummary(ORIGIN, accepted + rejected, accepted, rejected, skipped, false,
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * The {@link RecordDigest} of an item: over its JSON as received, every non-ASCII character escaped so that no
     * character is lost (a lone surrogate would be '?' in UTF-8).
     */
    static String recordDigest(JsonNode item, RecordDigest digest) {
        try {
            return digest.of(ITEM_TEXT.writeValueAsBytes(item));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an item read as JSON cannot be written back", e);
        }
    }

    private static Instant newest(Instant sofar, JsonNode item) {
        Instant at = NewestVersions.updatedAt(item);
        if (at == null) {
            return sofar; // a bad updatedAt is a rejection, not a position
        }
        return sofar == null || at.isAfter(sofar) ? at : sofar;
    }

    private static void abort(KafkaProducer<byte[], byte[]> producer, RuntimeException cause) {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            // fenced or fatal: closing the producer is all that is left; the broker drops the transaction
            cause.addSuppressed(e);
        }
    }

    /**
     * @param page  the page of the pass (1-based)
     * @param index the item in the page (0-based)
     */
    private DeadLetter deadLetter(ParsedRecord.Rejected record, long page, int index) {
        return ConnectorRecords.deadLetter(Source.OUIFORM, ORIGIN, record.line(), record.rejection(), connectorVersion,
                        clock.instant())
                .setApiPage(page)
                .setApiIndex(index)
                .build();
    }

    private Map<String, Object> producerProperties() {
        return ConnectorTransactions.producerProperties(clientProperties, topics, connectorName, true);
    }

    private Map<ConnectorCheckpointKey, ConnectorCheckpoint> readCheckpoints() {
        return ConnectorTransactions.checkpoints(clientProperties, topics, serdes);
    }
}
