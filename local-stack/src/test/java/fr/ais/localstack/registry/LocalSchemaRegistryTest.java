package fr.ais.localstack.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ais.registry.CompatibilityLevel;
import fr.ais.registry.IncompatibleSchemaException;
import fr.ais.registry.RegisteredSchema;
import fr.ais.registry.RegistryClientConfig;
import fr.ais.registry.RestSchemaRegistryClient;
import fr.ais.registry.SchemaNotFoundException;
import fr.ais.registry.SchemaRegistryException;
import fr.ais.registry.SubjectNotFoundException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The local registry's REST API and compatibility rules, over an in-memory log (the Kafka log: LocalSchemaRegistryIT). */
class LocalSchemaRegistryTest {

    static final Schema V1 = new Schema.Parser().parse("""
            {"type":"record","name":"Greeting","namespace":"t","fields":[
              {"name":"name","type":"string"}]}""");
    static final Schema V2 = new Schema.Parser().parse("""
            {"type":"record","name":"Greeting","namespace":"t","fields":[
              {"name":"name","type":"string"},{"name":"note","type":["null","string"],"default":null}]}""");
    static final Schema BROKEN = new Schema.Parser().parse("""
            {"type":"record","name":"Greeting","namespace":"t","fields":[
              {"name":"name","type":"string"},{"name":"language","type":"string"}]}""");

    private final InMemorySchemaLog log = new InMemorySchemaLog();
    private LocalSchemaRegistry registry = LocalSchemaRegistry.start(log, 0);

    @AfterEach
    void close() {
        registry.close();
    }

    private RestSchemaRegistryClient client() {
        return new RestSchemaRegistryClient(RegistryClientConfig.of(registry.url())
                .withRetries(0, Duration.ofMillis(10), Duration.ofMillis(10)));
    }

    @Test
    void registersVersionsWithSequentialIds() {
        var client = client();

        assertThat(client.register("a-value", V1)).isEqualTo(1);
        assertThat(client.register("a-value", V1)).isEqualTo(1);
        assertThat(client.register("b-value", V1)).as("same schema, other subject: same id").isEqualTo(1);
        assertThat(client.register("a-value", V2)).isEqualTo(2);

        assertThat(client.getById(2)).isEqualTo(V2);
        assertThat(client.latest("a-value")).isEqualTo(new RegisteredSchema("a-value", 2, 2, V2));
        assertThat(client.lookup("a-value", V1)).isEqualTo(new RegisteredSchema("a-value", 1, 1, V1));
        assertThat(registry.url()).startsWith("http://127.0.0.1:");
    }

    @Test
    void refusesAnIncompatibleSchemaWith409() {
        var client = client();
        client.register("a-value", V1);

        assertThat(client.testCompatibility("a-value", V2)).isTrue();
        assertThat(client.testCompatibility("a-value", BROKEN)).isFalse();
        assertThatThrownBy(() -> client.register("a-value", BROKEN))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("language")
                .extracting(e -> ((SchemaRegistryException) e).errorCode()).isEqualTo(409);
    }

    @Test
    void perSubjectCompatibilityConfig() {
        var client = client();
        client.register("a-value", V1);

        assertThat(client.getGlobalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(client.getCompatibility("a-value")).as("falls back to global").isEqualTo(CompatibilityLevel.BACKWARD);
        client.setCompatibility("a-value", CompatibilityLevel.NONE);
        assertThat(client.getCompatibility("a-value")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(client.register("a-value", BROKEN)).isEqualTo(2);
        client.setGlobalCompatibility(CompatibilityLevel.FULL);
        assertThat(client.getGlobalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
    }

    @Test
    void missingThingsAnswerConfluentErrorCodes() throws Exception {
        var client = client();
        client.register("a-value", V1);

        assertThatThrownBy(() -> client.latest("nope")).isInstanceOf(SubjectNotFoundException.class);
        assertThatThrownBy(() -> client.getById(99)).isInstanceOf(SchemaNotFoundException.class);
        assertThatThrownBy(() -> client.lookup("a-value", V2)).isInstanceOf(SchemaNotFoundException.class);
        assertThat(client.testCompatibility("nope", V1)).isTrue();

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(registry.url() + "/subjects/a-value/versions/7")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error_code\":40402,\"message\":\"Version 7 not found.\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.schemaregistry.v1+json");
    }

    @Test
    void invalidSchemaAnswers42201() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(registry.url() + "/subjects/a-value/versions"))
                        .header("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"{\\\"type\\\":\\\"recordz\\\"}\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"error_code\":42201");
    }

    @Test
    void listsSubjectsAndVersions() throws Exception {
        var client = client();
        client.register("b-value", V1);
        client.register("a-value", V1);
        client.register("a-value", V2);
        HttpClient http = HttpClient.newHttpClient();

        assertThat(http.send(HttpRequest.newBuilder(URI.create(registry.url() + "/subjects")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("[\"a-value\",\"b-value\"]");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(registry.url() + "/subjects/a-value/versions")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("[1,2]");
    }

    @Test
    void aRestartOnTheSameLogKeepsSchemasIdsAndConfig() {
        var client = client();
        client.register("a-value", V1);
        client.register("b-value", V2);
        client.setCompatibility("a-value", CompatibilityLevel.NONE);
        registry.close();

        registry = LocalSchemaRegistry.start(log, 0);
        var again = client();

        assertThat(again.getById(1)).isEqualTo(V1);
        assertThat(again.latest("b-value")).isEqualTo(new RegisteredSchema("b-value", 2, 1, V2));
        assertThat(again.getCompatibility("a-value")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(again.register("c-value", BROKEN)).as("ids go on after the replayed ones").isEqualTo(3);
    }

    @Test
    void aTakenPortIsAClearError() {
        assertThatThrownBy(() -> LocalSchemaRegistry.start(new InMemorySchemaLog(), registry.port()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("port " + registry.port() + " on 127.0.0.1 is already in use");
    }
}
