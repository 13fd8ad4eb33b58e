package fr.ais.consolidation.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The REST API's contract: JSON shapes, filters, status codes, bearer token, probes, metrics. */
class ApiServerTest {

    private static final String TOKEN = "s3cret-token-of-the-test";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final FakeFigureQueries queries = FakeFigureQueries.knownFigures();
    private ApiServer server;
    private ConsolidationMetrics metrics;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    private ApiServer start(String token) throws IOException {
        // the fake rows end in March 2021: as of April, the latest closed month
        metrics = new ConsolidationMetrics().bindQueries(queries).bindClosedMonth(() -> java.time.YearMonth.of(2021, 3));
        server = new ApiServer(new ServingConfig("127.0.0.1", 0, token), queries, metrics).start();
        return server;
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path, null);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return json.readTree(response.body());
    }

    @Nested
    class JsonShapes {

        @Test
        void aggregates_are_rows_of_region_month_network_age_band_and_count_filtered_by_region_and_month()
                throws Exception {
            start(null);
            JsonNode rows = getJson("/api/aggregates?region=84&month=2021-03");
            assertThat(rows.toString()).as("spelled and sorted as aggregates.csv").isEqualTo("["
                    + "{\"region\":\"84\",\"month\":\"2021-03\",\"network\":\"OTHER\",\"ageBand\":\"16_25\",\"prescriptions\":50},"
                    + "{\"region\":\"84\",\"month\":\"2021-03\",\"network\":\"PE\",\"ageBand\":\"26_29\",\"prescriptions\":200},"
                    + "{\"region\":\"84\",\"month\":\"2021-03\",\"network\":\"UNKNOWN\",\"ageBand\":\"30_PLUS\",\"prescriptions\":50}]");
            assertThat(getJson("/api/aggregates")).hasSize(queries.aggregates.size());
        }

        @Test
        void a_zero_aggregate_row_is_left_out_as_the_exports_leave_it_out() throws Exception {
            queries.aggregates.add(new FigureQueries.AggregateRow("84", "2021-03", "ML", "AGE_26_29", 0));
            start(null);
            assertThat(getJson("/api/aggregates?region=84&month=2021-03")).hasSize(3);
        }

        @Test
        void progress_rows_carry_actual_target_ratio_status_and_provisional_filtered_by_region_and_year()
                throws Exception {
            start(null);
            JsonNode rows = getJson("/api/progress?region=11&year=2021");
            assertThat(rows).hasSize(3);
            assertThat(rows.findValuesAsText("objective")).as("sorted by objective as written").containsExactly(
                    "GLOBAL", "ML", "PE");
            JsonNode ml = rows.get(1);
            assertThat(ml.toString()).isEqualTo("{\"region\":\"11\",\"year\":2021,\"month\":\"2021-03\",\"objective\":\"ML\","
                    + "\"actualCumulative\":0,\"targetCumulative\":\"0.00\",\"ratio\":null,\"status\":\"ON_TRACK\","
                    + "\"provisional\":false}");
            assertThat(rows.get(2).get("ratio").asText()).as("rounded to 4 places as in progress.csv")
                    .isEqualTo("1.0526");
            assertThat(getJson("/api/progress?year=2020")).hasSize(1);
        }

        @Test
        void quality_rows_count_each_flag() throws Exception {
            start(null);
            JsonNode rows = getJson("/api/quality?region=84&month=2021-03");
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).toString()).isEqualTo("{\"region\":\"84\",\"month\":\"2021-03\",\"prescriptions\":700,"
                    + "\"pePrescriberNotFilled\":200,\"attributionInferred\":120,\"attributionConflict\":10,"
                    + "\"unattributed\":50,\"mlAgeOutOfScope\":3}");
        }

        @Test
        void a_prescription_is_found_by_group_id_with_its_representatives_and_members() throws Exception {
            start(null);
            JsonNode p = getJson("/api/prescriptions/g-1");
            assertThat(p.get("groupId").asText()).isEqualTo("g-1");
            assertThat(p.get("entryDate").asText()).isEqualTo("2021-03-15");
            assertThat(p.get("flags").toString()).isEqualTo("[\"PE_PRESCRIBER_NOT_FILLED\",\"ATTRIBUTION_INFERRED\"]");
            assertThat(p.get("representatives").get(1).toString())
                    .isEqualTo("{\"source\":\"imilo\",\"sourceKey\":\"M-1\",\"declaredNetwork\":\"ML\",\"region\":\"84\"}");
            assertThat(p.get("ageBand").asText()).isEqualTo("16_25");
            assertThat(p.get("members")).hasSize(2);
        }

        @Test
        void an_unknown_group_id_is_404() throws Exception {
            start(null);
            HttpResponse<String> response = get("/api/prescriptions/no-such-group", null);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(json.readTree(response.body()).get("error").asText()).contains("no-such-group");
        }

        @Test
        void dead_letters_are_counted_per_source_and_reason() throws Exception {
            start(null);
            assertThat(getJson("/api/dead-letters").toString()).isEqualTo(
                    "[{\"source\":\"imilo\",\"reason\":\"MISSING_FIELD\",\"count\":3},"
                            + "{\"source\":\"pe\",\"reason\":\"BAD_DATE\",\"count\":7}]");
        }

        @Test
        void the_chart_library_is_served_from_the_jar_so_the_page_works_offline() throws Exception {
            start("t0ken");
            HttpResponse<String> chart = get("/dashboard/vendor/chart.umd.js", null);
            assertThat(chart.statusCode()).isEqualTo(200);
            assertThat(chart.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
            assertThat(chart.body()).contains("Chart.js");
            assertThat(get("/", null).body()).contains("/dashboard/vendor/chart.umd.js").doesNotContain("https://");
        }

        @Test
        void the_steering_view_and_the_targets_speak_the_exports_language() throws Exception {
            queries.targets.add(new FigureQueries.TargetRow("84", 2021, "GLOBAL", 1200.0, List.of()));
            start(null);
            JsonNode targets = getJson("/api/targets?year=2021");
            assertThat(targets.toString()).isEqualTo("[{\"region\":\"84\",\"year\":2021,\"objective\":\"GLOBAL\","
                    + "\"annualTarget\":\"1200.00\",\"monthlyProfile\":[]}]");
            JsonNode steering = getJson("/api/steering?year=2021&region=84");
            assertThat(steering.get("rows")).hasSize(1);
            assertThat(steering.get("rows").get(0).get("annualTarget").asText()).isEqualTo("1200.00");
            assertThat(steering.get("method").asText()).contains("rythme actuel");
        }

        @Test
        void a_malformed_filter_is_400_naming_the_parameter() throws Exception {
            start(null);
            HttpResponse<String> response = get("/api/aggregates?month=2021-13", null);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("month").contains("2021-13");
            assertThat(get("/api/progress?year=twenty", null).statusCode()).isEqualTo(400);
        }

        @Test
        void a_store_not_queryable_now_is_503() throws Exception {
            start(null);
            queries.failure = new QueryUnavailableException("store aggregates is not queryable now: REBALANCING");
            HttpResponse<String> response = get("/api/aggregates", null);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("REBALANCING");
        }

        @Test
        void internal_endpoints_answer_from_the_local_view_only() throws Exception {
            FakeFigureQueries local = new FakeFigureQueries();
            local.deadLetters.add(new FigureQueries.DeadLetterCount("OUIFORM", "BAD_REGION", 1));
            queries.local = local;
            start(null);
            assertThat(getJson("/internal/dead-letters")).hasSize(1);
            assertThat(getJson("/api/dead-letters")).hasSize(2);
            assertThat(get("/internal/prescriptions/g-1", null).statusCode()).isEqualTo(404);
        }

        @Test
        void unknown_paths_are_404_and_other_methods_405() throws Exception {
            start(null);
            assertThat(get("/api/nothing", null).statusCode()).isEqualTo(404);
            assertThat(get("/dashboard/../pom.xml", null).statusCode()).isEqualTo(404);
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/aggregates"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }

    @Nested
    class BearerToken {

        @Test
        void without_a_token_the_api_is_401() throws Exception {
            start(TOKEN);
            for (String path : List.of("/api/aggregates", "/api/prescriptions/g-1", "/internal/progress", "/metrics")) {
                HttpResponse<String> response = get(path, null);
                assertThat(response.statusCode()).as(path).isEqualTo(401);
                assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                        v -> assertThat(v).startsWith("Bearer"));
            }
        }

        @Test
        void with_a_wrong_token_the_api_is_401_and_the_response_does_not_echo_the_token() throws Exception {
            start(TOKEN);
            HttpResponse<String> response = get("/api/aggregates", TOKEN + "x");
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).doesNotContain(TOKEN);
            assertThat(get("/api/aggregates", TOKEN.substring(1)).statusCode()).isEqualTo(401);
        }

        @Test
        void with_the_token_the_api_answers() throws Exception {
            start(TOKEN);
            assertThat(get("/api/aggregates", TOKEN).statusCode()).isEqualTo(200);
            assertThat(get("/metrics", TOKEN).statusCode()).isEqualTo(200);
        }

        @Test
        void probes_and_the_dashboard_files_stay_open() throws Exception {
            start(TOKEN);
            assertThat(get("/health", null).statusCode()).isEqualTo(200);
            assertThat(get("/ready", null).statusCode()).isEqualTo(200);
            HttpResponse<String> page = get("/", null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
            assertThat(page.body()).contains("/dashboard/dashboard.js");
            assertThat(get("/dashboard/dashboard.js", null).statusCode()).isEqualTo(200);
            assertThat(get("/dashboard/regions.csv", null).body()).contains("84;Auvergne-Rhône-Alpes");
        }

        @Test
        void the_config_never_prints_the_token() {
            assertThat(new ServingConfig("127.0.0.1", 0, TOKEN).toString()).doesNotContain(TOKEN);
        }
    }

    @Nested
    class Probes {

        @Test
        void health_is_up_whatever_the_streams_state() throws Exception {
            queries.readiness = new FigureQueries.Readiness("REBALANCING", null);
            start(null);
            assertThat(getJson("/health").get("status").asText()).isEqualTo("UP");
        }

        @Test
        void ready_when_running_and_caught_up() throws Exception {
            start(null);
            assertThat(getJson("/ready").toString()).isEqualTo("{\"ready\":true,\"state\":\"RUNNING\",\"caughtUp\":true}");
        }

        @Test
        void ready_when_running_and_catch_up_unknown() throws Exception {
            queries.readiness = new FigureQueries.Readiness("RUNNING", null);
            start(null);
            assertThat(get("/ready", null).statusCode()).isEqualTo(200);
        }

        @Test
        void not_ready_while_rebalancing_or_behind() throws Exception {
            start(null);
            queries.readiness = new FigureQueries.Readiness("REBALANCING", null);
            assertThat(get("/ready", null).statusCode()).isEqualTo(503);
            queries.readiness = new FigureQueries.Readiness("RUNNING", false);
            HttpResponse<String> behind = get("/ready", null);
            assertThat(behind.statusCode()).isEqualTo(503);
            assertThat(behind.body()).contains("\"caughtUp\":false");
        }
    }

    @Nested
    class Metrics {

        @Test
        void prometheus_text_has_jvm_metrics_progress_of_the_latest_closed_month_and_dead_letters() throws Exception {
            start(null);
            HttpResponse<String> response = get("/metrics", null);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
            assertThat(response.body())
                    .contains("jvm_memory_used_bytes")
                    .contains("jvm_threads_live_threads")
                    .contains("jvm_classes_loaded_classes")
                    .contains("ais_progress_ratio{objective=\"GLOBAL\",region=\"84\"} 0.95")
                    .contains("ais_progress_actual_cumulative{objective=\"ML\",region=\"84\"} 400.0")
                    .contains("ais_progress_target_cumulative{objective=\"PE\",region=\"11\"} 1900.0")
                    .contains("ais_progress_regions{objective=\"GLOBAL\",status=\"AT_RISK\"} 1.0")
                    .contains("ais_progress_status{objective=\"ML\",region=\"84\"} 2.0")
                    .contains("ais_progress_status{objective=\"PE\",region=\"84\"} 0.0")
                    .contains("ais_progress_closed_month 202103.0")
                    // the network split of the year through the closed month: January to March 2021, not December 2020
                    .contains("ais_prescriptions{network=\"PE\",region=\"84\"} 700.0")
                    .contains("ais_prescriptions{network=\"ML\",region=\"84\"} 400.0")
                    .contains("ais_quality_flagged{flag=\"pe_prescriber_not_filled\",region=\"84\"}")
                    .contains("ais_dead_letters{reason=\"BAD_DATE\",source=\"PE\"} 7.0")
                    // no target, no ratio: absent rather than NaN
                    .doesNotContain("ais_progress_ratio{objective=\"ML\",region=\"11\"}");
        }

        @Test
        void progress_gauges_speak_of_the_latest_closed_month_as_the_alerts_do_not_of_a_later_provisional_one()
                throws Exception {
            start(null);
            metrics.bindClosedMonth(() -> java.time.YearMonth.of(2021, 2));
            assertThat(get("/metrics", null).body())
                    .contains("ais_progress_ratio{objective=\"GLOBAL\",region=\"84\"} 0.96")
                    .contains("ais_progress_status{objective=\"GLOBAL\",region=\"84\"} 1.0")
                    .contains("ais_progress_closed_month 202102.0")
                    // March is later than the closed month: none of its rows is reported
                    .doesNotContain("ais_progress_ratio{objective=\"GLOBAL\",region=\"84\"} 0.95")
                    .doesNotContain("region=\"11\"");
        }

        @Test
        void figures_follow_the_stores_from_one_scrape_to_the_next() throws Exception {
            start(null);
            get("/metrics", null);
            queries.deadLetters.set(0, new FigureQueries.DeadLetterCount("PE", "BAD_DATE", 8));
            assertThat(get("/metrics", null).body()).contains("ais_dead_letters{reason=\"BAD_DATE\",source=\"PE\"} 8.0");
        }

        @Test
        void a_scrape_during_a_rebalance_keeps_the_previous_figures_and_counts_the_failure() throws Exception {
            start(null);
            get("/metrics", null);
            queries.failure = new QueryUnavailableException("rebalancing");
            assertThat(get("/metrics", null).body())
                    .contains("ais_dead_letters{reason=\"BAD_DATE\",source=\"PE\"} 7.0")
                    // one failure per group of figures (progress and alerts, dead letters, the year's split and quality)
                    .contains("ais_metrics_refresh_failures_total 3.0");
        }

        @Test
        void alerts_are_counted_per_kind_objective_and_region() throws Exception {
            start(null);
            // two RAISED on ML in 84, as the alert stage's store counts them
            queries.alerts.add(new FigureQueries.AlertCount("84", "ML", "RAISED", 2));
            assertThat(get("/metrics", null).body())
                    .contains("ais_alerts_total{kind=\"RAISED\",objective=\"ML\",region=\"84\"} 2.0");
        }
    }
}
