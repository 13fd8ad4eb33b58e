package fr.ais.deploy.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names the monitoring relies on: those in the expressions of the alert rules and of the Grafana
 * dashboard's panels. A test scrapes the running application and fails when one of them is not exported, so a
 * renamed meter cannot silently leave an alert that never fires or a panel that stays empty.
 */
public final class MonitoredMetrics {

    /** Series Prometheus records itself for every target: no application exports them. */
    public static final Set<String> PROMETHEUS_OWN = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "inf", "nan");
    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\\w:])(?!\\s*\\()");

    private MonitoredMetrics() {
    }

    /** The expression of every rule of a Prometheus rule file. */
    public static List<String> ruleExpressions(Path rules) {
        List<String> exprs = new ArrayList<>();
        for (JsonNode group : read(new YAMLMapper(), rules).path("groups")) {
            group.path("rules").forEach(rule -> exprs.add(rule.path("expr").asText()));
        }
        return exprs;
    }

    /** The expression of every target of every panel of a Grafana dashboard. */
    public static List<String> dashboardExpressions(Path dashboard) {
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : read(new ObjectMapper(), dashboard).path("panels")) {
            panel.path("targets").forEach(target -> exprs.add(target.path("expr").asText()));
        }
        return exprs;
    }

    /** The metric names an expression selects (not its functions, label names, keywords or numbers). */
    public static Set<String> names(String expression) {
        String e = STRINGS.matcher(expression).replaceAll("\"\"");
        e = MATCHERS.matcher(e).replaceAll(" ");
        e = RANGES.matcher(e).replaceAll(" ");
        e = GROUPING.matcher(e).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(e);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Every metric name the rules and the dashboard under {@code deploy} select, Prometheus's own left out. */
    public static Set<String> all(Path deploy) {
        Set<String> names = new TreeSet<>();
        List<String> exprs = new ArrayList<>(ruleExpressions(deploy.resolve(fr.ais.deploy.Manifests.RULES)));
        exprs.addAll(dashboardExpressions(deploy.resolve("monitoring/grafana/ais-dashboard.json")));
        exprs.forEach(x -> names.addAll(names(x)));
        names.removeAll(PROMETHEUS_OWN);
        return names;
    }

    /** The names of the samples of a Prometheus text exposition. */
    public static Set<String> exported(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
