package fr.ais.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON schemas vendored under {@code deploy/schemas} (see its README), by the {@code apiVersion} and
 * {@code kind} of the documents they check.
 */
final class DeploySchemas {

    static final Path DEPLOY = Path.of("..", "deploy");
    private static final Path SCHEMAS = DEPLOY.resolve("schemas");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchemaFactory draft7 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final Map<String, JsonSchema> byKind = new HashMap<>();
    private final Map<String, JsonNode> nodes = new HashMap<>();
    private final Map<String, JsonSchema> partial = new HashMap<>();
    private final JsonNode kubernetes = read("kubernetes/kubernetes-1.33.json");

    DeploySchemas() {
        crd("kafka.strimzi.io/v1", "Kafka", "strimzi/kafka-v1.json");
        crd("kafka.strimzi.io/v1", "KafkaNodePool", "strimzi/kafkanodepool-v1.json");
        crd("kafka.strimzi.io/v1", "KafkaTopic", "strimzi/kafkatopic-v1.json");
        crd("kafka.strimzi.io/v1", "KafkaUser", "strimzi/kafkauser-v1.json");
        crd("monitoring.coreos.com/v1", "PodMonitor", "prometheus-operator/podmonitors-v1.json");
        crd("monitoring.coreos.com/v1", "PrometheusRule", "prometheus-operator/prometheusrules-v1.json");
        crd("monitoring.coreos.com/v1alpha1", "AlertmanagerConfig", "prometheus-operator/alertmanagerconfigs-v1alpha1.json");
        for (Iterator<Map.Entry<String, JsonNode>> kinds = kubernetes.get("x-kinds").fields(); kinds.hasNext(); ) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            ObjectNode schema = JSON.createObjectNode();
            schema.put("$ref", "#/definitions/" + kind.getValue().asText());
            schema.set("definitions", kubernetes.get("definitions"));
            nodes.put(kind.getKey(), schema);
            byKind.put(kind.getKey(), draft7.getSchema(schema));
        }
    }

    /** The schema of documents of this apiVersion and kind, if one is vendored. */
    Optional<JsonSchema> of(String apiVersion, String kind) {
        return Optional.ofNullable(byKind.get(apiVersion + "/" + kind));
    }

    /** What is wrong with {@code document} against the schema of its kind; empty when it conforms. */
    List<String> problems(JsonNode document) {
        String apiVersion = document.path("apiVersion").asText();
        String kind = document.path("kind").asText();
        return of(apiVersion, kind).map(schema -> messages(schema, document))
                .orElse(List.of("no schema for apiVersion " + apiVersion + " kind " + kind + " under deploy/schemas"));
    }

    /**
     * The same for a Kustomize patch: a part of a resource, so no field is required, but every field it has must
     * be one of the kind's, of the kind's type.
     */
    List<String> patchProblems(JsonNode document) {
        String key = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
        if (!nodes.containsKey(key)) {
            return List.of("no schema for " + key + " under deploy/schemas");
        }
        JsonSchema schema = partial.computeIfAbsent(key, k -> draft7.getSchema(withoutRequired(nodes.get(k).deepCopy())));
        return messages(schema, document);
    }

    private static JsonNode withoutDraft4Ids(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("id").isTextual()) {
                object.remove("id");
            }
            object.forEach(DeploySchemas::withoutDraft4Ids);
        } else if (node.isArray()) {
            node.forEach(DeploySchemas::withoutDraft4Ids);
        }
        return node;
    }

    private static JsonNode withoutRequired(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("required");
            object.forEach(DeploySchemas::withoutRequired);
        } else if (node.isArray()) {
            node.forEach(DeploySchemas::withoutRequired);
        }
        return node;
    }

    /** The Kustomization schema (kustomization.yaml has no apiVersion of the API server's). */
    JsonSchema kustomization() {
        return draft7.getSchema(read("kubernetes/kustomization.json"));
    }

    /** The compose specification's schema. */
    JsonSchema compose() {
        ObjectNode schema = (ObjectNode) read("compose/compose-spec.json");
        // the file names draft 2019-09 but is written in draft-07's keywords (and a draft-04 "id"): read as draft-07
        schema.remove("$schema");
        // its "format": "duration" means Go durations (60s), not ISO 8601: formats are not asserted
        return draft7.getSchema(withoutDraft4Ids(schema),
                com.networknt.schema.SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build());
    }

    /** A compose file as Compose reads it: YAML merge keys ({@code <<: *anchor}) resolved, which Jackson does not do. */
    static JsonNode composeFile(Path file) {
        try (var in = java.nio.file.Files.newBufferedReader(file)) {
            return JSON.valueToTree(new org.yaml.snakeyaml.Yaml().load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> messages(JsonSchema schema, JsonNode document) {
        return schema.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private void crd(String apiVersion, String kind, String file) {
        JsonNode schema = read(file);
        nodes.put(apiVersion + "/" + kind, schema);
        byKind.put(apiVersion + "/" + kind, draft7.getSchema(schema));
    }

    private static JsonNode read(String file) {
        try {
            return JSON.readTree(SCHEMAS.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
