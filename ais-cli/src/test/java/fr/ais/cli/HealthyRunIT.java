package fr.ais.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ais.localstack.junit.LocalStackExtension;
import fr.ais.localstack.junit.TestStack;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A healthy run prints no ERROR line, with the logging configuration users get: the shaded {@code ais.jar}
 * runs in child JVMs, as an operator runs it. A replay (the broker's transactions-v2 first-sequence
 * rejections, retried by the producers, were logged at ERROR) and a consolidation killed with
 * {@code kill -9} and restarted (its state, without checkpoint, is wiped and restored from the
 * changelogs: Streams logged the corrupted tasks at ERROR).
 */
@ExtendWith(LocalStackExtension.class)
class HealthyRunIT {

    /** An ERROR line, with the next one: the first line of its exception, when it has one. */
    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^.*\\bERROR\\b.*$(\\R.*$)?");
    private static final String KEY = "healthy run pseudonym key";

    @TempDir
    Path dir;

    @Test
    void a_replay_of_a_generated_year_prints_no_error_line() throws Exception {
        GeneratedDataSet data = Generator.generate(GeneratorOptions.defaults(dir.resolve("data")).withPeople(5_000).withSeed(21));

        Run replay = run(Map.of(), "replay", "--pe", data.peFile().toString(), "--imilo", data.imiloFile().toString(),
                "--ouiform", data.ouiformFile().toString(), "--targets", data.targetsFile().toString(),
                "--as-of", "2021-12-31", "--out", dir.resolve("exports").toString()).await(Duration.ofMinutes(6));

        assertThat(replay.exitCode()).as(replay.output()).isZero();
        assertThat(replay.output()).contains("replayed:");
        assertThat(errorLines(replay.output())).isEmpty();
    }

    @Test
    void a_consolidation_killed_and_restarted_prints_no_error_line(TestStack stack) throws Exception {
        GeneratedDataSet data = Generator.generate(GeneratorOptions.defaults(dir.resolve("data")).withPeople(3_000).withSeed(22));
        String applicationId = stack.uniqueName("healthy-run");
        int port = freePort();
        Map<String, String> env = Map.of(
                "AIS_KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                "AIS_SCHEMA_REGISTRY_URL", stack.registryUrl(),
                "AIS_TOPIC_NAMESPACE", stack.uniqueName("healthy") + ".",
                "AIS_PSEUDONYM_KEY", KEY,
                "AIS_STREAMS_APPLICATION_ID", applicationId,
                "AIS_STREAMS_STATE_DIR", dir.resolve("state").toString(),
                "AIS_SERVING_PORT", Integer.toString(port));
        assertSucceeds(run(env, "topics").await(Duration.ofMinutes(2)));
        assertSucceeds(run(env, "ingest", "pe", data.peFile().toString()).await(Duration.ofMinutes(2)));
        assertSucceeds(run(env, "ingest", "imilo", data.imiloFile().toString()).await(Duration.ofMinutes(2)));

        Run first = run(env, "consolidate");
        try (Admin admin = Admin.create(stack.clientProperties())) {
            // killed once it has committed work: its stores then hold state that no checkpoint covers
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !first.process().isAlive() || committed(admin, applicationId) > 0);
        }
        assertThat(first.process().isAlive()).as(first.output()).isTrue();
        first.process().destroyForcibly().waitFor();

        Run restarted = run(env, "consolidate");
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> !restarted.process().isAlive() || ready(port));
        restarted.process().destroy(); // SIGTERM: the shutdown hook closes it cleanly
        Run stopped = restarted.await(Duration.ofMinutes(1));

        assertThat(stopped.output()).contains("consolidation running");
        assertThat(errorLines(stopped.output())).isEmpty();
    }

    /** A child JVM running the jar users run, with its own logging configuration. */
    private Run run(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", Path.of("target", "ais.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "ais-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new Run(builder.start(), log);
    }

    record Run(Process process, Path log) {
        Run await(Duration timeout) throws InterruptedException {
            assertThat(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)).as("ais finished: " + output()).isTrue();
            return this;
        }

        int exitCode() {
            return process.exitValue();
        }

        String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void assertSucceeds(Run run) {
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(errorLines(run.output())).isEmpty();
    }

    private static List<String> errorLines(String output) {
        return ERROR_LINE.matcher(output).results().map(m -> m.group()).toList();
    }

    private static long committed(Admin admin, String groupId) throws Exception {
        Map<?, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
    }

    private static boolean ready(int port) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).timeout(Duration.ofSeconds(5))
                            .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
