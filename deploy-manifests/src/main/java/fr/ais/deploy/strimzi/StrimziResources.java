package fr.ais.deploy.strimzi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What every Strimzi resource of the pipeline starts with. */
final class StrimziResources {

    static final String API_VERSION = "kafka.strimzi.io/v1";

    private StrimziResources() {
    }

    /** A resource of {@code kind} named {@code name}, for the Kafka cluster {@code cluster} (the label its operators watch). */
    static ObjectNode resource(String kind, String name, String cluster) {
        ObjectNode resource = JsonNodeFactory.instance.objectNode();
        resource.put("apiVersion", API_VERSION);
        resource.put("kind", kind);
        ObjectNode metadata = resource.putObject("metadata");
        metadata.put("name", name);
        ObjectNode labels = metadata.putObject("labels");
        labels.put("strimzi.io/cluster", cluster);
        labels.put("app.kubernetes.io/part-of", "ais");
        return resource;
    }
}
