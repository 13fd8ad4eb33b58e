package fr.ais.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.cli.AisSettings;
import fr.ais.cli.pipeline.Connection;
import fr.ais.cli.pipeline.Pipeline;
import fr.ais.consolidation.app.CatchUp;
import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.consolidation.topology.ConsolidationConfig;
import fr.ais.consolidation.topology.ReferenceConsolidation;
import fr.ais.consolidation.topology.TestHistories;
import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.PseudonymKey;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.RecordReader;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.platform.topics.TopicSnapshot;
import fr.ais.registry.AvroSerdeFactory;
import fr.ais.schemas.ConnectorCheckpoint;
import fr.ais.schemas.ConnectorCheckpointKey;
import fr.ais.schemas.DeadLetter;
import fr.ais.schemas.DeadLetterKey;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.Source;
import fr.ais.schemas.SourceRecordKey;
import fr.ais.settings.Flags;
import fr.ais.settings.Settings;
import fr.ais.synthetic.GeneratedDataSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The pipeline of one topic namespace on one cluster, as the chaos scenarios drive it: the components under test
 * run as {@code ais} child processes ({@link #ais}), while the test itself publishes, watches the consumer group,
 * audits the topics (read committed) and writes the exports in-process, through the same {@link Pipeline} code.
 */
final class ChaosPipeline {

    static final String PSEUDONYM_KEY = "chaos suite pseudonym key";
    /** The as-of date of every export compared: the figures of a generated 2021, read at its end. */
    static final LocalDate AS_OF = LocalDate.of(2021, 12, 31);

    private final Path dir;
    private final Map<String, String> env;
    private final String applicationId;
    private final Settings settings;
    private final Connection connection;
    private final Pipeline pipeline;
    private final AvroSerdeFactory serdes;

    ChaosPipeline(Path dir, String bootstrapServers, String registryUrl, String namespace) {
        this.dir = dir;
        this.applicationId = namespace + "consolidation";
        this.env = Map.of("AIS_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers, "AIS_SCHEMA_REGISTRY_URL", registryUrl,
                "AIS_TOPIC_NAMESPACE", namespace, "AIS_PSEUDONYM_KEY", PSEUDONYM_KEY,
                "AIS_STREAMS_APPLICATION_ID", applicationId, "AIS_PROGRESS_AS_OF", AS_OF.toString());
        this.settings = AisSettings.resolve(env, Flags.none());
        this.connection = Connection.from(settings);
        this.pipeline = new Pipeline(connection, false);
        this.serdes = connection.serdes(false);
    }

    /** Creates the topics and registers their schemas, as {@code ais topics} does. */
    ChaosPipeline withTopics() {
        connection.ensureTopics();
        return this;
    }

    Map<String, String> env() {
        return env;
    }

    String applicationId() {
        return applicationId;
    }

    /** {@code ais args...} in a child JVM, on this pipeline's cluster and namespace, plus {@code extra} settings. */
    AisProcess ais(String name, Map<String, String> extra, String... args) throws IOException {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extra);
        // kept after the test (target/chaos/logs), to read what a component did around a kill
        String logs = System.getProperty("chaos.logs");
        return AisProcess.start(logs == null ? dir.resolve("logs") : Path.of(logs).resolve(applicationId), name, all,
                args);
    }

    /**
     * {@code ais consolidate} as instance {@code instance}: a state directory and a serving port of its own.
     *
     * @return the process and the port its {@code /ready} answers on
     */
    Consolidation consolidate(String instance, Map<String, String> extra) throws IOException {
        int port = freePort();
        // a stable member name, as a StatefulSet gives: restarted after kill -9, it takes its tasks back at once
        Map<String, String> all = new HashMap<>(Map.of("AIS_STREAMS_STATE_DIR", stateDir(instance).toString(),
                "AIS_SERVING_PORT", Integer.toString(port), "AIS_STREAMS_INSTANCE_ID", instance));
        all.putAll(extra);
        return new Consolidation(ais("consolidate-" + instance, all, "consolidate"), port);
    }

    Path stateDir(String instance) {
        return dir.resolve("state-" + instance);
    }

    record Consolidation(AisProcess process, int port) {
        /** {@code /ready} answers 200: Kafka Streams is RUNNING on this instance. */
        boolean ready() {
            try {
                HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return response.statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Publishes one export with the connector, in this JVM (a fixture, not what is under test). */
    void ingest(Source source, Path file) {
        pipeline.ingest(source, file, StandardCharsets.UTF_8, pseudonymizer(), false, done -> { });
    }

    /** Every export of a generated year, with its targets. */
    void ingestAll(GeneratedDataSet data) {
        ingest(Source.PE, data.peFile());
        ingest(Source.IMILO, data.imiloFile());
        ingest(Source.OUIFORM, data.ouiformFile());
        pipeline.loadTargets(data.targetsFile());
    }

    Pseudonymizer pseudonymizer() {
        return PseudonymKey.from(settings);
    }

    /** What the consolidation still has to process, per partition of its inputs (repartition topics included). */
    Map<TopicPartition, Long> lag() {
        try (Admin admin = Admin.create(connection.clientProperties())) {
            return new CatchUp(admin, applicationId, CatchUp.inputTopicsOf(pipeline.consolidationTopology(
                    ProgressSettings.defaults(), ConsolidationConfig.DEFAULT_RECENT_SESSIONS), applicationId))
                    .lag(Duration.ofSeconds(20));
        }
    }

    boolean caughtUp() {
        try {
            return lag().isEmpty();
        } catch (RuntimeException e) {
            return false; // the broker is away: not caught up yet
        }
    }

    /** The offsets the consolidation has committed, summed over its inputs: how far it is. */
    long committed() {
        try (Admin admin = Admin.create(connection.clientProperties())) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
            return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Writes the four exports (SPEC §6) as {@code ais export --as-of AS_OF} does; file name to content. */
    Map<String, String> export(String name) {
        Path out = dir.resolve("exports-" + name);
        pipeline.export(out, AS_OF, ProgressSettings.from(settings, java.time.Clock.systemUTC()).calculator());
        Map<String, String> files = new TreeMap<>();
        for (String file : List.of("aggregates.csv", "progress.csv", "quality.csv", "rejected.csv")) {
            try {
                files.put(file, Files.readString(out.resolve(file), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The aggregates of the export, row to count. */
    Map<String, Long> exportedAggregates(String name) {
        List<String> lines = export(name).get("aggregates.csv").lines().toList();
        Map<String, Long> rows = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int last = line.lastIndexOf(';');
            rows.put(line.substring(0, last), Long.parseLong(line.substring(last + 1)));
        }
        return rows;
    }

    /** The aggregates of the rules (SPEC §4) over the accepted records of the year, as the export writes them. */
    static Map<String, Long> expectedAggregates(GeneratedDataSet data) throws IOException {
        Pseudonymizer reference = new Pseudonymizer("reference key of sixteen bytes+".getBytes(StandardCharsets.UTF_8));
        Map<String, Long> rows = new TreeMap<>();
        ReferenceConsolidation.aggregates(ReferenceConsolidation.consolidate(TestHistories.read(data, reference)))
                .forEach((key, n) -> rows.put(key.replace(";AGE_16_25", ";16_25").replace(";AGE_26_29", ";26_29")
                        .replace(";AGE_30_PLUS", ";30_PLUS"), n));
        return rows;
    }

    /** {@code sourceKey@versionTimestamp} of every committed event of {@code source}, duplicates included. */
    List<String> publishedVersions(Source source) {
        List<String> versions = new ArrayList<>();
        TopicSnapshot.read(connection.clientProperties(), connection.catalogue().topic(TopicCatalogue.eventsOf(source)).name(),
                serdes.forKeys(SourceRecordKey.class).deserializer(),
                serdes.forValues(PrescriptionEvent.class).deserializer(),
                (k, e) -> versions.add(k.getSourceKey() + "@" + e.getVersionTimestamp()));
        return versions;
    }

    /** The source positions of every committed event of {@code source}, duplicates included. */
    List<Long> publishedPositions(Source source) {
        List<Long> positions = new ArrayList<>();
        TopicSnapshot.read(connection.clientProperties(), connection.catalogue().topic(TopicCatalogue.eventsOf(source)).name(),
                serdes.forKeys(SourceRecordKey.class).deserializer(),
                serdes.forValues(PrescriptionEvent.class).deserializer(), (k, e) -> positions.add(e.getSourcePosition()));
        return positions;
    }

    /** Records the connectors have committed so far, over every input of this namespace (their checkpoints). */
    long recordsDone() {
        try {
            return TopicSnapshot.table(connection.clientProperties(),
                            connection.catalogue().topic(TopicCatalogue.CONNECTOR_CHECKPOINTS).name(),
                            serdes.forKeys(ConnectorCheckpointKey.class).deserializer(),
                            serdes.forValues(ConnectorCheckpoint.class).deserializer())
                    .values().stream().mapToLong(ConnectorCheckpoint::getRecordsDone).sum();
        } catch (RuntimeException e) {
            return -1; // the broker is away
        }
    }

    /** Committed dead letters of {@code source}, every copy. */
    long deadLetters(Source source) {
        long[] count = {0};
        TopicSnapshot.read(connection.clientProperties(), connection.catalogue().topic(TopicCatalogue.DEAD_LETTERS).name(),
                serdes.forKeys(DeadLetterKey.class).deserializer(), serdes.forValues(DeadLetter.class).deserializer(),
                (k, v) -> count[0] += v.getSource() == source ? 1 : 0);
        return count[0];
    }

    /** What an export holds, read with its connector's own format: the versions accepted and the records rejected. */
    record Expected(List<String> versions, long rejected) {
    }

    Expected expected(Source source, Path file) throws IOException {
        List<String> versions = new ArrayList<>();
        long rejected = 0;
        try (InputStream in = Files.newInputStream(file);
             RecordReader reader = Pipeline.formatOf(source).open(in, new ReadContext(file.getFileName().toString(),
                     StandardCharsets.UTF_8, pseudonymizer()))) {
            for (ParsedRecord r = reader.next(); r != null; r = reader.next()) {
                if (r instanceof ParsedRecord.Accepted a) {
                    versions.add(a.event().getSourceKey() + "@" + a.event().getVersionTimestamp());
                } else {
                    rejected++;
                }
            }
        }
        return new Expected(versions, rejected);
    }

    /** Exactly once: every accepted version of the file once, every rejected record once, positions without gap. */
    void assertExactlyOnce(Source source, Expected expected) {
        assertExactlyOnce(source, expected, expected.rejected());
    }

    void assertExactlyOnce(Source source, Expected expected, long rejected) {
        assertThat(publishedVersions(source)).as("the events of " + source + ", read committed")
                .containsExactlyInAnyOrderElementsOf(expected.versions());
        List<Long> positions = publishedPositions(source);
        assertThat(positions).as("source positions of " + source).doesNotHaveDuplicates()
                .hasSize(expected.versions().size());
        assertThat(positions.stream().mapToLong(Long::longValue).max().orElse(0))
                .as("positions 1..n without a gap").isEqualTo(expected.versions().size());
        assertThat(deadLetters(source)).as("dead letters of " + source).isEqualTo(rejected);
    }

    /** One uninterrupted pass of the API connector, in this JVM: what a pass without fault publishes. */
    void apiPass(String url, String token) {
        pipeline.ingestApi(new fr.ais.ingest.ouiform.api.OuiFormApiClient(URI.create(url), token), pseudonymizer());
    }

    /**
     * Exactly once for the API, where a version served twice is published once (same id, same {@code updatedAt}):
     * the same versions and dead letters as an uninterrupted pass published in {@code reference}, each once, which
     * are every distinct version the export of the same items accepts; positions 1..n without gap.
     */
    void assertSameAsUninterrupted(ChaosPipeline reference, Expected file) {
        List<String> versions = publishedVersions(Source.OUIFORM);
        assertThat(versions).as("the events of the API, read committed").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(reference.publishedVersions(Source.OUIFORM))
                .containsExactlyInAnyOrderElementsOf(file.versions().stream().distinct().toList());
        List<Long> positions = publishedPositions(Source.OUIFORM);
        assertThat(positions).doesNotHaveDuplicates().hasSize(versions.size());
        assertThat(positions.stream().mapToLong(Long::longValue).max().orElse(0)).isEqualTo(versions.size());
        assertThat(deadLetters(Source.OUIFORM)).as("dead letters of the API")
                .isEqualTo(reference.deadLetters(Source.OUIFORM));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
