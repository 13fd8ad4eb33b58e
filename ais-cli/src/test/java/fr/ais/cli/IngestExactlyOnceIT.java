package fr.ais.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ais.cli.pipeline.Connection;
import fr.ais.platform.topics.TopicSnapshot;
import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.RecordReader;
import fr.ais.ingest.pe.PeFormat;
import fr.ais.localstack.junit.LocalStackExtension;
import fr.ais.localstack.junit.TestStack;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.schemas.ConnectorCheckpoint;
import fr.ais.schemas.ConnectorCheckpointKey;
import fr.ais.schemas.DeadLetter;
import fr.ais.schemas.DeadLetterKey;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.SourceRecordKey;
import fr.ais.settings.Flags;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector publishes every record of a file exactly once, across a {@code kill -9}: the connector
 * runs as a child JVM, is killed in the middle of a large file, restarted, and the topics then hold
 * every accepted record once and every rejected record once (read committed).
 */
@ExtendWith(LocalStackExtension.class)
class IngestExactlyOnceIT {

    private static final String KEY = "integration test pseudonym key";

    @TempDir
    Path dir;

    private TestStack stack;
    private TopicCatalogue topics;
    private String namespace;

    @BeforeEach
    void setUp(TestStack stack) {
        this.stack = stack;
        this.namespace = stack.uniqueName("ingest") + ".";
        this.topics = TopicCatalogue.withNamespace(namespace);
        Connection.from(AisSettings.resolve(Map.of("AIS_KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                "AIS_SCHEMA_REGISTRY_URL", stack.registryUrl(), "AIS_TOPIC_NAMESPACE", namespace), Flags.none()))
                .ensureTopics();
    }

    @Test
    void a_connector_killed_in_the_middle_of_a_file_resumes_with_no_gap_and_no_duplicate() throws Exception {
        GeneratedDataSet data = Generator.generate(GeneratorOptions.defaults(dir).withPeople(30_000).withSeed(3));
        Expected expected = expected(data.peFile());

        Process first = connector(data.peFile());
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> recordsDone() > 0 || !first.isAlive());
        assertThat(first.isAlive()).as("the connector is still running when it is killed").isTrue();
        first.destroyForcibly().waitFor();
        long doneWhenKilled = recordsDone();
        assertThat(doneWhenKilled).isBetween(1L, expected.records - 1);

        Process second = connector(data.peFile());
        assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(second.exitValue()).isZero();
        assertThat(new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("(" + doneWhenKilled + " already published by an earlier run");

        List<Long> positions = eventPositions();
        assertThat(positions).hasSize((int) expected.accepted);
        assertThat(positions).doesNotHaveDuplicates();
        assertThat(deadLetters()).isEqualTo(expected.rejected);
    }

    @Test
    void a_file_already_ingested_publishes_nothing_unless_forced() throws Exception {
        GeneratedDataSet data = Generator.generate(GeneratorOptions.defaults(dir).withPeople(200).withSeed(5));
        Expected expected = expected(data.peFile());
        assertThat(connector(data.peFile()).waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(eventPositions()).hasSize((int) expected.accepted);

        Process again = connector(data.peFile());
        assertThat(again.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("already ingested");
        assertThat(eventPositions()).hasSize((int) expected.accepted);

        Process forced = connector(data.peFile(), "--force");
        assertThat(forced.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(eventPositions()).hasSize(2 * (int) expected.accepted).doesNotHaveDuplicates();
    }

    /** {@code ais ingest pe FILE} in a child JVM, as an operator would run it. */
    private Process connector(Path file, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), AisCommand.class.getName(),
                "ingest", "pe", file.toString()));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("AIS_KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
        builder.environment().put("AIS_SCHEMA_REGISTRY_URL", stack.registryUrl());
        builder.environment().put("AIS_TOPIC_NAMESPACE", namespace);
        builder.environment().put("AIS_PSEUDONYM_KEY", KEY);
        return builder.start();
    }

    private long recordsDone() {
        return TopicSnapshot.table(stack.clientProperties(), topics.topic(TopicCatalogue.CONNECTOR_CHECKPOINTS).name(),
                        stack.serdes().forKeys(ConnectorCheckpointKey.class).deserializer(),
                        stack.serdes().forValues(ConnectorCheckpoint.class).deserializer())
                .values().stream().mapToLong(ConnectorCheckpoint::getRecordsDone).max().orElse(0);
    }

    private List<Long> eventPositions() {
        List<Long> positions = new ArrayList<>();
        TopicSnapshot.read(stack.clientProperties(), topics.topic(TopicCatalogue.PE_EVENTS).name(),
                stack.serdes().forKeys(SourceRecordKey.class).deserializer(),
                stack.serdes().forValues(PrescriptionEvent.class).deserializer(),
                (k, e) -> positions.add(e.getSourcePosition()));
        return positions;
    }

    private long deadLetters() {
        AtomicLong count = new AtomicLong();
        TopicSnapshot.read(stack.clientProperties(), topics.topic(TopicCatalogue.DEAD_LETTERS).name(),
                stack.serdes().forKeys(DeadLetterKey.class).deserializer(),
                stack.serdes().forValues(DeadLetter.class).deserializer(), (k, v) -> count.incrementAndGet());
        return count.get();
    }

    record Expected(long records, long accepted, long rejected) {
    }

    /** What the file holds, read with the connector's own format. */
    private static Expected expected(Path file) throws IOException {
        long accepted = 0;
        long rejected = 0;
        try (InputStream in = Files.newInputStream(file);
             RecordReader reader = new PeFormat().open(in, new ReadContext(file.getFileName().toString(),
                     StandardCharsets.UTF_8, new Pseudonymizer(KEY.getBytes(StandardCharsets.UTF_8))))) {
            for (ParsedRecord r = reader.next(); r != null; r = reader.next()) {
                if (r instanceof ParsedRecord.Accepted) {
                    accepted++;
                } else {
                    rejected++;
                }
            }
        }
        return new Expected(accepted + rejected, accepted, rejected);
    }
}
