package fr.ais.deploy.strimzi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ais.platform.topics.Topic;
import fr.ais.platform.topics.TopicCatalogue;
import java.util.List;

/**
 * One Strimzi {@code KafkaTopic} per topic of the catalogue: its partitions and cleanup policy, kept forever
 * under the delete policy when the catalogue says so, replicated three times with two in sync required, so a
 * write acknowledged by {@code acks=all} (every producer of the pipeline: transactions) survives one broker.
 */
public final class StrimziTopics {

    /** Brokers holding each partition in production. */
    public static final int REPLICAS = 3;
    /** Replicas that must have a write before it is acknowledged: one broker may be down. */
    public static final int MIN_IN_SYNC_REPLICAS = 2;

    private StrimziTopics() {
    }

    public static List<ObjectNode> of(TopicCatalogue catalogue, String cluster) {
        return catalogue.topics().stream().map(t -> kafkaTopic(t, cluster)).toList();
    }

    static ObjectNode kafkaTopic(Topic<?, ?> topic, String cluster) {
        ObjectNode resource = StrimziResources.resource("KafkaTopic", topic.name(), cluster);
        ((ObjectNode) resource.get("metadata")).putObject("annotations").put("ais.fr/description", topic.description());
        ObjectNode spec = resource.putObject("spec");
        spec.put("topicName", topic.name());
        spec.put("partitions", topic.partitions());
        spec.put("replicas", REPLICAS);
        ObjectNode config = spec.putObject("config");
        config.put("cleanup.policy", topic.cleanupPolicy().kafkaName());
        if (topic.cleanupPolicy() == Topic.CleanupPolicy.DELETE) {
            config.put("retention.ms", topic.retentionMs());
        }
        config.put("min.insync.replicas", MIN_IN_SYNC_REPLICAS);
        return resource;
    }

    static JsonNodeFactory nodes() {
        return JsonNodeFactory.instance;
    }
}
