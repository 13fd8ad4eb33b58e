package fr.ais.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every manifest under deploy/ conforms to the schema of its kind, vendored under deploy/schemas. */
class ManifestSchemasTest {

    private static DeploySchemas schemas;
    private static Set<Path> patches;

    @BeforeAll
    static void loadSchemas() throws IOException {
        schemas = new DeploySchemas();
        patches = new HashSet<>();
        for (Path kustomization : manifests().filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList()) {
            JsonNode k = Manifests.read(Files.readString(kustomization, StandardCharsets.UTF_8)).get(0);
            k.path("patches").forEach(p -> patches.add(kustomization.resolveSibling(p.path("path").asText()).normalize()));
        }
    }

    /** Every Kubernetes manifest: the rule file under monitoring/rules is Prometheus's own format. */
    static Stream<Path> manifests() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(DeploySchemas.DEPLOY.resolve("kubernetes")),
                Files.walk(DeploySchemas.DEPLOY.resolve("monitoring")))) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.startsWith(DeploySchemas.DEPLOY.resolve(Manifests.RULES).getParent()))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifests")
    void every_kubernetes_and_strimzi_manifest_conforms_to_the_schema_of_its_kind(Path file) throws IOException {
        List<JsonNode> documents = Manifests.read(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(documents).as(file + " holds documents").isNotEmpty();
        for (JsonNode document : documents) {
            List<String> problems = file.getFileName().toString().equals("kustomization.yaml")
                    ? DeploySchemas.messages(schemas.kustomization(), document)
                    : patches.contains(file.normalize()) ? schemas.patchProblems(document) : schemas.problems(document);
            assertThat(problems).as(file + ": " + document.path("kind").asText() + " "
                    + document.path("metadata").path("name").asText()).isEmpty();
        }
    }

    @Test
    void every_file_a_kustomization_names_exists() throws IOException {
        for (Path kustomization : manifests().filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList()) {
            JsonNode k = Manifests.read(Files.readString(kustomization, StandardCharsets.UTF_8)).get(0);
            List<String> named = new java.util.ArrayList<>();
            k.path("resources").forEach(r -> named.add(r.asText()));
            k.path("patches").forEach(p -> named.add(p.path("path").asText()));
            for (String generator : List.of("configMapGenerator", "secretGenerator")) {
                k.path(generator).forEach(g -> {
                    g.path("files").forEach(f -> named.add(f.asText()));
                    g.path("envs").forEach(f -> named.add(f.asText()));
                });
            }
            assertThat(named).as(kustomization.toString()).isNotEmpty()
                    .allSatisfy(name -> assertThat(kustomization.resolveSibling(name)).as(kustomization + " names " + name).exists());
        }
    }

    @Test
    void the_runbook_s_ais_pod_overrides_are_part_of_a_pod() throws IOException {
        JsonNode overrides = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(DeploySchemas.DEPLOY.resolve("kubernetes/ais-cli-pod.json").toFile());
        assertThat(schemas.patchProblems(overrides)).isEmpty();
    }

    @Test
    void the_laptop_compose_file_conforms_to_the_compose_specification() throws IOException {
        JsonNode compose = DeploySchemas.composeFile(DeploySchemas.DEPLOY.resolve("compose/compose.yaml"));
        assertThat(compose.at("/services/consolidation/image").asText()).as("anchors merged").startsWith("ais:");
        assertThat(DeploySchemas.messages(schemas.compose(), compose)).isEmpty();
    }

    @Test
    void a_misspelt_field_is_refused_so_the_schemas_are_strict() {
        JsonNode topic = Manifests.read(Manifests.generated(DeploySchemas.DEPLOY).get(Manifests.TOPICS)).get(0);
        ((ObjectNode) topic.get("spec")).put("partition", 4);
        assertThat(schemas.problems(topic)).isNotEmpty();

        JsonNode service = Manifests.read("""
                apiVersion: v1
                kind: Service
                metadata: {name: x}
                spec: {ports: [{port: 80, targetPort: http}], selectr: {app: x}}
                """).get(0);
        assertThat(schemas.problems(service)).singleElement().asString().contains("selectr");
    }
}
