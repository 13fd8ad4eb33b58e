package fr.ais.consolidation.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ais.consolidation.progress.ProgressCalculator;
import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.localstack.junit.LocalStackExtension;
import fr.ais.localstack.junit.TestStack;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.schemas.AgeBand;
import fr.ais.schemas.AggregateKey;
import fr.ais.schemas.Alert;
import fr.ais.schemas.AlertKey;
import fr.ais.schemas.AlertKind;
import fr.ais.schemas.ConnectorCheckpoint;
import fr.ais.schemas.ConnectorCheckpointKey;
import fr.ais.schemas.Network;
import fr.ais.schemas.Objective;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.Progress;
import fr.ais.schemas.ProgressStatus;
import fr.ais.schemas.Source;
import fr.ais.schemas.SourceRecordKey;
import fr.ais.schemas.Target;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The pilots' dashboard (issue 18) in a real headless Chromium, served by the real server behind a bearer
 * token: store figures from a fake pipeline whose progress rows are computed by {@link ProgressCalculator}
 * (as the topology computes them), and alerts, arrivals and checkpoints on a real broker's topics, read by the
 * real {@link TopicFollower}. What a pilot sees is what the API says. Screenshots go to {@code target/}.
 * Needs Debian's chromium and chromium-driver ({@code scripts/install-browser.sh}); without them the test is
 * skipped, or fails when CI=true.
 */
@ExtendWith(LocalStackExtension.class)
class DashboardBrowserIT {

    // Debian's paths; other systems may point elsewhere (-Dais.chromium=… -Dais.chromedriver=…)
    private static final File CHROMIUM = new File(System.getProperty("ais.chromium", "/usr/bin/chromium"));
    private static final File CHROMEDRIVER = new File(System.getProperty("ais.chromedriver", "/usr/bin/chromedriver"));
    private static final String TOKEN = "dashboard-test-token";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** 15 June 2021: May is the month just ended (the alerts' month), March the last settled month. */
    private static final LocalDate AS_OF = LocalDate.of(2021, 6, 15);

    private static TopicFollower follower;
    private static ApiServer server;
    private static boolean warned;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private WebDriver browser;

    @BeforeAll
    static void startServer(TestStack stack) throws Exception {
        TopicCatalogue topics = stack.newCatalogue();
        publish(stack, topics);
        follower = TopicFollower.start(stack.clientProperties(), topics, stack.serdes());
        server = new ApiServer(new ServingConfig("127.0.0.1", 0, TOKEN), storeFigures(), new ConsolidationMetrics(),
                ProgressSettings.defaults().asOf(AS_OF), follower).start();
    }

    /**
     * Three regions with uniform targets, January to June. 84: PE 100 and ML 40 a month against 150 GLOBAL
     * (at risk); 11: PE 110 against 100 (on track); 52: PE 60 against 100 (behind). May's ML entries of 84
     * are half in (20): typed late.
     */
    static FakeFigureQueries storeFigures() {
        FakeFigureQueries f = FakeFigureQueries.knownFigures();
        f.progress.clear();
        f.aggregates.clear();
        f.quality.clear();
        Map<AggregateKey, Long> aggregates = new HashMap<>();
        for (int m = 1; m <= 6; m++) {
            String month = "2021-0" + m;
            aggregates.put(new AggregateKey("84", month, Network.PE, AgeBand.AGE_16_25), 100L);
            aggregates.put(new AggregateKey("84", month, Network.ML, AgeBand.AGE_16_25), m == 5 ? 20L : m == 6 ? 10L : 40L);
            aggregates.put(new AggregateKey("11", month, Network.PE, AgeBand.AGE_26_29), 110L);
            aggregates.put(new AggregateKey("52", month, Network.PE, AgeBand.AGE_16_25), 60L);
            aggregates.put(new AggregateKey("52", month, Network.UNKNOWN, AgeBand.AGE_16_25), 5L);
            f.quality.add(new FigureQueries.QualityRow("84", month, 140, 10, 4, 1, 0, 0));
        }
        List<Target> targets = new ArrayList<>();
        for (String region : List.of("84", "11", "52")) {
            targets.add(new Target(2021, region, Objective.GLOBAL, region.equals("84") ? 1800.0 : 1200.0, List.of()));
            targets.add(new Target(2021, region, Objective.PE, 1200.0, List.of()));
            targets.add(new Target(2021, region, Objective.ML, region.equals("84") ? 480.0 : 0.0, List.of()));
        }
        for (Progress p : new ProgressCalculator(1.0, 0.9).rowsOf(aggregates, targets, AS_OF)) {
            f.progress.add(new FigureQueries.ProgressRow(p.getRegion(), p.getYear(), p.getMonth(), p.getObjective().name(),
                    p.getActualCumulative(), p.getTargetCumulative(), p.getRatio(), p.getStatus().name(), p.getProvisional()));
        }
        aggregates.forEach((k, n) -> f.aggregates.add(new FigureQueries.AggregateRow(k.getRegion(), k.getMonth(),
                k.getNetwork().name(), k.getAgeBand().name(), n)));
        // the consolidated entries of the settled months, each of one record published below
        for (int i = 0; i < 10; i++) {
            String entry = LocalDate.of(2021, 1 + i % 3, 10).toString();
            f.entries.add(new FigureQueries.EntryRow(entry, "ML", List.of("IMILO|IM-" + i)));
            f.entries.add(new FigureQueries.EntryRow(entry, "PE", List.of("PE|AIS-" + i)));
        }
        targets.forEach(t -> f.targets.add(new FigureQueries.TargetRow(t.getRegion(), t.getYear(), t.getObjective().name(),
                t.getAnnualTarget(), t.getMonthlyProfile())));
        return f;
    }

    /**
     * Alerts: 84 GLOBAL raised (ON_TRACK → AT_RISK), 52 GLOBAL raised (→ BEHIND), 11 PE raised then cleared.
     * I-Milo records of the settled months: 8 keyed by their month's end, 2 keyed 40 days after it: by 15 June,
     * 15 days after May's end, 8 in 10 of May's ML entries are in. PE records all on time.
     */
    private static void publish(TestStack stack, TopicCatalogue topics) {
        try (KafkaProducer<AlertKey, Alert> producer = new KafkaProducer<>(stack.clientProperties(),
                stack.serdes().forKeys(AlertKey.class).serializer(), stack.serdes().forValues(Alert.class).serializer())) {
            String topic = topics.topic(TopicCatalogue.ALERTS).name();
            long at = Instant.parse("2021-06-01T08:00:00Z").toEpochMilli();
            producer.send(new ProducerRecord<>(topic, null, at, new AlertKey("11", Objective.PE),
                    alert("11", Objective.PE, AlertKind.RAISED, ProgressStatus.ON_TRACK, ProgressStatus.AT_RISK)));
            producer.send(new ProducerRecord<>(topic, null, at + 60_000, new AlertKey("84", Objective.GLOBAL),
                    alert("84", Objective.GLOBAL, AlertKind.RAISED, ProgressStatus.ON_TRACK, ProgressStatus.AT_RISK)));
            producer.send(new ProducerRecord<>(topic, null, at + 120_000, new AlertKey("52", Objective.GLOBAL),
                    alert("52", Objective.GLOBAL, AlertKind.RAISED, null, ProgressStatus.BEHIND)));
            producer.send(new ProducerRecord<>(topic, null, at + 180_000, new AlertKey("11", Objective.PE),
                    alert("11", Objective.PE, AlertKind.CLEARED, ProgressStatus.AT_RISK, ProgressStatus.ON_TRACK)));
        }
        try (KafkaProducer<SourceRecordKey, PrescriptionEvent> producer = new KafkaProducer<>(stack.clientProperties(),
                stack.serdes().forKeys(SourceRecordKey.class).serializer(),
                stack.serdes().forValues(PrescriptionEvent.class).serializer())) {
            for (int i = 0; i < 10; i++) {
                LocalDate entry = LocalDate.of(2021, 1 + i % 3, 10);
                LocalDate keyed = i < 8 ? entry.minusDays(3) : entry.withDayOfMonth(entry.lengthOfMonth()).plusDays(40);
                send(producer, topics, event(Source.IMILO, "IM-" + i, entry, keyed));
                send(producer, topics, event(Source.PE, "AIS-" + i, entry, entry.minusDays(1)));
            }
        }
        try (KafkaProducer<ConnectorCheckpointKey, ConnectorCheckpoint> producer = new KafkaProducer<>(stack.clientProperties(),
                stack.serdes().forKeys(ConnectorCheckpointKey.class).serializer(),
                stack.serdes().forValues(ConnectorCheckpoint.class).serializer())) {
            producer.send(new ProducerRecord<>(topics.topic(TopicCatalogue.CONNECTOR_CHECKPOINTS).name(),
                    new ConnectorCheckpointKey("ingest-imilo", "file:abc"), ConnectorCheckpoint.newBuilder()
                            .setConnector("ingest-imilo").setInput("file:abc").setFileName("imilo.jsonl").setRecordsDone(10)
                            .setComplete(true).setUpdatedAt(Instant.parse("2021-06-14T22:00:00Z")).build()));
        }
    }

    private static Alert alert(String region, Objective objective, AlertKind kind, ProgressStatus previous,
            ProgressStatus status) {
        return Alert.newBuilder().setRegion(region).setObjective(objective).setYear(2021).setMonth(5).setKind(kind)
                .setPreviousStatus(previous).setStatus(status).setActualCumulative(700).setTargetCumulative(750.0)
                .setRatio(700 / 750.0).build();
    }

    private static PrescriptionEvent event(Source source, String key, LocalDate entry, LocalDate keyed) {
        return PrescriptionEvent.newBuilder().setSource(source).setSourceKey(key)
                .setVersionTimestamp(keyed.atTime(10, 0).atZone(PARIS).toInstant()).setSourcePosition(0).setLive(true)
                .setSessionNumber("S-" + key).setPersonIds(List.of()).setEntryDate(entry).setAgeAtEntry(20).setOrigin("test")
                .setDeclaredNetwork(source == Source.PE ? Network.PE : Network.ML).setTrainingRegion("84").build();
    }

    private static void send(KafkaProducer<SourceRecordKey, PrescriptionEvent> producer, TopicCatalogue topics,
            PrescriptionEvent e) {
        producer.send(new ProducerRecord<>(topics.topic(TopicCatalogue.eventsOf(e.getSource())).name(), null,
                e.getVersionTimestamp().toEpochMilli(), new SourceRecordKey(e.getSource(), e.getSourceKey()), e));
    }

    /** Per test rather than per class, so that each skipped test is counted and reported with its reason. */
    static void requireBrowser() {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            String message = "DashboardBrowserIT SKIPPED: no browser (" + CHROMIUM + " and " + CHROMEDRIVER
                    + " are required): run scripts/install-browser.sh as root";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message.replace("SKIPPED", "FAILED (CI=true)"));
            }
            // the test output goes to a file: write to the process's own stderr so the build log shows why
            if (!warned) {
                warned = true;
                new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true)
                        .println("WARNING: " + message);
            }
            Assumptions.abort(message);
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
        if (follower != null) {
            follower.close();
        }
    }

    @BeforeEach
    void openBrowser(@TempDir Path profile) {
        requireBrowser();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1500,1800",
                "--lang=fr-FR");
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1500, 1800));
        // the topics are read asynchronously: wait until the follower holds what was published
        await().atMost(Duration.ofSeconds(30)).until(() -> api("/api/alerts").size() == 4
                && api("/api/freshness").get(1).get("records").asInt() == 10);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private JsonNode api(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private void openDashboard() {
        browser.get(server.url() + "/#token=" + TOKEN);
        awaitLoaded();
    }

    private void awaitLoaded() {
        await().atMost(Duration.ofSeconds(20)).until(() -> "true".equals(
                browser.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private String data(String id, String attribute) {
        return byId(id).getDomAttribute("data-" + attribute);
    }

    private List<String> regionOrder() {
        return browser.findElements(By.cssSelector("#regions-table tbody tr[data-objective]")).stream()
                .map(tr -> tr.getDomAttribute("data-region")).toList();
    }

    @Test
    void the_page_shows_the_last_settled_month_and_the_month_just_ended_and_the_regions_sort_by_ratio_and_by_gap()
            throws Exception {
        openDashboard();
        assertThat(data("settled-month", "month")).isEqualTo("2021-03");
        assertThat(byId("settled-month").getText()).isEqualTo("03/2021");
        assertThat(data("closed-month", "month")).as("the alerts' month").isEqualTo("2021-05");
        assertThat(browser.findElements(By.cssSelector("#regions-table tbody tr"))).hasSize(18);
        // statuses carry text and an icon, not only a colour
        assertThat(data("status-84", "status")).isEqualTo("AT_RISK");
        assertThat(byId("status-84").getText()).contains("⚠").contains("à risque");
        assertThat(byId("status-52").getText()).contains("✗").contains("en retard");
        assertThat(byId("status-11").getText()).contains("✓").contains("dans la cible");
        // the legend's thresholds are the settings'
        assertThat(byId("legend-ON_TRACK").getText()).contains("100,0 %");
        assertThat(byId("legend-AT_RISK").getText()).contains("90,0 %");

        JsonNode rows = api("/api/steering?year=2021").get("rows");
        List<JsonNode> global = new ArrayList<>();
        rows.forEach(r -> {
            if (r.get("objective").asText().equals("GLOBAL")) {
                global.add(r);
            }
        });
        byId("sort-ratio").click();
        assertThat(regionOrder()).as("furthest behind first").containsExactlyElementsOf(global.stream()
                .sorted(Comparator.comparing((JsonNode r) -> Double.parseDouble(r.get("closed").get("ratio").asText())))
                .map(r -> r.get("region").asText()).toList()).containsExactly("52", "84", "11");
        assertThat(byId("sort-ratio").getDomAttribute("aria-pressed")).isEqualTo("true");
        screenshot("dashboard.png");

        byId("sort-gap").sendKeys(Keys.ENTER); // the keyboard works as the mouse
        assertThat(regionOrder()).as("most entries still needed first").containsExactlyElementsOf(global.stream()
                .sorted(Comparator.comparing((JsonNode r) -> -r.get("closed").get("stillNeeded").asLong()))
                .map(r -> r.get("region").asText()).toList());
        assertThat(regionOrder().get(0)).isEqualTo("52");
    }

    @Test
    void the_projection_and_the_entries_still_needed_are_the_apis() throws Exception {
        openDashboard();
        new Select(byId("objective-select")).selectByValue("ML");
        for (JsonNode row : api("/api/steering?year=2021").get("rows")) {
            if (!row.get("objective").asText().equals("ML")) {
                continue;
            }
            String region = row.get("region").asText();
            assertThat(data("gap-" + region, "still-needed")).isEqualTo(row.get("closed").get("stillNeeded").asText());
            assertThat(data("annual-needed-" + region, "still-needed")).isEqualTo(row.get("stillNeededAnnual").asText());
            assertThat(data("annual-" + region, "annual-target")).isEqualTo(row.get("annualTarget").asText());
            assertThat(data("projection-" + region, "projection")).isEqualTo(textOrEmpty(row.get("projection").get("observed")));
            assertThat(data("projection-completed-" + region, "projection"))
                    .isEqualTo(textOrEmpty(row.get("projection").get("completed")));
        }
        // by hand for 84 ML: 180 observed by the end of May (40 × 4 + 20) against 200 due (480 × 5/12); 8 in 10 of
        // May's are expected in by 15 June, so May completes to 25 (April, 46 days after its end, is whole): 185;
        // the pace carried to December: 180 × 12/5 = 432 observed, 185 × 12/5 = 444 completed
        assertThat(data("actual-84", "actual")).isEqualTo("180");
        assertThat(data("projection-84", "projection")).isEqualTo("432.00");
        assertThat(data("projection-completed-84", "projection")).isEqualTo("444.00");
        assertThat(data("gap-84", "still-needed")).isEqualTo("20");
        assertThat(data("annual-needed-84", "still-needed")).isEqualTo("300");
        assertThat(byId("method").getText()).contains("rythme actuel");
        assertThat(data("lags-imilo", "observations")).isEqualTo("10");
        assertThat(data("lags-net-ML", "observations")).isEqualTo("10");
        assertThat(data("lags-net-ML", "share202105")).as("May's ML entries expected in").isEqualTo("0.8000");
    }

    @Test
    void the_open_alerts_panel_lists_the_open_alerts_of_the_topic_the_most_recent_first() {
        openDashboard();
        List<WebElement> open = browser.findElements(By.cssSelector("#alerts-open tbody tr[data-region]"));
        assertThat(open).extracting(tr -> tr.getDomAttribute("data-region") + "-" + tr.getDomAttribute("data-objective"))
                .as("11 PE was cleared").containsExactly("52-GLOBAL", "84-GLOBAL");
        assertThat(byId("alert-84-GLOBAL").getText()).contains("05/2021").contains("dans la cible").contains("→")
                .contains("à risque").contains("01/06/2021");
        assertThat(byId("alert-52-GLOBAL").getText()).contains("aucun").contains("en retard");
        assertThat(byId("alerts-history-count").getText()).isEqualTo("4");
        assertThat(byId("freshness-imilo").getText()).contains("10").contains("15/06/2021");
    }

    @Test
    void a_region_page_opens_from_its_row_and_draws_a_point_per_month_with_the_provisional_months_marked()
            throws Exception {
        openDashboard();
        byId("link-84").sendKeys(Keys.ENTER);
        awaitLoaded();
        await().atMost(Duration.ofSeconds(10)).until(() -> byId("region-page").isDisplayed());
        assertThat(byId("region-title").getText()).contains("Auvergne-Rhône-Alpes");
        int months = api("/api/progress?region=84&year=2021").size() / 3;
        assertThat(months).as("January to the as-of month").isEqualTo(6);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        for (String objective : List.of("GLOBAL", "PE", "ML")) {
            Object points = js.executeScript("return Chart.getChart(document.getElementById('chart-" + objective
                    + "')).data.datasets.map(d => d.data.filter(v => v !== null).length)");
            // actual and target: one point per month; completed: through May, the month just ended
            assertThat(points).as(objective).isEqualTo(List.of(6L, 6L, 5L));
        }
        Object styles = js.executeScript(
                "return Chart.getChart(document.getElementById('chart-ML')).data.datasets[0].pointStyle");
        assertThat(styles).as("April, May and June provisional")
                .isEqualTo(List.of("circle", "circle", "circle", "triangle", "triangle", "triangle"));
        assertThat(data("chart-network", "months")).isEqualTo("6");
        assertThat(browser.findElements(By.cssSelector("#region-quality-table tbody tr"))).hasSize(6);
        screenshot("dashboard-region-84.png");

        byId("back-link").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> byId("overview").isDisplayed());
    }

    @Test
    void the_dead_letters_are_labelled_in_french_and_the_network_quality_is_shared() {
        openDashboard();
        assertThat(data("dead-pe-BAD_DATE", "count")).isEqualTo("7");
        assertThat(byId("dead-letters-table").getText()).contains("date invalide").contains("champ obligatoire manquant");
        assertThat(data("dead-total", "count")).isEqualTo("10");
        assertThat(data("quality-unknown", "count")).isEqualTo("30"); // 52's 5 a month
        assertThat(data("quality-inferred", "count")).isEqualTo("24");
    }

    @Test
    void without_the_token_the_page_asks_for_it_and_shows_no_figure() {
        browser.get(server.url() + "/");
        await().atMost(Duration.ofSeconds(20)).until(() -> byId("token-form").isDisplayed());
        assertThat(byId("status-line").getText()).contains("jeton");
        assertThat(browser.findElements(By.cssSelector("#regions-table tbody tr"))).isEmpty();
        byId("token-input").sendKeys(TOKEN);
        byId("token-form").submit();
        awaitLoaded();
        assertThat(data("actual-84", "actual")).isNotEmpty();
    }

    private static String textOrEmpty(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }

    private void screenshot(String name) throws Exception {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
