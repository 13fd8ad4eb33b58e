package fr.ais.ingest.publish;

import fr.ais.ingest.Rejection;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.AvroSerdeFactory;
import fr.ais.schemas.ConnectorCheckpoint;
import fr.ais.schemas.ConnectorCheckpointKey;
import fr.ais.schemas.DeadLetter;
import fr.ais.schemas.DeadLetterKey;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.Source;
import fr.ais.schemas.SourceRecordKey;
import java.time.Instant;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The three kinds of records every connector input (a file, the OuiForm API) publishes, keyed and serialised the
 * same way: events to its source's events topic, dead letters, and its checkpoints. The callbacks may be
 * {@code null}, as in {@link Producer#send(ProducerRecord, Callback)}.
 */
public final class ConnectorRecords {

    private final String eventsTopic;
    private final String deadLetterTopic;
    private final String checkpointTopic;
    private final Serializer<SourceRecordKey> eventKeys;
    private final Serializer<PrescriptionEvent> eventValues;
    private final Serializer<DeadLetterKey> letterKeys;
    private final Serializer<DeadLetter> letterValues;
    private final Serializer<ConnectorCheckpointKey> checkpointKeys;
    private final Serializer<ConnectorCheckpoint> checkpointValues;

    public ConnectorRecords(Source source, TopicCatalogue topics, AvroSerdeFactory serdes) {
        this.eventsTopic = topics.topic(TopicCatalogue.eventsOf(source)).name();
        this.deadLetterTopic = topics.topic(TopicCatalogue.DEAD_LETTERS).name();
        this.checkpointTopic = topics.topic(TopicCatalogue.CONNECTOR_CHECKPOINTS).name();
        this.eventKeys = serdes.forKeys(SourceRecordKey.class).serializer();
        this.eventValues = serdes.forValues(PrescriptionEvent.class).serializer();
        this.letterKeys = serdes.forKeys(DeadLetterKey.class).serializer();
        this.letterValues = serdes.forValues(DeadLetter.class).serializer();
        this.checkpointKeys = serdes.forKeys(ConnectorCheckpointKey.class).serializer();
        this.checkpointValues = serdes.forValues(ConnectorCheckpoint.class).serializer();
    }

    /**
     * Numbers {@code event} and stamps its origin, then sends it keyed by source and source key, timestamped by
     * its version.
     */
    public void sendEvent(Producer<byte[], byte[]> producer, PrescriptionEvent event, long sourcePosition,
            String origin, Callback callback) {
        event.setSourcePosition(sourcePosition);
        event.setOrigin(origin);
        SourceRecordKey key = new SourceRecordKey(event.getSource(), event.getSourceKey());
        producer.send(new ProducerRecord<>(eventsTopic, null, event.getVersionTimestamp().toEpochMilli(),
                eventKeys.serialize(eventsTopic, key), eventValues.serialize(eventsTopic, event)), callback);
    }

    /**
     * The key of the dead letter of a rejected record: its source and its {@link fr.ais.ingest.RecordDigest}, so that
     * the record delivered again (another file name, a forced run, a page served twice) replaces its dead letter
     * rather than adding one.
     */
    public static DeadLetterKey deadLetterKey(Source source, String recordDigest) {
        if (recordDigest == null || recordDigest.isEmpty()) {
            throw new IllegalArgumentException("a dead letter of " + source + " without the digest of its record");
        }
        return DeadLetterKey.newBuilder().setSource(source).setOrigin(null).setPosition(null)
                .setRecordDigest(recordDigest).build();
    }

    public void sendDeadLetter(Producer<byte[], byte[]> producer, DeadLetterKey key, DeadLetter letter,
            Callback callback) {
        producer.send(new ProducerRecord<>(deadLetterTopic, letterKeys.serialize(deadLetterTopic, key),
                letterValues.serialize(deadLetterTopic, letter)), callback);
    }

    /**
     * A dead letter for a rejected record, with what every connector says of it: where it came from, why
     * it was rejected, by which connector version and when. API connectors add the page and the item.
     */
    public static DeadLetter.Builder deadLetter(Source source, String origin, long line, Rejection rejection,
            String connectorVersion, Instant rejectedAt) {
        return DeadLetter.newBuilder()
                .setSource(source)
                .setOrigin(origin)
                .setLine(line)
                .setReason(rejection.reason())
                .setField(rejection.field())
                .setMessage(rejection.message())
                .setSourceKey(rejection.sourceKey())
                .setExcerpt(rejection.excerpt())
                .setConnectorVersion(connectorVersion)
                .setRejectedAt(rejectedAt);
    }

    /** Sends {@code checkpoint} keyed by its connector and input. */
    public void sendCheckpoint(Producer<byte[], byte[]> producer, ConnectorCheckpoint checkpoint, Callback callback) {
        ConnectorCheckpointKey key = new ConnectorCheckpointKey(checkpoint.getConnector(), checkpoint.getInput());
        producer.send(new ProducerRecord<>(checkpointTopic, checkpointKeys.serialize(checkpointTopic, key),
                checkpointValues.serialize(checkpointTopic, checkpoint)), callback);
    }
}
