package fr.ais.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ais.cli.pipeline.Connection;
import fr.ais.localstack.junit.LocalStackExtension;
import fr.ais.localstack.junit.TestStack;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.platform.topics.TopicSnapshot;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.SourceRecordKey;
import fr.ais.settings.Flags;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ais ingest pe --watch DIR} in a child JVM: one summary line per dropped file, stopped by a signal; its
 * metrics count the file waiting in {@code failed/} (an operator is alerted on it).
 */
@ExtendWith(LocalStackExtension.class)
class IngestWatchIT {

    @TempDir
    Path dir;

    @Test
    void files_dropped_into_the_directory_are_published_and_sorted_into_done_and_failed(TestStack stack)
            throws Exception {
        String namespace = stack.uniqueName("watch") + ".";
        Connection.from(AisSettings.resolve(Map.of("AIS_KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                "AIS_SCHEMA_REGISTRY_URL", stack.registryUrl(), "AIS_TOPIC_NAMESPACE", namespace), Flags.none()))
                .ensureTopics();
        GeneratedDataSet data = Generator.generate(GeneratorOptions.defaults(dir.resolve("gen")).withPeople(100).withSeed(7));
        Path drop = Files.createDirectories(dir.resolve("drop"));
        Path output = dir.resolve("output.txt");

        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), AisCommand.class.getName(),
                "ingest", "pe", "--watch", drop.toString(), "--metrics-port", "0")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("AIS_KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
        builder.environment().put("AIS_SCHEMA_REGISTRY_URL", stack.registryUrl());
        builder.environment().put("AIS_TOPIC_NAMESPACE", namespace);
        builder.environment().put("AIS_PSEUDONYM_KEY", "integration test pseudonym key");
        Process watcher = builder.start();
        try {
            Files.copy(data.peFile(), drop.resolve("pe.csv.part"));
            Files.move(drop.resolve("pe.csv.part"), drop.resolve("pe.csv"));
            Files.write(drop.resolve("wrong.csv"), List.of("not;a;pe;header"), StandardCharsets.UTF_8);

            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                assertThat(drop.resolve("done/pe.csv")).exists();
                assertThat(drop.resolve("failed/wrong.csv.reason.txt")).exists();
                assertThat(Files.readString(output)).contains("pe.csv: read " + data.pe().records() + " / accepted ")
                        .contains("wrong.csv: unusable, moved to ");
            });
            Matcher url = Pattern.compile("metrics +(http://\\S+/metrics)").matcher(Files.readString(output));
            assertThat(url.find()).as(Files.readString(output)).isTrue();
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("ais_connector_failed_files{connector=\"ingest-pe\",source=\"PE\"} 1.0");
        } finally {
            watcher.destroy(); // SIGTERM, as Ctrl-C: the shutdown hook stops the service
            assertThat(watcher.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(Files.readString(drop.resolve("failed/wrong.csv.reason.txt"))).contains("is not the header");
        AtomicLong events = new AtomicLong();
        TopicSnapshot.read(stack.clientProperties(), TopicCatalogue.withNamespace(namespace).topic(TopicCatalogue.PE_EVENTS).name(),
                stack.serdes().forKeys(SourceRecordKey.class).deserializer(),
                stack.serdes().forValues(PrescriptionEvent.class).deserializer(), (k, v) -> events.incrementAndGet());
        assertThat(events.get()).isEqualTo(data.pe().goodRecords());
    }
}
