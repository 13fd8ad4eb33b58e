package fr.ais.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ais.platform.security.ComponentAcls;
import fr.ais.platform.topics.Topic;
import fr.ais.platform.topics.TopicCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Strimzi resources under deploy/ are what the catalogue generates: they cannot drift from the code. */
class GeneratedManifestsTest {

    static Stream<String> generatedFiles() {
        return Manifests.generated(DeploySchemas.DEPLOY).keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedFiles")
    void the_committed_file_is_what_the_generator_writes(String file) throws IOException {
        assertThat(Files.readString(DeploySchemas.DEPLOY.resolve(file), StandardCharsets.UTF_8))
                .as("deploy/" + file + " differs from the catalogue: regenerate it with"
                        + " ./mvnw -B -Pdeploy-manifests -pl deploy-manifests -am process-classes")
                .isEqualTo(Manifests.generated(DeploySchemas.DEPLOY).get(file));
    }

    @Test
    void each_catalogue_topic_is_a_kafka_topic_replicated_three_times_with_two_in_sync() {
        List<JsonNode> topics = Manifests.read(Manifests.generated(DeploySchemas.DEPLOY).get(Manifests.TOPICS));
        assertThat(topics).hasSameSizeAs(TopicCatalogue.all());
        for (Topic<?, ?> topic : TopicCatalogue.all()) {
            JsonNode resource = topics.stream().filter(t -> t.at("/spec/topicName").asText().equals(topic.name()))
                    .findFirst().orElseThrow(() -> new AssertionError("no KafkaTopic for " + topic.name()));
            assertThat(resource.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(Manifests.CLUSTER);
            assertThat(resource.at("/spec/partitions").asInt()).isEqualTo(topic.partitions());
            assertThat(resource.at("/spec/replicas").asInt()).isEqualTo(3);
            JsonNode config = resource.at("/spec/config");
            assertThat(config.get("min.insync.replicas").asInt()).isEqualTo(2);
            assertThat(config.get("cleanup.policy").asText()).isEqualTo(topic.cleanupPolicy().kafkaName());
            if (topic.cleanupPolicy() == Topic.CleanupPolicy.DELETE) {
                assertThat(config.get("retention.ms").asLong()).isEqualTo(topic.retentionMs());
            } else {
                assertThat(config.has("retention.ms")).isFalse();
            }
        }
    }

    @Test
    void each_component_is_a_scram_kafka_user_allowed_exactly_what_the_acl_model_allows() {
        List<JsonNode> users = Manifests.read(Manifests.generated(DeploySchemas.DEPLOY).get(Manifests.USERS));
        List<ComponentAcls> model = ComponentAcls.forAll(TopicCatalogue.DEFAULT, Manifests.APPLICATION_ID);
        assertThat(users).extracting(u -> u.at("/metadata/name").asText())
                .containsExactlyElementsOf(model.stream().map(ComponentAcls::userName).toList());
        for (ComponentAcls component : model) {
            JsonNode user = users.stream().filter(u -> u.at("/metadata/name").asText().equals(component.userName()))
                    .findFirst().orElseThrow();
            assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
            assertThat(user.at("/spec/authorization/type").asText()).isEqualTo("simple");
            Set<AclBinding> granted = new HashSet<>();
            for (JsonNode rule : user.at("/spec/authorization/acls")) {
                JsonNode resource = rule.get("resource");
                ResourceType type = switch (resource.get("type").asText()) {
                    case "topic" -> ResourceType.TOPIC;
                    case "group" -> ResourceType.GROUP;
                    case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
                    default -> ResourceType.CLUSTER;
                };
                ResourcePattern pattern = new ResourcePattern(type,
                        type == ResourceType.CLUSTER ? org.apache.kafka.common.resource.Resource.CLUSTER_NAME : resource.get("name").asText(),
                        "prefix".equals(resource.path("patternType").asText()) ? PatternType.PREFIXED : PatternType.LITERAL);
                for (JsonNode operation : rule.get("operations")) {
                    granted.add(new AclBinding(pattern, new AccessControlEntry(component.principal(),
                            rule.get("host").asText(), AclOperation.fromString(
                                    operation.asText().replaceAll("([a-z])([A-Z])", "$1_$2")),
                            AclPermissionType.ALLOW)));
                }
            }
            assertThat(granted).as(component.userName()).containsExactlyInAnyOrderElementsOf(component.bindings());
        }
    }

    @Test
    void the_consolidation_runs_under_the_application_id_its_acls_were_generated_for() throws IOException {
        java.util.Properties consolidation = new java.util.Properties();
        try (var in = Files.newBufferedReader(DeploySchemas.DEPLOY.resolve("kubernetes/base/config/consolidation.properties"))) {
            consolidation.load(in);
        }
        assertThat(consolidation.getProperty("streams.application.id")).isEqualTo(Manifests.APPLICATION_ID);
    }

    @Test
    void nothing_else_under_deploy_claims_to_be_generated() throws IOException {
        Map<String, String> generated = Manifests.generated(DeploySchemas.DEPLOY);
        try (Stream<Path> files = Files.walk(DeploySchemas.DEPLOY.resolve("kubernetes"))) {
            assertThat(files.filter(Files::isRegularFile)
                    .filter(f -> read(f).startsWith("# Generated by fr.ais.deploy.GenerateManifests"))
                    .map(f -> DeploySchemas.DEPLOY.relativize(f).toString().replace('\\', '/')))
                    .as("a generated file the generator no longer writes is stale: delete it")
                    .allMatch(generated::containsKey);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
