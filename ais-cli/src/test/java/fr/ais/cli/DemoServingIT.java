package fr.ais.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ais.cli.pipeline.LocalRun;
import fr.ais.consolidation.export.Exports;
import fr.ais.consolidation.progress.ProgressCalculator;
import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.consolidation.serving.ServingConfig;
import fr.ais.deploy.monitoring.MonitoredMetrics;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.schemas.Objective;
import fr.ais.schemas.Progress;
import fr.ais.schemas.ProgressStatus;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ais demo} leaves running: the consolidation with its REST API and metrics, serving the
 * figures the exports were written from, the connectors' counters and the alerts, and every metric the alert
 * rules and the Grafana dashboard of deploy/monitoring rely on.
 */
class DemoServingIT {

    private static final String TOKEN = "demo-serving-token";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void the_served_pipeline_answers_with_the_exported_figures_and_exposes_connector_and_alert_metrics()
            throws Exception {
        GeneratedDataSet data = Generator.generate(GeneratorOptions.defaults(dir.resolve("data")).withPeople(200).withSeed(5));
        LocalDate asOf = LocalDate.of(2021, 12, 31);
        ProgressSettings progress = new ProgressSettings(new ProgressCalculator(1.0, 0.9), () -> asOf,
                Duration.ofMillis(500));
        Path exports = dir.resolve("exports");
        try (LocalRun run = LocalRun.temporary(new PrintStream(java.io.OutputStream.nullOutputStream()))) {
            LocalRun.Result result = run.run(new LocalRun.Inputs(data.peFile(), data.imiloFile(), data.ouiformFile(),
                            data.targetsFile(), StandardCharsets.UTF_8),
                    new Pseudonymizer("demo serving key, sixteen+ bytes".getBytes(StandardCharsets.UTF_8)), progress,
                    exports, new ServingConfig("127.0.0.1", 0, TOKEN));
            String url = result.servedAt();
            assertThat(url).startsWith("http://127.0.0.1:");

            await().atMost(Duration.ofSeconds(60)).until(() -> get(url + "/ready").statusCode() == 200);
            assertThat(progressRowsFromApi(url)).isEqualTo(
                    Files.readAllLines(exports.resolve("progress.csv")).subList(1,
                            Files.readAllLines(exports.resolve("progress.csv")).size()));

            String metrics = get(url + "/metrics").body();
            assertThat(metrics).contains("ais_connector_records_read_total{connector=\"ingest-pe\",source=\"PE\"}")
                    .contains("ais_progress_ratio");
            long behind = Files.readAllLines(exports.resolve("progress.csv")).stream()
                    .filter(r -> r.contains(";2021-11;") && !"ON_TRACK".equals(r.split(";")[7])).count();
            assertThat(behind).as("regions not on track in November in this sample").isPositive();
            // November is the latest closed month on December 31: its regions not on track raise alerts
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> get(url + "/metrics").body().contains("ais_alerts_total{kind=\"RAISED\""));

            // every metric an alert rule or a Grafana panel selects is exported (the drop directory's failed/ files
            // only by a connector watching one: IngestWatchIT scrapes that)
            Set<String> exported = MonitoredMetrics.exported(get(url + "/metrics").body());
            assertThat(MonitoredMetrics.all(Path.of("..", "deploy")))
                    .as("metrics named in deploy/monitoring but not exported")
                    .filteredOn(name -> !name.equals("ais_connector_failed_files"))
                    .isNotEmpty()
                    .allSatisfy(name -> assertThat(exported).as(name).contains(name));

            // the pilots' view (issue 18): the alerts read back from their topic, about November, open
            await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(get(url + "/api/alerts?open=true").body()).size() > 0);
            for (JsonNode alert : json.readTree(get(url + "/api/alerts?open=true").body())) {
                assertThat(alert.get("month").asText()).isEqualTo("2021-11");
                assertThat(alert.get("kind").asText()).isEqualTo("RAISED");
            }
            JsonNode steering = json.readTree(get(url + "/api/steering").body());
            assertThat(steering.get("closedMonth").asText()).as("the month the alerts compare").isEqualTo("2021-11");
            assertThat(steering.get("settledMonth").asText()).isEqualTo("2021-09");
            assertThat(steering.get("rows")).hasSize(data.targetRows());
            JsonNode ml = null;
            for (JsonNode lags : steering.get("networkLags")) {
                ml = lags.get("of").asText().equals("ML") ? lags : ml;
            }
            assertThat(ml.get("observations").asInt()).as("settled ML entries keyed in from the event topics").isPositive();
        }
    }

    /** /api/progress rows written as progress.csv writes them. */
    private List<String> progressRowsFromApi(String url) throws Exception {
        HttpResponse<String> response = get(url + "/api/progress");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Progress> rows = new ArrayList<>();
        for (JsonNode row : json.readTree(response.body())) {
            rows.add(new Progress(row.get("region").asText(), row.get("year").asInt(),
                    java.time.YearMonth.parse(row.get("month").asText()).getMonthValue(),
                    Objective.valueOf(row.get("objective").asText()), row.get("actualCumulative").asLong(),
                    row.get("targetCumulative").asDouble(), row.get("ratio").isNull() ? null : row.get("ratio").asDouble(),
                    ProgressStatus.valueOf(row.get("status").asText()), row.get("provisional").asBoolean()));
        }
        return Exports.progressRows(rows);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
