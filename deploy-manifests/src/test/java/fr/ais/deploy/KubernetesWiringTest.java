package fr.ais.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The base's objects fit together as Kubernetes would need them to at run time: the names one object gives another
 * (ports, services, secrets, volumes) exist, and agree with the application's settings.
 */
class KubernetesWiringTest {

    private static final Path BASE = DeploySchemas.DEPLOY.resolve("kubernetes/base");

    private static List<JsonNode> read(Path file) throws IOException {
        return Manifests.read(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static JsonNode only(List<JsonNode> docs, String kind, String name) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)
                        && d.at("/metadata/name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static List<JsonNode> workloads() throws IOException {
        List<JsonNode> all = new ArrayList<>(read(BASE.resolve("consolidation.yaml")));
        all.addAll(read(BASE.resolve("connectors.yaml")));
        all.addAll(read(BASE.resolve("topics-job.yaml")));
        return all.stream().filter(d -> Set.of("StatefulSet", "Deployment", "Job").contains(d.path("kind").asText())).toList();
    }

    @Test
    void the_consolidation_listens_where_its_settings_say_and_is_probed_on_health_and_ready() throws IOException {
        Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(BASE.resolve("config/consolidation.properties"))) {
            settings.load(in);
        }
        List<JsonNode> docs = read(BASE.resolve("consolidation.yaml"));
        JsonNode set = only(docs, "StatefulSet", "ais-consolidation");
        JsonNode container = set.at("/spec/template/spec/containers/0");
        assertThat(container.at("/ports/0/containerPort").asText()).isEqualTo(settings.getProperty("serving.port"));
        assertThat(settings.getProperty("serving.host")).isEqualTo("0.0.0.0");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health");
        assertThat(set.at("/spec/template/spec/terminationGracePeriodSeconds").asInt())
                .as("longer than Kafka Streams' 30 s close (commit, flush, leave the group)").isGreaterThan(30);

        String headless = set.at("/spec/serviceName").asText();
        JsonNode service = only(docs, "Service", headless);
        assertThat(service.at("/spec/clusterIP").asText()).isEqualTo("None");
        JsonNode advertised = null;
        for (JsonNode env : container.get("env")) {
            if (env.path("name").asText().equals("AIS_SERVING_ADVERTISED_HOST")) {
                advertised = env;
            }
        }
        assertThat(advertised).as("AIS_SERVING_ADVERTISED_HOST").isNotNull();
        assertThat(advertised.path("value").asText()).startsWith("$(POD_NAME)." + headless + ".");
        assertThat(settings.getProperty("streams.state.dir"))
                .isEqualTo(set.at("/spec/template/spec/containers/0/volumeMounts/0/mountPath").asText());
        assertThat(set.at("/spec/volumeClaimTemplates/0/metadata/name").asText())
                .isEqualTo(set.at("/spec/template/spec/containers/0/volumeMounts/0/name").asText());
        assertThat(only(docs, "PodDisruptionBudget", "ais-consolidation").at("/spec/maxUnavailable").asInt()).isEqualTo(1);
    }

    @Test
    void every_secret_a_pod_mounts_is_a_kafka_user_s_the_cluster_ca_or_one_the_dev_overlay_makes() throws IOException {
        Set<String> provided = new HashSet<>(Set.of(Manifests.CLUSTER + "-cluster-ca-cert"));
        read(BASE.resolve("strimzi/kafka-users.yaml")).forEach(u -> provided.add(u.at("/metadata/name").asText()));
        read(DeploySchemas.DEPLOY.resolve("kubernetes/overlays/dev/kustomization.yaml")).get(0).path("secretGenerator")
                .forEach(g -> provided.add(g.path("name").asText()));
        for (JsonNode workload : workloads()) {
            JsonNode pod = workload.at("/spec/template/spec");
            Set<String> volumes = new HashSet<>();
            for (JsonNode volume : pod.path("volumes")) {
                volumes.add(volume.path("name").asText());
                if (volume.has("secret")) {
                    assertThat(provided).as(workload.at("/metadata/name").asText()).contains(volume.at("/secret/secretName").asText());
                }
                volume.at("/projected/sources").forEach(s -> assertThat(provided)
                        .as(workload.at("/metadata/name").asText()).contains(s.at("/secret/name").asText()));
            }
            for (JsonNode container : pod.path("containers")) {
                container.path("volumeMounts").forEach(m -> {
                    String name = m.path("name").asText();
                    boolean claimed = false;
                    for (JsonNode t : workload.at("/spec/volumeClaimTemplates")) {
                        claimed |= t.at("/metadata/name").asText().equals(name);
                    }
                    assertThat(volumes.contains(name) || claimed).as(workload.at("/metadata/name").asText() + " mounts " + name).isTrue();
                });
            }
        }
    }

    @Test
    void the_pod_monitors_scrape_ports_the_pods_declare() throws IOException {
        Set<String> ports = new HashSet<>();
        for (JsonNode workload : workloads()) {
            workload.at("/spec/template/spec/containers").forEach(c -> c.path("ports").forEach(p -> ports.add(p.path("name").asText())));
        }
        for (JsonNode monitor : read(DeploySchemas.DEPLOY.resolve("monitoring/podmonitor.yaml"))) {
            monitor.at("/spec/podMetricsEndpoints").forEach(e -> assertThat(ports).contains(e.path("port").asText()));
        }
    }
}
