package fr.ais.consolidation.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.core.type.TypeReference;
import fr.ais.kafka.embedded.secure.CertificateAuthority;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** HTTPS with the serving key store, probes open and the rest behind the token, a warning when exposed without one. */
class ApiServerSecurityTest {

    private static final String TOKEN = "token-of-the-security-test";
    private static final String PASSWORD = "store-password-of-the-test";

    @TempDir
    static Path dir;
    private static ServingConfig.Tls tls;
    private static CertificateAuthority authority;
    private ApiServer server;

    @BeforeAll
    static void certificates() {
        authority = CertificateAuthority.create("serving-test-ca", Duration.ofDays(1));
        tls = new ServingConfig.Tls(authority.issue("ais-consolidation", List.of("127.0.0.1", "localhost"),
                dir.resolve("serving.p12"), PASSWORD.toCharArray()), PASSWORD, "PKCS12");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ApiServer start(ServingConfig config) throws IOException {
        server = new ApiServer(config, FakeFigureQueries.knownFigures(), new ConsolidationMetrics()).start();
        return server;
    }

    private static HttpClient trustingTheCa() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", authority.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }

    private int status(HttpClient http, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void with_a_key_store_it_serves_https_only_and_the_token_still_guards_the_figures() throws Exception {
        start(new ServingConfig("127.0.0.1", 0, TOKEN, null, tls));
        HttpClient http = trustingTheCa();

        assertThat(server.url()).startsWith("https://127.0.0.1:");
        assertThat(status(http, "/health", null)).isEqualTo(200);
        assertThat(status(http, "/api/aggregates", null)).isEqualTo(401);
        assertThat(status(http, "/api/aggregates", TOKEN)).isEqualTo(200);
        String plain = server.url().replace("https://", "http://");
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(plain + "/health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void a_client_that_does_not_trust_the_certificate_is_refused_the_handshake() throws Exception {
        start(new ServingConfig("127.0.0.1", 0, TOKEN, null, tls));
        assertThatThrownBy(() -> status(HttpClient.newHttpClient(), "/health", null))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void peers_are_called_over_https_trusting_the_serving_key_store() throws Exception {
        start(new ServingConfig("127.0.0.1", 0, TOKEN, null, tls));
        PeerClient peers = new PeerClient(TOKEN, Duration.ofSeconds(5), tls);

        Object answer = peers.get(new HostInfo("127.0.0.1", server.port()), "/internal/dead-letters",
                new TypeReference<List<Object>>() { });

        assertThat(answer).isNotNull();
        assertThatThrownBy(() -> new PeerClient(TOKEN, Duration.ofSeconds(5)).get(new HostInfo("127.0.0.1",
                server.port()), "/internal/dead-letters", new TypeReference<List<Object>>() { }))
                .isInstanceOf(QueryUnavailableException.class);
    }

    @Test
    void with_a_token_only_health_and_ready_are_open() throws Exception {
        start(new ServingConfig("127.0.0.1", 0, TOKEN));
        HttpClient http = HttpClient.newHttpClient();

        assertThat(status(http, "/health", null)).isEqualTo(200);
        assertThat(status(http, "/ready", null)).isIn(200, 503);
        for (String guarded : List.of("/metrics", "/api/aggregates", "/api/progress", "/api/quality",
                "/api/dead-letters", "/internal/aggregates", "/api/prescriptions/x", "/anything-else")) {
            assertThat(status(http, guarded, null)).as(guarded).isEqualTo(401);
        }
    }

    @Test
    void bound_beyond_loopback_without_a_token_it_warns_at_start() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(ApiServer.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            start(new ServingConfig("0.0.0.0", 0, null)).close();
            start(new ServingConfig("0.0.0.0", 0, TOKEN)).close();
            start(new ServingConfig("127.0.0.1", 0, null)).close();
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                .contains("0.0.0.0", "without a token", "AIS_SERVING_TOKEN");
    }
}
