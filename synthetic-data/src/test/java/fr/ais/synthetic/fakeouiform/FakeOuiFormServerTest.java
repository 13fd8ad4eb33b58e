package fr.ais.synthetic.fakeouiform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import fr.ais.schemas.RejectReason;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §3.3 API: paging in updatedAt order, bearer token, 429 with Retry-After and 5xx now and then. */
class FakeOuiFormServerTest {

    private static final String TOKEN = "s3cret-token";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int ITEMS = 23;

    @TempDir
    Path dir;

    private FakeOuiFormServer server;
    private HttpClient client;

    @BeforeEach
    void startServer() throws IOException {
        // written out of order, with two equal updatedAt (ids 5 and 6) and one line that is not JSON
        List<String> lines = new ArrayList<>();
        for (int i = ITEMS - 1; i >= 0; i--) {
            Instant at = Instant.parse("2021-03-01T08:00:00Z").plusSeconds(60L * (i == 6 ? 5 : i));
            lines.add("{\"id\":\"id-" + i + "\",\"updatedAt\":\"" + at + "\",\"status\":\"SENT\"}");
            if (i == 10) {
                lines.add("{\"id\":\"broken");
            }
        }
        Path data = dir.resolve("ouiform.jsonl");
        Files.write(data, lines, StandardCharsets.UTF_8);
        server = FakeOuiFormServer.start(data, 0, TOKEN, Faults.none());
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private HttpResponse<String> get(String query, String token) throws IOException, InterruptedException {
        return get(query, token, Duration.ofSeconds(10));
    }

    private HttpResponse<String> get(String query, String token, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(server.url() + FakeOuiFormServer.PATH + (query.isEmpty() ? "" : "?" + query)))
                .timeout(timeout).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<JsonNode> readAll(String firstQuery, int limit) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        String query = firstQuery + "limit=" + limit;
        int pages = 0;
        while (true) {
            HttpResponse<String> response = get(query, TOKEN);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = MAPPER.readTree(response.body());
            body.get("items").forEach(all::add);
            pages++;
            assertThat(pages).as("paging must end").isLessThan(100);
            JsonNode next = body.get("nextCursor");
            assertThat(body.has("nextCursor")).isTrue();
            if (next.isNull()) {
                return all;
            }
            query = "limit=" + limit + "&cursor=" + URLEncoder.encode(next.asText(), StandardCharsets.UTF_8);
        }
    }

    @Nested
    class PagingReturnsEveryItemOnceInUpdatedAtOrder {

        @Test
        void allPagesTogetherHoldEveryItemOnceInUpdatedAtOrder() throws Exception {
            List<JsonNode> items = readAll("", 5);

            assertThat(items).extracting(n -> n.get("id").asText()).doesNotHaveDuplicates().hasSize(ITEMS);
            assertThat(items).extracting(n -> Instant.parse(n.get("updatedAt").asText())).isSorted();
            assertThat(server.itemCount()).isEqualTo(ITEMS);
            assertThat(server.skippedLines()).isEqualTo(1);
        }

        @Test
        void equalUpdatedAtKeepTheFileOrder() throws Exception {
            List<JsonNode> items = readAll("", 4);
            List<String> ids = items.stream().map(n -> n.get("id").asText()).toList();
            // id-6 was written before id-5 and shares its updatedAt
            assertThat(ids.indexOf("id-6")).isEqualTo(ids.indexOf("id-5") - 1);
        }

        @Test
        void theLastPageHasANullNextCursor() throws Exception {
            JsonNode body = MAPPER.readTree(get("limit=1000", TOKEN).body());
            assertThat(body.get("items")).hasSize(ITEMS);
            assertThat(body.get("nextCursor").isNull()).isTrue();
        }

        @Test
        void updatedSinceIsInclusive() throws Exception {
            String since = URLEncoder.encode("2021-03-01T08:20:00Z", StandardCharsets.UTF_8);
            List<JsonNode> items = readAll("updatedSince=" + since + "&", 3);

            assertThat(items).extracting(n -> n.get("id").asText()).first().isEqualTo("id-20");
            assertThat(items).hasSize(3);
        }

        @Test
        void updatedSinceAcceptsAnOffsetEvenWithAnUnencodedPlus() throws Exception {
            JsonNode body = MAPPER.readTree(get("updatedSince=2021-03-01T09:20:00+01:00", TOKEN).body());
            assertThat(body.get("items")).hasSize(3);
        }

        @Test
        void aGeneratedExportIsServedWhole() throws Exception {
            GeneratedDataSet ds = Generator.generate(GeneratorOptions.defaults(dir.resolve("generated")).withPeople(300));
            long unparseable = ds.ouiform().badByReason().get(RejectReason.PARSE_ERROR);
            server.close();
            server = FakeOuiFormServer.start(ds.ouiformFile(), 0, TOKEN);

            List<JsonNode> items = readAll("", 250);

            assertThat(items).hasSize(ds.ouiform().records() - (int) unparseable);
            assertThat(server.skippedLines()).isEqualTo(unparseable);
            assertThat(items).extracting(n -> Instant.parse(n.get("updatedAt").asText())).isSorted();
        }

        @Test
        void badParametersAnswer400() throws Exception {
            assertThat(get("limit=0", TOKEN).statusCode()).isEqualTo(400);
            assertThat(get("limit=abc", TOKEN).statusCode()).isEqualTo(400);
            assertThat(get("updatedSince=yesterday", TOKEN).statusCode()).isEqualTo(400);
            assertThat(get("cursor=bm90LWEtY3Vyc29y", TOKEN).statusCode()).isEqualTo(400);
        }
    }

    @Nested
    class BearerToken {

        @Test
        void withoutTokenAnswers401() throws Exception {
            HttpResponse<String> response = get("", null);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        }

        @Test
        void withAWrongTokenAnswers401() throws Exception {
            assertThat(get("", "not-the-token").statusCode()).isEqualTo(401);
        }

        @Test
        void withTheTokenAnswers200() throws Exception {
            assertThat(get("", TOKEN).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class InjectedFaults {

        @Test
        void rateLimitAnswers429WithRetryAfterAsManyTimesAsArmed() throws Exception {
            server.faults().rateLimit(2, Duration.ofSeconds(3));

            HttpResponse<String> first = get("", TOKEN);
            HttpResponse<String> second = get("", TOKEN);
            HttpResponse<String> third = get("", TOKEN);

            assertThat(first.statusCode()).isEqualTo(429);
            assertThat(first.headers().firstValue("Retry-After")).contains("3");
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(third.statusCode()).isEqualTo(200);
            assertThat(server.faults().firedRateLimits()).isEqualTo(2);
        }

        @Test
        void serverErrorsAnswerTheArmedStatusAsManyTimesAsArmed() throws Exception {
            server.faults().serverErrors(2, 500);
            assertThat(get("", TOKEN).statusCode()).isEqualTo(500);
            assertThat(get("", TOKEN).statusCode()).isEqualTo(500);
            assertThat(get("", TOKEN).statusCode()).isEqualTo(200);

            server.faults().serverErrors(1, 503);
            assertThat(get("", TOKEN).statusCode()).isEqualTo(503);
            assertThat(get("", TOKEN).statusCode()).isEqualTo(200);
            assertThat(server.faults().firedServerErrors()).isEqualTo(3);
        }

        @Test
        void anUnauthenticatedRequestDoesNotConsumeAFault() throws Exception {
            server.faults().serverErrors(1, 503);
            assertThat(get("", null).statusCode()).isEqualTo(401);
            assertThat(get("", TOKEN).statusCode()).isEqualTo(503);
        }

        @Test
        void aDroppedConnectionIsClosedWithoutAnyResponseByte() throws Exception {
            server.faults().dropConnections(1);

            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("GET " + FakeOuiFormServer.PATH + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + TOKEN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                assertThat(socket.getInputStream().read()).as("end of stream, no status line").isEqualTo(-1);
            }
            assertThat(server.faults().firedDrops()).isEqualTo(1);
            assertThat(get("", TOKEN).statusCode()).isEqualTo(200);
        }

        @Test
        void theJdkClientRetriesAGetOnceSoTwoDropsReachIt() throws Exception {
            server.faults().dropConnections(2);

            assertThatThrownBy(() -> get("", TOKEN)).isInstanceOf(IOException.class);
            assertThat(server.faults().firedDrops()).isEqualTo(2);
            assertThat(get("", TOKEN).statusCode()).isEqualTo(200);
        }

        @Test
        void aSlowResponseOutlastsAShortClientTimeout() throws Exception {
            server.faults().delay(Duration.ofSeconds(2));

            assertThatThrownBy(() -> get("", TOKEN, Duration.ofMillis(200)))
                    .isInstanceOf(HttpTimeoutException.class);
            assertThat(server.faults().delayedRequests()).isEqualTo(1);

            server.faults().delay(Duration.ZERO);
            assertThat(get("", TOKEN).statusCode()).isEqualTo(200);
        }

        @Test
        void faultsArmedAtStartFire() throws Exception {
            server.close();
            Path data = dir.resolve("ouiform.jsonl");
            server = FakeOuiFormServer.start(data, 0, TOKEN, Faults.none().serverErrors(1, 503));
            assertThat(get("", TOKEN).statusCode()).isEqualTo(503);
            assertThat(get("", TOKEN).statusCode()).isEqualTo(200);
        }
    }
}
