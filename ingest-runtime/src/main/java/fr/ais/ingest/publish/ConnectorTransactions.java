package fr.ais.ingest.publish;

import fr.ais.platform.security.Component;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.platform.topics.TopicSnapshot;
import fr.ais.registry.AvroSerdeFactory;
import fr.ais.schemas.ConnectorCheckpoint;
import fr.ais.schemas.ConnectorCheckpointKey;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * What every connector input (a file, the OuiForm API) shares to publish exactly once: one
 * transactional id per connector and namespace, and the committed checkpoints to resume from.
 */
public final class ConnectorTransactions {

    private ConnectorTransactions() {
    }

    /**
     * Producer settings of {@code connector}. One stable transactional id per connector and namespace:
     * a restarted run fences the one it replaces, and the file and API inputs of one connector (which
     * number the same source positions) never run side by side.
     */
    public static Map<String, Object> producerProperties(Map<String, Object> clientProperties, TopicCatalogue topics,
            String connector, boolean transactional) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        if (transactional) {
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, Component.ofId(connector).transactionalId(topics));
        }
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return props;
    }

    /** Every checkpoint of the compacted checkpoint topic, read to its end (committed records only). */
    public static Map<ConnectorCheckpointKey, ConnectorCheckpoint> checkpoints(Map<String, Object> clientProperties,
            TopicCatalogue topics, AvroSerdeFactory serdes) {
        return TopicSnapshot.table(clientProperties, topics.topic(TopicCatalogue.CONNECTOR_CHECKPOINTS).name(),
                serdes.forKeys(ConnectorCheckpointKey.class).deserializer(),
                serdes.forValues(ConnectorCheckpoint.class).deserializer());
    }
}
