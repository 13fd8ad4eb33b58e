package fr.ais.ingest.ouiform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ais.synthetic.fakeouiform.FakeOuiFormServer;
import fr.ais.synthetic.fakeouiform.Faults;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SPEC §3.3: the API client pages with a bearer token and retries 429, 5xx, dropped connections and timeouts")
class OuiFormApiClientTest {

    private static final ApiClientSettings SETTINGS = ApiClientSettings.defaults()
            .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(2)).withMaxAttempts(4)
            .withRequestTimeout(Duration.ofSeconds(10));

    @TempDir
    Path dir;

    private FakeOuiFormServer server;
    private final List<Duration> slept = new CopyOnWriteArrayList<>();
    private final Sleeper recording = slept::add;

    @BeforeEach
    void start() throws Exception {
        server = FakeOuiFormServer.start(ApiFixtures.feed(dir, 7, 0), 0, ApiFixtures.TOKEN, Faults.none());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OuiFormApiClient client(ApiClientSettings settings, Sleeper sleeper) {
        return new OuiFormApiClient(URI.create(server.url() + "/"), ApiFixtures.TOKEN, settings, sleeper,
                new SplittableRandom(7));
    }

    private OuiFormApiClient client() {
        return client(SETTINGS, recording);
    }

    @Test
    void pages_follow_the_cursor_to_the_last_page() {
        OuiFormApiClient client = client();
        ApiPage first = client.fetch(null, 3, null);
        assertThat(first.items()).extracting(i -> i.get("id").asText())
                .containsExactly(ApiFixtures.id(0), ApiFixtures.id(1), ApiFixtures.id(2));
        assertThat(first.isLast()).isFalse();
        ApiPage second = client.fetch(null, 3, first.nextCursor());
        ApiPage third = client.fetch(null, 3, second.nextCursor());
        assertThat(third.items()).extracting(i -> i.get("id").asText()).containsExactly(ApiFixtures.id(6));
        assertThat(third.isLast()).isTrue();
        assertThat(client.fetch(ApiFixtures.START.plusSeconds(60), 10, null).items()).hasSize(4);
        assertThat(slept).isEmpty();
    }

    @Test
    void a_page_with_an_item_over_the_json_reader_limits_is_still_read_and_that_item_alone_is_over_them()
            throws Exception {
        server.close();
        Path feed = ApiFixtures.feed(dir, 3, 0);
        List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(feed));
        // a string one character longer than the reader's 20,000,000 (StreamReadConstraints.maxStringLength)
        lines.set(1, lines.get(1).replace("\"status\"", "\"note\":\"" + "x".repeat(20_000_001) + "\",\"status\""));
        java.nio.file.Files.write(feed, lines);
        server = FakeOuiFormServer.start(feed, 0, ApiFixtures.TOKEN, Faults.none());

        ApiPage page = client().fetch(null, 10, null);

        assertThat(page.items()).extracting(i -> i.get("id").asText())
                .containsExactly(ApiFixtures.id(0), ApiFixtures.id(1), ApiFixtures.id(2));
        assertThat(page.texts().get(0)).isEqualTo(page.items().get(0).toString());
        fr.ais.ingest.ReadContext context = new fr.ais.ingest.ReadContext("api", java.nio.charset.StandardCharsets.UTF_8,
                new fr.ais.ingest.Pseudonymizer("client test pseudonym key".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        fr.ais.ingest.ouiform.OuiFormRecordMapper mapper = new fr.ais.ingest.ouiform.OuiFormRecordMapper();
        assertThat(mapper.map(page.texts().get(1), 1, context)).isInstanceOfSatisfying(
                fr.ais.ingest.ParsedRecord.Rejected.class, r -> assertThat(r.rejection().message())
                        .contains("StreamReadConstraints.maxStringLength"));
        assertThat(mapper.map(page.texts().get(2), 2, context)).isInstanceOf(fr.ais.ingest.ParsedRecord.Accepted.class);
    }

    @Test
    void a_429_waits_its_retry_after_then_retries() {
        server.faults().rateLimit(2, Duration.ofSeconds(3));
        ApiPage page = client().fetch(null, 10, null);
        assertThat(page.items()).hasSize(7);
        assertThat(slept).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
        assertThat(server.faults().firedRateLimits()).isEqualTo(2);
    }

    @Test
    void a_retry_after_longer_than_the_setting_is_capped() {
        server.faults().rateLimit(1, Duration.ofSeconds(3600));
        client(SETTINGS.withMaxRetryAfter(Duration.ofSeconds(20)), recording).fetch(null, 10, null);
        assertThat(slept).containsExactly(Duration.ofSeconds(20));
    }

    @Test
    void a_500_then_a_503_are_retried_with_a_jittered_exponential_backoff() {
        server.faults().serverErrors(1, 500);
        OuiFormApiClient client = client();
        assertThat(client.fetch(null, 10, null).items()).hasSize(7);
        server.faults().serverErrors(2, 503);
        assertThat(client.fetch(null, 10, null).items()).hasSize(7);

        assertThat(server.faults().firedServerErrors()).isEqualTo(3);
        assertThat(slept).hasSize(3);
        assertThat(slept.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(100));
        assertThat(slept.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(100));
        assertThat(slept.get(2)).isBetween(Duration.ZERO, Duration.ofMillis(200));
    }

    @Test
    void the_backoff_doubles_up_to_its_cap_with_full_jitter() {
        OuiFormApiClient client = client();
        for (int attempt = 1; attempt <= 10; attempt++) {
            long ceiling = Math.min(2000, 100L << (attempt - 1));
            long max = 0;
            long min = Long.MAX_VALUE;
            for (int draw = 0; draw < 2000; draw++) {
                long millis = client.backoff(attempt).toMillis();
                assertThat(millis).isBetween(0L, ceiling);
                max = Math.max(max, millis);
                min = Math.min(min, millis);
            }
            assertThat(max).as("attempt %d reaches near its ceiling", attempt).isGreaterThan(ceiling * 9 / 10);
            assertThat(min).as("attempt %d goes near zero", attempt).isLessThan(ceiling / 10 + 1);
        }
    }

    @Test
    void retries_exhausted_give_a_clear_exception_naming_url_status_and_attempts() {
        server.faults().serverErrors(10, 503);
        assertThatThrownBy(() -> client().fetch(null, 5, null))
                .isInstanceOfSatisfying(OuiFormApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.attempts()).isEqualTo(4);
                    assertThat(e.url()).isEqualTo(server.url() + FakeOuiFormServer.PATH + "?limit=5");
                    assertThat(e.getMessage())
                            .contains(server.url() + FakeOuiFormServer.PATH + "?limit=5")
                            .contains("4 attempts").contains("503").contains("retries exhausted")
                            .doesNotContain(ApiFixtures.TOKEN);
                });
        assertThat(slept).hasSize(3);
        assertThat(server.faults().firedServerErrors()).isEqualTo(4);
    }

    @Test
    void a_dropped_connection_is_retried() {
        // the JDK client silently retries a GET once on a closed connection: two drops reach our retry
        server.faults().dropConnections(2);
        assertThat(client().fetch(null, 10, null).items()).hasSize(7);
        assertThat(server.faults().firedDrops()).isEqualTo(2);
        assertThat(slept).hasSize(1);
    }

    @Test
    void a_slow_answer_times_out_and_is_retried() {
        server.faults().delay(Duration.ofMillis(1500));
        Sleeper serverRecovers = wait -> {
            slept.add(wait);
            server.faults().delay(Duration.ZERO);
        };
        OuiFormApiClient client = client(SETTINGS.withRequestTimeout(Duration.ofMillis(300)), serverRecovers);
        assertThat(client.fetch(null, 10, null).items()).hasSize(7);
        assertThat(slept).hasSize(1);
        assertThat(server.faults().delayedRequests()).isEqualTo(1);
    }

    @Test
    void timeouts_until_the_last_attempt_name_the_timeout() {
        server.faults().delay(Duration.ofMillis(1500));
        OuiFormApiClient client = client(SETTINGS.withRequestTimeout(Duration.ofMillis(200)).withMaxAttempts(2), recording);
        assertThatThrownBy(() -> client.fetch(null, 10, null))
                .isInstanceOfSatisfying(OuiFormApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(OuiFormApiException.NO_STATUS);
                    assertThat(e.attempts()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("no answer within");
                });
    }

    @Test
    void a_wrong_token_fails_at_once_without_showing_any_token() {
        String wrong = "wrong-t0ken-also-secret";
        OuiFormApiClient client = new OuiFormApiClient(URI.create(server.url()), wrong, SETTINGS, recording,
                new SplittableRandom(1));
        server.faults().serverErrors(3, 503); // not consumed: the token is checked first
        assertThatThrownBy(() -> client.fetch(null, 10, null))
                .isInstanceOfSatisfying(OuiFormApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("401").contains(server.url())
                            .doesNotContain(wrong).doesNotContain(ApiFixtures.TOKEN);
                    assertThat(String.valueOf(e.getCause())).doesNotContain(wrong);
                });
        assertThat(slept).isEmpty();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void a_bad_request_fails_at_once() {
        assertThatThrownBy(() -> client().fetch(null, 10, "not-a-cursor"))
                .isInstanceOfSatisfying(OuiFormApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("unknown cursor");
                });
        assertThat(slept).isEmpty();
    }

    @Test
    void a_server_answer_quoted_in_the_error_shows_no_identifier_or_date() throws Exception {
        com.sun.net.httpserver.HttpServer echo = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        echo.createContext("/", exchange -> {
            byte[] body = "{\"error\":\"invalid item\",\"item\":{\"peIdentifier\":\"1234567A\",\"miloId\":\"4410023\",\"birthDate\":\"2003-05-17\"}}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(422, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        echo.start();
        try {
            OuiFormApiClient client = new OuiFormApiClient(URI.create("http://127.0.0.1:" + echo.getAddress().getPort()),
                    ApiFixtures.TOKEN, SETTINGS, recording, new SplittableRandom(1));
            assertThatThrownBy(() -> client.fetch(null, 10, null))
                    .isInstanceOfSatisfying(OuiFormApiException.class, e -> assertThat(e.getMessage())
                            .contains("422", "invalid item").doesNotContain("1234567A", "4410023", "2003-05-17"));
        } finally {
            echo.stop(0);
        }
    }
}
