package fr.ais.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.ais.registry.test.v1.Greeting;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client and the serde against a real Apicurio Registry (in-memory storage) in Confluent-compatible mode,
 * started as a child process from the distribution Maven unpacked (profile {@code apicurio}).
 */
class ApicurioRegistryIT {

    private static Process apicurio;
    private static String ccompat;

    @BeforeAll
    static void startApicurio() throws IOException {
        Path dir = Path.of(System.getProperty("apicurio.dir", "target/apicurio"));
        Path runner;
        try (Stream<Path> files = Files.walk(dir)) {
            runner = files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")
                            || p.getFileName().toString().equals("quarkus-run.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Apicurio runner jar under " + dir + ": run with -Papicurio"));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "apicurio-" + port + ".log");
        apicurio = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-Dquarkus.http.port=" + port,
                        "-Dquarkus.http.host=127.0.0.1",
                        "-jar", runner.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        String base = "http://127.0.0.1:" + port;
        ccompat = base + "/apis/ccompat/v7";
        HttpClient http = HttpClient.newHttpClient();
        await("Apicurio ready on " + base + " (log: " + log + ")")
                .atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    assertThat(apicurio.isAlive()).as("Apicurio process alive").isTrue();
                    return http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    @AfterAll
    static void stopApicurio() throws InterruptedException {
        if (apicurio != null) {
            apicurio.destroy();
            if (!apicurio.waitFor(30, TimeUnit.SECONDS)) {
                apicurio.destroyForcibly();
            }
        }
    }

    private static RestSchemaRegistryClient client() {
        return new RestSchemaRegistryClient(ccompat);
    }

    @Test
    void registerGetLatestAndLookup() {
        var client = client();
        String subject = "it-register-value";

        int id = client.register(subject, Greeting.getClassSchema());

        assertThat(client.register(subject, Greeting.getClassSchema())).isEqualTo(id);
        assertThat(client.getById(id)).isEqualTo(Greeting.getClassSchema());
        assertThat(client.latest(subject)).isEqualTo(new RegisteredSchema(subject, id, 1, Greeting.getClassSchema()));
        assertThat(client.lookup(subject, Greeting.getClassSchema()).id()).isEqualTo(id);
        assertThatThrownBy(() -> client.latest("it-missing-value")).isInstanceOf(SubjectNotFoundException.class);
        assertThatThrownBy(() -> client.getById(987654)).isInstanceOf(SchemaNotFoundException.class);
    }

    @Test
    void compatibilityIsCheckedOnceASubjectAsksForIt() {
        var client = client();
        String subject = "it-compat-value";
        client.register(subject, Greeting.getClassSchema());
        client.setCompatibility(subject, CompatibilityLevel.BACKWARD);

        assertThat(client.getCompatibility(subject)).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(client.testCompatibility(subject, fr.ais.registry.test.v2.Greeting.getClassSchema())).isTrue();
        assertThat(client.testCompatibility(subject, fr.ais.registry.test.broken.Greeting.getClassSchema())).isFalse();
        assertThatThrownBy(() -> client.register(subject, fr.ais.registry.test.broken.Greeting.getClassSchema()))
                .isInstanceOf(IncompatibleSchemaException.class);
    }

    @Test
    void serdeRoundTripAcrossVersions() {
        var factory = new WireFormatSerdeFactory(client(), true);
        String topic = "it-greetings";

        byte[] v1Bytes = factory.forValues(Greeting.class).serializer().serialize(topic, new Greeting("Ana", 3));
        byte[] v2Bytes = factory.forValues(fr.ais.registry.test.v2.Greeting.class).serializer()
                .serialize(topic, new fr.ais.registry.test.v2.Greeting("Bo", 4, "hi"));

        assertThat(v1Bytes[0]).isZero();
        assertThat(factory.forValues(Greeting.class).deserializer().deserialize(topic, v1Bytes)).isEqualTo(new Greeting("Ana", 3));
        assertThat(factory.forValues(fr.ais.registry.test.v2.Greeting.class).deserializer().deserialize(topic, v1Bytes))
                .isEqualTo(new fr.ais.registry.test.v2.Greeting("Ana", 3, null));
        assertThat(factory.forValues(Greeting.class).deserializer().deserialize(topic, v2Bytes)).isEqualTo(new Greeting("Bo", 4));

        var production = new WireFormatSerdeFactory(client(), false);
        byte[] written = production.forValues(fr.ais.registry.test.v2.Greeting.class).serializer()
                .serialize(topic, new fr.ais.registry.test.v2.Greeting("Cy", 5, "kept"));
        assertThat(production.forValues(fr.ais.registry.test.v2.Greeting.class).deserializer().deserialize(topic, written))
                .isEqualTo(new fr.ais.registry.test.v2.Greeting("Cy", 5, "kept"));
    }
}
