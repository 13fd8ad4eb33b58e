package fr.ais.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import fr.ais.settings.Flags;
import fr.ais.settings.Settings;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The REST client against a scripted fake registry on the JDK's HTTP server. */
class RestSchemaRegistryClientTest {

    private static final Schema SCHEMA = fr.ais.registry.test.v1.Greeting.getClassSchema();

    /** One scripted answer. */
    private record Answer(int status, String body) {}

    /** What the fake saw. */
    private record Seen(String method, String path, String contentType, String authorization, String body) {}

    private HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        Answer answer = script.isEmpty() ? new Answer(500, "{\"error_code\":50001,\"message\":\"unscripted\"}") : script.poll();
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE);
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String url(String prefix) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    private RestSchemaRegistryClient client(String prefix) {
        return new RestSchemaRegistryClient(RegistryClientConfig.of(url(prefix))
                .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(40)));
    }

    private static String quoted(Schema schema) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(schema.toString()).toString();
    }

    @Test
    void registersUnderThePathPrefixWithTheRegistryContentType() {
        script.add(new Answer(200, "{\"id\":42}"));

        int id = client("/apis/ccompat/v7").register("orders-value", SCHEMA);

        assertThat(id).isEqualTo(42);
        Seen request = seen.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/apis/ccompat/v7/subjects/orders-value/versions");
        assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.body()).isEqualTo("{\"schema\":" + quoted(SCHEMA) + "}");
        assertThat(request.authorization()).isNull();
    }

    @Test
    void readsSchemaByIdLatestAndLookup() {
        script.add(new Answer(200, "{\"schema\":" + quoted(SCHEMA) + "}"));
        script.add(new Answer(200, "{\"subject\":\"s\",\"id\":5,\"version\":3,\"schema\":" + quoted(SCHEMA) + "}"));
        script.add(new Answer(200, "{\"subject\":\"s\",\"id\":5,\"version\":3,\"schema\":" + quoted(SCHEMA) + "}"));
        RestSchemaRegistryClient client = client("");

        assertThat(client.getById(5)).isEqualTo(SCHEMA);
        assertThat(client.latest("s")).isEqualTo(new RegisteredSchema("s", 5, 3, SCHEMA));
        assertThat(client.lookup("s", SCHEMA)).isEqualTo(new RegisteredSchema("s", 5, 3, SCHEMA));
        assertThat(seen).extracting(Seen::method, Seen::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GET", "/schemas/ids/5"),
                org.assertj.core.groups.Tuple.tuple("GET", "/subjects/s/versions/latest"),
                org.assertj.core.groups.Tuple.tuple("POST", "/subjects/s"));
    }

    @Test
    void compatibilityAndConfig() {
        script.add(new Answer(200, "{\"is_compatible\":false}"));
        script.add(new Answer(404, "{\"error_code\":40401,\"message\":\"Subject 'new' not found.\"}"));
        script.add(new Answer(200, "{\"compatibilityLevel\":\"FULL\"}"));
        script.add(new Answer(200, "{\"compatibility\":\"NONE\"}"));
        script.add(new Answer(200, "{\"compatibility\":\"FORWARD\"}"));
        RestSchemaRegistryClient client = client("");

        assertThat(client.testCompatibility("s", SCHEMA)).isFalse();
        assertThat(client.testCompatibility("new", SCHEMA)).as("nothing registered yet").isTrue();
        assertThat(client.getGlobalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
        client.setCompatibility("s", CompatibilityLevel.NONE);
        client.setGlobalCompatibility(CompatibilityLevel.FORWARD);

        assertThat(seen).extracting(Seen::method, Seen::path, Seen::body).containsExactly(
                org.assertj.core.groups.Tuple.tuple("POST", "/compatibility/subjects/s/versions/latest", "{\"schema\":" + quoted(SCHEMA) + "}"),
                org.assertj.core.groups.Tuple.tuple("POST", "/compatibility/subjects/new/versions/latest", "{\"schema\":" + quoted(SCHEMA) + "}"),
                org.assertj.core.groups.Tuple.tuple("GET", "/config", ""),
                org.assertj.core.groups.Tuple.tuple("PUT", "/config/s", "{\"compatibility\":\"NONE\"}"),
                org.assertj.core.groups.Tuple.tuple("PUT", "/config", "{\"compatibility\":\"FORWARD\"}"));
    }

    @Test
    void subjectCompatibilityFallsBackToGlobalWhenTheSubjectHasNone() {
        script.add(new Answer(404, "{\"error_code\":40408,\"message\":\"Subject 's' does not have subject-level compatibility configured\"}"));
        script.add(new Answer(200, "{\"compatibilityLevel\":\"BACKWARD\"}"));

        assertThat(client("").getCompatibility("s")).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(seen.get(0).path()).isEqualTo("/config/s?defaultToGlobal=true");
    }

    @ParameterizedTest(name = "HTTP {0} error {1} -> {2}")
    @CsvSource({
        "404, 40401, SubjectNotFoundException",
        "404, 40402, VersionNotFoundException",
        "404, 40403, SchemaNotFoundException",
        "409, 409, IncompatibleSchemaException",
        "409, 0, IncompatibleSchemaException",
        "422, 42201, InvalidSchemaException",
        "422, 0, InvalidSchemaException",
        "401, 0, SchemaRegistryException",
    })
    void errorCodesBecomeTypedExceptions(int status, int code, String exception) {
        script.add(new Answer(status, code == 0 ? "" : "{\"error_code\":" + code + ",\"message\":\"told by the registry\"}"));

        assertThatThrownBy(() -> client("").register("s", SCHEMA))
                .isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(exception))
                .hasMessageContaining("POST /subjects/s/versions");
        assertThat(seen).as("a client error is not retried").hasSize(1);
    }

    @Test
    void retries503ThenSucceeds() {
        script.add(new Answer(503, "busy"));
        script.add(new Answer(503, "busy"));
        script.add(new Answer(200, "{\"id\":7}"));

        assertThat(client("").register("s", SCHEMA)).isEqualTo(7);
        assertThat(seen).hasSize(3);
    }

    @Test
    void givesUpAfterTheRetryLimitAsUnavailable() {
        for (int i = 0; i < 10; i++) {
            script.add(new Answer(503, "busy"));
        }

        assertThatThrownBy(() -> client("").getById(1))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("after 4 attempts")
                .hasMessageContaining("HTTP 503");
        assertThat(seen).hasSize(4);
    }

    @Test
    void connectionRefusedIsRetriedThenUnavailable() {
        String deadUrl = url("");
        server.stop(0);
        var client = new RestSchemaRegistryClient(RegistryClientConfig.of(deadUrl)
                .withRetries(2, Duration.ofMillis(5), Duration.ofMillis(10)));

        assertThatThrownBy(() -> client.getById(1))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("after 3 attempts")
                .hasCauseInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void sendsBasicAuthAndNeverPrintsThePassword() {
        script.add(new Answer(200, "{\"id\":1}"));
        RegistryClientConfig config = RegistryClientConfig.of(url("")).withBasicAuth("ais", "s3cret-pw");

        new RestSchemaRegistryClient(config).register("s", SCHEMA);

        assertThat(seen.get(0).authorization())
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("ais:s3cret-pw".getBytes(StandardCharsets.UTF_8)));
        assertThat(config.toString()).doesNotContain("s3cret-pw").contains("******");
    }

    @Test
    void configFromSettings() {
        RegistryClientConfig config = RegistryClientConfig.from(Settings.resolve(List.of(RegistryClientConfig.SETTINGS),
                java.util.Map.of("AIS_SCHEMA_REGISTRY_URL", "https://registry.example:8081/apis/ccompat/v7",
                        "AIS_SCHEMA_REGISTRY_USER", "u", "AIS_SCHEMA_REGISTRY_PASSWORD", "p"), Flags.none()));

        assertThat(config.baseUrl().getPath()).isEqualTo("/apis/ccompat/v7");
        assertThat(config.username()).isEqualTo("u");
        assertThatThrownBy(() -> Settings.resolve(List.of(RegistryClientConfig.SETTINGS),
                java.util.Map.of("AIS_SCHEMA_REGISTRY_URL", "registry.example:8081"), Flags.none()))
                .hasMessageContaining("AIS_SCHEMA_REGISTRY_URL");
        assertThatThrownBy(() -> RegistryClientConfig.of("ftp://x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_user_without_a_password_is_a_settings_error_naming_both() {
        assertThatThrownBy(() -> Settings.resolve(List.of(RegistryClientConfig.SETTINGS),
                java.util.Map.of("AIS_SCHEMA_REGISTRY_USER", "u"), Flags.none()))
                .hasMessageContaining("schema.registry.user and schema.registry.password go together");
    }
}
