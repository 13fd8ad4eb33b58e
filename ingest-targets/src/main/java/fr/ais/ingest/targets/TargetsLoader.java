package fr.ais.ingest.targets;

import fr.ais.platform.security.Component;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.AvroSerdeFactory;
import fr.ais.schemas.Target;
import fr.ais.schemas.TargetKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes a validated targets file onto the compacted targets topic in one transaction: a
 * corrected file replaces the targets of the same (year, region, objective).
 */
public final class TargetsLoader {

    private TargetsLoader() {
    }

    public static void publish(List<Target> targets, TopicCatalogue topics, AvroSerdeFactory serdes,
            Map<String, Object> clientProperties) {
        String topic = topics.topic(TopicCatalogue.TARGETS).name();
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, Component.TARGETS_LOADER.transactionalId(topics));
        try (KafkaProducer<TargetKey, Target> producer = new KafkaProducer<>(props,
                serdes.forKeys(TargetKey.class).serializer(), serdes.forValues(Target.class).serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (Target t : targets) {
                producer.send(new ProducerRecord<>(topic, new TargetKey(t.getYear(), t.getRegion(), t.getObjective()), t));
            }
            producer.commitTransaction();
        }
    }
}
