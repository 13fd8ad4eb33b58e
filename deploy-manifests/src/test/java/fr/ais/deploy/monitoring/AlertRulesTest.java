package fr.ais.deploy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import fr.ais.deploy.Manifests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alert rules as promtool would check them where it is not available (no promtool on Maven Central or npm):
 * well-formed expressions, the labels Alertmanager routes on, a summary, and a runbook section that exists.
 */
class AlertRulesTest {

    private static final Path DEPLOY = Path.of("..", "deploy");

    @Test
    void every_alert_has_a_severity_a_team_a_summary_and_a_runbook_section_that_exists() throws IOException {
        String runbook = Files.readString(DEPLOY.resolve("RUNBOOK.md"), StandardCharsets.UTF_8);
        List<String> anchors = new ArrayList<>();
        Matcher heading = Pattern.compile("(?m)^#+ (.+)$").matcher(runbook);
        while (heading.find()) {
            anchors.add(heading.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-'));
        }
        List<JsonNode> alerts = alerts();
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(10);
        for (JsonNode alert : alerts) {
            String name = alert.path("alert").asText();
            assertThat(name).matches("Ais[A-Za-z]+");
            assertThat(alert.at("/labels/severity").asText()).as(name).isIn("critical", "warning", "info");
            assertThat(alert.at("/labels/team").asText()).as(name).isNotBlank();
            assertThat(alert.at("/annotations/summary").asText()).as(name).isNotBlank();
            assertThat(alert.at("/annotations/runbook_url").asText()).as(name)
                    .isEqualTo("deploy/RUNBOOK.md#" + name.toLowerCase(Locale.ROOT));
            assertThat(anchors).as("RUNBOOK.md has a section " + name).contains(name.toLowerCase(Locale.ROOT));
            if (alert.has("for")) {
                assertThat(alert.get("for").asText()).as(name).matches("\\d+[smh]");
            }
        }
    }

    @Test
    void every_expression_is_balanced_and_selects_at_least_one_metric() {
        List<String> exprs = new ArrayList<>(MonitoredMetrics.ruleExpressions(DEPLOY.resolve(Manifests.RULES)));
        exprs.addAll(MonitoredMetrics.dashboardExpressions(DEPLOY.resolve("monitoring/grafana/ais-dashboard.json")));
        for (String expr : exprs) {
            assertThat(depthNeverNegativeAndEndsAtZero(expr, '(', ')')).as(expr).isTrue();
            assertThat(depthNeverNegativeAndEndsAtZero(expr, '{', '}')).as(expr).isTrue();
            assertThat(depthNeverNegativeAndEndsAtZero(expr, '[', ']')).as(expr).isTrue();
            assertThat(MonitoredMetrics.names(expr)).as(expr).isNotEmpty();
        }
    }

    @Test
    void the_rules_cover_what_an_operator_must_hear_about() {
        assertThat(alerts()).extracting(a -> a.path("alert").asText()).contains("AisRegionBehind", "AisRegionWorsening",
                "AisConsumerLagGrowing", "AisConsolidationNotCaughtUp", "AisStreamThreadDead",
                "AisConsolidationNotRunning", "AisDeadLetterRateHigh", "AisOuiFormPollStale", "AisDropDirectoryFileFailed");
    }

    @Test
    void metric_names_are_read_from_an_expression_without_its_functions_labels_and_keywords() {
        assertThat(MonitoredMetrics.names("sum by (pod, source) (rate(ais_connector_records_rejected_total{source=\"PE\"}[5m]))"
                + " / scalar(sum(ais_prescriptions)) > 0.05 and on (pod) absent(up) or time() - x_seconds offset 1h"))
                .containsExactlyInAnyOrder("ais_connector_records_rejected_total", "ais_prescriptions", "up", "x_seconds");
        assertThat(MonitoredMetrics.exported("# TYPE a counter\na_total{x=\"1\"} 2.0\nb 1.0\n"))
                .isEqualTo(Set.of("a_total", "b"));
    }

    private static List<JsonNode> alerts() {
        try {
            List<JsonNode> alerts = new ArrayList<>();
            for (JsonNode group : new YAMLMapper().readTree(DEPLOY.resolve(Manifests.RULES).toFile()).path("groups")) {
                group.path("rules").forEach(alerts::add);
            }
            return alerts;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean depthNeverNegativeAndEndsAtZero(String expr, char open, char close) {
        int depth = 0;
        for (char c : expr.toCharArray()) {
            depth += c == open ? 1 : c == close ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
