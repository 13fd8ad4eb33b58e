package fr.ais.consolidation.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real headless Chromium, served by the real server over a fake pipeline with
 * known figures, behind a bearer token: what an operator sees is what the API holds. Saves
 * {@code target/dashboard.png}. Needs Debian's chromium and chromium-driver
 * ({@code scripts/install-browser.sh}); without them the test is skipped, or fails when CI=true.
 */
class DashboardBrowserIT {

    // Debian's paths; other systems may point elsewhere (-Dais.chromium=… -Dais.chromedriver=…)
    private static final File CHROMIUM = new File(System.getProperty("ais.chromium", "/usr/bin/chromium"));
    private static final File CHROMEDRIVER = new File(System.getProperty("ais.chromedriver", "/usr/bin/chromedriver"));
    private static final String TOKEN = "dashboard-test-token";

    private static FakeFigureQueries queries;
    private static ApiServer server;
    private static boolean warned;
    private WebDriver browser;

    @BeforeAll
    static void startServer() throws Exception {
        queries = FakeFigureQueries.knownFigures();
        server = new ApiServer(new ServingConfig("127.0.0.1", 0, TOKEN), queries, new ConsolidationMetrics()).start();
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
                "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,2000",
                "--lang=fr-FR");
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1400, 2000));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void openDashboard() {
        browser.get(server.url() + "/#token=" + TOKEN);
        await().atMost(Duration.ofSeconds(20)).until(() -> "true".equals(
                browser.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private String data(String id, String attribute) {
        return byId(id).getDomAttribute("data-" + attribute);
    }

    @Test
    void the_table_shows_the_18_regions_with_each_objective_status_of_the_latest_month() throws Exception {
        openDashboard();
        List<WebElement> rows = browser.findElements(By.cssSelector("#regions-table tbody tr"));
        assertThat(rows).hasSize(18);
        assertThat(byId("region-84").getText()).contains("Auvergne-Rhône-Alpes");
        assertThat(byId("region-11").getText()).contains("Île-de-France");
        assertThat(data("latest-month", "month")).isEqualTo("3");
        assertThat(data("latest-month", "year")).isEqualTo("2021");

        assertThat(data("status-84-GLOBAL", "status")).isEqualTo("AT_RISK");
        assertThat(data("status-84-GLOBAL", "actual")).isEqualTo("950");
        assertThat(data("status-84-GLOBAL", "target")).isEqualTo("1000");
        assertThat(data("status-84-GLOBAL", "ratio")).isEqualTo("0.95");
        assertThat(byId("status-84-GLOBAL").getText()).contains("95,0 %");
        assertThat(data("status-84-PE", "status")).isEqualTo("ON_TRACK");
        assertThat(data("status-84-ML", "status")).isEqualTo("BEHIND");
        assertThat(data("status-84-ML", "actual")).isEqualTo("400");
        assertThat(data("status-11-ML", "ratio")).isEmpty();
        assertThat(byId("status-11-ML").getText()).contains("sans cible");
        assertThat(data("status-02-GLOBAL", "status")).isEqualTo("NO_DATA");

        // colour-coded: each status has its own background
        String atRisk = byId("status-84-GLOBAL").getCssValue("background-color");
        String onTrack = byId("status-84-PE").getCssValue("background-color");
        String behind = byId("status-84-ML").getCssValue("background-color");
        assertThat(List.of(atRisk, onTrack, behind)).doesNotHaveDuplicates();

        // March is provisional in 84, closed in 11
        assertThat(data("month-84", "provisional")).isEqualTo("true");
        assertThat(byId("month-84").getText()).endsWith("*");
        assertThat(data("month-11", "provisional")).isEqualTo("false");
        screenshot("dashboard.png");
    }

    @Test
    void the_curves_plot_cumulative_actual_and_target_of_the_selected_region() throws Exception {
        openDashboard();
        // national: sums of the regions per month
        assertThat(data("curve-actual-GLOBAL", "values")).isEqualTo("1:300,2:640,3:3950");
        new Select(byId("region-select")).selectByValue("84");
        assertThat(byId("curve-title").getText()).isEqualTo("Auvergne-Rhône-Alpes");
        assertThat(data("curve-actual-GLOBAL", "values")).isEqualTo("1:300,2:640,3:950");
        assertThat(data("curve-target-GLOBAL", "values")).isEqualTo("1:333.3333,2:666.6667,3:1000");
        assertThat(byId("curve-actual-GLOBAL").getDomAttribute("points").split(" ")).hasSize(3);
        // February and March provisional: hollow points on a shaded band
        assertThat(browser.findElements(By.cssSelector("#curve-GLOBAL .provisional-band"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#curve-GLOBAL circle.provisional"))).hasSize(2);
        screenshot("dashboard-region-84.png");
    }

    @Test
    void the_network_split_and_the_attribution_quality_of_the_year() {
        openDashboard();
        new Select(byId("region-select")).selectByValue("84");
        assertThat(data("network-PE", "count")).isEqualTo("700");
        assertThat(data("network-ML", "count")).isEqualTo("400");
        assertThat(data("network-OTHER", "count")).isEqualTo("50");
        assertThat(data("network-UNKNOWN", "count")).isEqualTo("50");
        assertThat(data("network-total", "count")).isEqualTo("1200"); // 2020's 9999 left out
        assertThat(Double.parseDouble(data("network-share-PE", "share"))).isEqualTo(700 / 1200.0);
        assertThat(data("quality-prescriptions", "count")).isEqualTo("1200");
        assertThat(data("quality-not-filled", "count")).isEqualTo("300");
        assertThat(Double.parseDouble(data("quality-not-filled-share", "share"))).isEqualTo(0.25);
        assertThat(data("quality-inferred", "count")).isEqualTo("200");
        assertThat(data("quality-conflict", "count")).isEqualTo("15");
        assertThat(data("quality-unattributed", "count")).isEqualTo("50");

        new Select(byId("year-select")).selectByValue("2020");
        assertThat(data("network-ML", "count")).isEqualTo("9999");
    }

    @Test
    void the_dead_letters_per_source_and_reason() {
        openDashboard();
        assertThat(data("dead-PE-BAD_DATE", "count")).isEqualTo("7");
        assertThat(data("dead-IMILO-MISSING_FIELD", "count")).isEqualTo("3");
        assertThat(data("dead-total", "count")).isEqualTo("10");
    }

    @Test
    void without_the_token_the_page_asks_for_it_and_shows_no_figure() {
        browser.get(server.url() + "/");
        await().atMost(Duration.ofSeconds(20)).until(() -> byId("token-form").isDisplayed());
        assertThat(byId("status-line").getText()).contains("jeton");
        assertThat(browser.findElements(By.cssSelector("#regions-table tbody tr"))).isEmpty();
        byId("token-input").sendKeys(TOKEN);
        byId("token-form").submit();
        await().atMost(Duration.ofSeconds(20)).until(() -> "true".equals(
                browser.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        assertThat(data("status-84-GLOBAL", "actual")).isEqualTo("950");
    }

    private void screenshot(String name) throws Exception {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
