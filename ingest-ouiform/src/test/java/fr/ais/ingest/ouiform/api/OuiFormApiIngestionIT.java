package fr.ais.ingest.ouiform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.ouiform.OuiFormRecordMapper;
import fr.ais.ingest.publish.ConnectorRecords;
import fr.ais.ingest.publish.IngestSummary;
import fr.ais.localstack.junit.LocalStackExtension;
import fr.ais.localstack.junit.TestStack;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.platform.topics.TopicSnapshot;
import fr.ais.schemas.ConnectorCheckpoint;
import fr.ais.schemas.ConnectorCheckpointKey;
import fr.ais.schemas.DeadLetter;
import fr.ais.schemas.DeadLetterKey;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.Source;
import fr.ais.schemas.SourceRecordKey;
import fr.ais.synthetic.fakeouiform.FakeOuiFormServer;
import fr.ais.synthetic.fakeouiform.Faults;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API connector publishes every item of the fake OuiForm API exactly once on a real broker (read committed):
 * across a failure in the middle of the pages, a second pass over the same data, and a {@code kill -9}.
 */
@ExtendWith(LocalStackExtension.class)
@DisplayName("SPEC §3.3: the OuiForm API is ingested exactly once, across failures, passes and kill -9")
class OuiFormApiIngestionIT {

    private static final String KEY = "integration test pseudonym key";
    private static final Pseudonymizer PSEUDONYMIZER = new Pseudonymizer(KEY.getBytes(StandardCharsets.UTF_8));
    private static final ApiClientSettings FAST_RETRIES = ApiClientSettings.defaults()
            .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)).withMaxAttempts(3);

    @TempDir
    Path dir;

    private TestStack stack;
    private TopicCatalogue topics;
    private FakeOuiFormServer server;
    private Path feed;

    @BeforeEach
    void setUp(TestStack stack) {
        this.stack = stack;
        this.topics = stack.newCatalogue();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** 42 items in ties of three, every 7th rejected: 36 events and 6 dead letters. */
    private void serve(int items) throws IOException {
        feed = ApiFixtures.feed(dir, items, 7);
        server = FakeOuiFormServer.start(feed, 0, ApiFixtures.TOKEN, Faults.none());
    }

    private OuiFormApiClient client() {
        return new OuiFormApiClient(URI.create(server.url()), ApiFixtures.TOKEN, FAST_RETRIES, wait -> { },
                new SplittableRandom(1));
    }

    private ApiIngestion ingestion(PageSource pages, int pageSize) {
        return new ApiIngestion(pages, topics, stack.serdes(), stack.clientProperties(), pageSize, Clock.systemUTC());
    }

    @Test
    void a_full_pass_publishes_every_item_once_with_its_checkpoint() throws Exception {
        serve(42);
        ApiIngestion ingestion = ingestion(client(), 6);

        IngestSummary summary = ingestion.ingest(PSEUDONYMIZER);

        assertThat(summary).extracting(IngestSummary::read, IngestSummary::accepted, IngestSummary::rejected,
                IngestSummary::skipped).containsExactly(42L, 36L, 6L, 0L);
        assertThat(eventVersions()).containsExactlyInAnyOrderElementsOf(expectedVersions(0, 42));
        assertThat(eventPositions()).containsExactlyInAnyOrderElementsOf(range(1, 36));
        List<String> letters = new ArrayList<>();
        List<DeadLetterKey> keys = new ArrayList<>();
        TopicSnapshot.read(stack.clientProperties(), topics.topic(TopicCatalogue.DEAD_LETTERS).name(),
                stack.serdes().forKeys(DeadLetterKey.class).deserializer(),
                stack.serdes().forValues(DeadLetter.class).deserializer(), (k, v) -> {
                    // where the item was is in the value; the key is the item itself (same item, same key)
                    letters.add(v.getOrigin() + " page " + v.getApiPage() + " item " + v.getApiIndex() + " line "
                            + v.getLine() + " " + v.getReason());
                    keys.add(k);
                });
        // item 6 (7th, the first rejected) is page 2, index 0, global index 7
        assertThat(letters).hasSize(6).contains("api page 2 item 0 line 7 BAD_REGION",
                "api page 7 item 5 line 42 BAD_REGION");
        List<String> lines = Files.readAllLines(feed, StandardCharsets.UTF_8);
        assertThat(keys).doesNotHaveDuplicates().allSatisfy(k -> {
            assertThat(k.getSource()).isEqualTo(Source.OUIFORM);
            assertThat(k.getRecordDigest()).matches("[0-9a-f]{64}");
            assertThat(k.getOrigin()).isNull();
        });
        // the key of the item at global index 6 (page 2, index 0) is its own digest, whatever page it came in
        assertThat(keys).contains(ConnectorRecords.deadLetterKey(Source.OUIFORM,
                ApiIngestion.recordDigest(new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(6)), PSEUDONYMIZER.recordDigest())));

        ConnectorCheckpoint checkpoint = checkpoint(ingestion);
        assertThat(checkpoint.getComplete()).isTrue();
        assertThat(checkpoint.getApiCursor()).isNull();
        assertThat(checkpoint.getApiPage()).isEqualTo(7L);
        assertThat(checkpoint.getRecordsDone()).isEqualTo(42L);
        assertThat(checkpoint.getNextSourcePosition()).isEqualTo(37L);
        assertThat(checkpoint.getApiMaxUpdatedAt()).isEqualTo(ApiFixtures.START.plusSeconds(60 * 13).toString());
        assertThat(checkpoint.getApiIdsAtMaxUpdatedAt())
                .containsExactly(ApiFixtures.id(39), ApiFixtures.id(40), ApiFixtures.id(41));
    }

    @Test
    void a_failure_in_the_middle_of_the_pages_then_a_restart_publishes_the_rest_with_no_gap_and_no_duplicate()
            throws Exception {
        serve(42);
        OuiFormApiClient client = client();
        AtomicInteger requested = new AtomicInteger();
        PageSource failingFromPage4 = new PageSource() {
            @Override
            public URI baseUrl() {
                return client.baseUrl();
            }

            @Override
            public ApiPage fetch(Instant updatedSince, int limit, String cursor) {
                if (requested.incrementAndGet() == 4) {
                    server.faults().serverErrors(FAST_RETRIES.maxAttempts(), 503); // beyond the retry limit
                }
                return client.fetch(updatedSince, limit, cursor);
            }
        };

        assertThatThrownBy(() -> ingestion(failingFromPage4, 6).ingest(PSEUDONYMIZER))
                .isInstanceOfSatisfying(OuiFormApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.attempts()).isEqualTo(3);
                });
        ApiIngestion ingestion = ingestion(client, 6);
        ConnectorCheckpoint stopped = checkpoint(ingestion);
        assertThat(stopped.getComplete()).isFalse();
        assertThat(stopped.getApiPage()).isEqualTo(3L);
        assertThat(stopped.getRecordsDone()).isEqualTo(18L);
        assertThat(eventVersions()).containsExactlyInAnyOrderElementsOf(expectedVersions(0, 18));

        IngestSummary rest = ingestion.ingest(PSEUDONYMIZER);

        assertThat(rest.read()).isEqualTo(24L);
        assertThat(eventVersions()).containsExactlyInAnyOrderElementsOf(expectedVersions(0, 42));
        assertThat(eventPositions()).containsExactlyInAnyOrderElementsOf(range(1, 36));
        assertThat(deadLetterCount()).isEqualTo(6);
        assertThat(checkpoint(ingestion).getComplete()).isTrue();
    }

    @Test
    void a_second_pass_without_new_data_publishes_nothing_and_a_third_only_the_new_versions() throws Exception {
        serve(42);
        assertThat(ingestion(client(), 10).ingest(PSEUDONYMIZER).read()).isEqualTo(42L);

        IngestSummary second = ingestion(client(), 10).ingest(PSEUDONYMIZER);

        // updatedSince is inclusive: the three items of the newest instant come again and are skipped
        assertThat(second).extracting(IngestSummary::read, IngestSummary::skipped).containsExactly(0L, 3L);
        assertThat(eventVersions()).containsExactlyInAnyOrderElementsOf(expectedVersions(0, 42));
        assertThat(deadLetterCount()).isEqualTo(6);

        // new items, two of them at the newest instant already seen: the same port keeps the input's identity
        Instant newest = ApiFixtures.START.plusSeconds(60 * 13);
        ApiFixtures.append(feed, 42, 2, newest);
        ApiFixtures.append(feed, 44, 2, newest.plusSeconds(1));
        int port = server.port();
        server.close();
        server = FakeOuiFormServer.start(feed, port, ApiFixtures.TOKEN, Faults.none());

        IngestSummary third = ingestion(client(), 10).ingest(PSEUDONYMIZER);

        assertThat(third).extracting(IngestSummary::read, IngestSummary::accepted, IngestSummary::skipped)
                .containsExactly(4L, 4L, 3L);
        List<String> all = new ArrayList<>(expectedVersions(0, 42));
        all.addAll(expectedVersions(42, 46));
        assertThat(eventVersions()).containsExactlyInAnyOrderElementsOf(all);
        assertThat(eventPositions()).containsExactlyInAnyOrderElementsOf(range(1, 40));
    }

    @Test
    void a_connector_killed_in_the_middle_of_the_pages_resumes_with_no_gap_and_no_duplicate() throws Exception {
        serve(150);
        server.faults().delay(Duration.ofMillis(150)); // 30 pages of 5: a few seconds of paging
        ApiIngestion ingestion = ingestion(client(), 5);

        Process child = child(5);
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !child.isAlive() || recordsDone(ingestion) > 0);
            assertThat(child.isAlive()).as("the connector is still paging when it is killed").isTrue();
            child.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        } finally {
            child.destroyForcibly();
        }
        long doneWhenKilled = recordsDone(ingestion);
        assertThat(doneWhenKilled).isBetween(1L, 149L);

        server.faults().clear();
        IngestSummary rest = ingestion.ingest(PSEUDONYMIZER);

        assertThat(rest.read()).isGreaterThanOrEqualTo(150 - doneWhenKilled).isLessThanOrEqualTo(150);
        assertThat(eventVersions()).containsExactlyInAnyOrderElementsOf(expectedVersions(0, 150));
        assertThat(eventPositions()).doesNotHaveDuplicates().hasSize(expectedVersions(0, 150).size());
        assertThat(deadLetterCount()).isEqualTo(150 / 7);
        assertThat(checkpoint(ingestion).getRecordsDone()).isEqualTo(150L);
    }

    @Test
    void a_page_served_twice_publishes_its_items_once() throws Exception {
        serve(42);
        OuiFormApiClient client = client();
        AtomicInteger requested = new AtomicInteger();
        PageSource repeatingPage2 = new PageSource() {
            @Override
            public URI baseUrl() {
                return client.baseUrl();
            }

            @Override
            public ApiPage fetch(Instant updatedSince, int limit, String cursor) {
                if (requested.incrementAndGet() == 3) {
                    server.faults().repeatPages(1); // the third answer is the second again, cursor included
                }
                return client.fetch(updatedSince, limit, cursor);
            }
        };

        IngestSummary summary = ingestion(repeatingPage2, 6).ingest(PSEUDONYMIZER);

        assertThat(server.faults().firedRepeats()).isEqualTo(1);
        assertThat(summary).extracting(IngestSummary::read, IngestSummary::skipped).containsExactly(42L, 6L);
        assertThat(eventVersions()).containsExactlyInAnyOrderElementsOf(expectedVersions(0, 42));
        assertThat(eventPositions()).containsExactlyInAnyOrderElementsOf(range(1, 36));
        assertThat(deadLetterCount()).isEqualTo(6);
    }

    @Test
    void an_item_over_the_json_reader_limits_is_rejected_alone_as_in_a_file_and_the_rest_of_its_page_published()
            throws Exception {
        feed = ApiFixtures.feed(dir, 12, 0);
        List<String> lines = new ArrayList<>(Files.readAllLines(feed, StandardCharsets.UTF_8));
        // item 2 nested deeper than the reader's 1000 levels, item 8 with a 1500-digit number: the API can serve both
        lines.set(2, lines.get(2).replace("\"status\"", "\"extra\":" + "[".repeat(1_200) + "]".repeat(1_200)
                + ",\"status\""));
        lines.set(8, lines.get(8).replace("\"status\"", "\"score\":" + "7".repeat(1_500) + ",\"status\""));
        Files.write(feed, lines, StandardCharsets.UTF_8);
        server = FakeOuiFormServer.start(feed, 0, ApiFixtures.TOKEN, Faults.none());

        IngestSummary summary = ingestion(client(), 6).ingest(PSEUDONYMIZER);

        assertThat(summary).extracting(IngestSummary::read, IngestSummary::accepted, IngestSummary::rejected)
                .containsExactly(12L, 10L, 2L);
        assertThat(eventVersions()).hasSize(10).doesNotContain(ApiFixtures.id(2) + "@" + ApiFixtures.START,
                ApiFixtures.id(8) + "@" + ApiFixtures.START.plusSeconds(120));
        // the same reason and message as the JSON Lines reader gives the same object as a line of an export (the
        // API numbers items from 1 across the pass, as lines are numbered)
        ReadContext context = new ReadContext(ApiIngestion.ORIGIN, StandardCharsets.UTF_8, PSEUDONYMIZER);
        List<String> expected = new ArrayList<>();
        for (int i : new int[] {2, 8}) {
            ParsedRecord.Rejected inAFile = (ParsedRecord.Rejected) new OuiFormRecordMapper().map(lines.get(i), i + 1, context);
            expected.add(inAFile.rejection().reason() + " " + inAFile.rejection().message());
        }
        List<String> letters = new ArrayList<>();
        TopicSnapshot.read(stack.clientProperties(), topics.topic(TopicCatalogue.DEAD_LETTERS).name(),
                stack.serdes().forKeys(DeadLetterKey.class).deserializer(),
                stack.serdes().forValues(DeadLetter.class).deserializer(),
                (k, v) -> letters.add(v.getReason() + " " + v.getMessage()));
        assertThat(letters).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(String.join("\n", letters)).contains("StreamReadConstraints.maxNestingDepth",
                "StreamReadConstraints.maxNumberLength");
    }

    /** {@link ApiIngestionChild} in a JVM of its own, as an operator would run the connector. */
    private Process child(int pageSize) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ApiIngestionChild.class.getName(),
                stack.bootstrapServers(), stack.registryUrl(), topics.namespace(), server.url(),
                Integer.toString(pageSize));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile());
        builder.environment().put("AIS_OUIFORM_TOKEN", ApiFixtures.TOKEN);
        builder.environment().put("AIS_PSEUDONYM_KEY", KEY);
        return builder.start();
    }

    private ConnectorCheckpoint checkpoint(ApiIngestion ingestion) {
        return TopicSnapshot.table(stack.clientProperties(), topics.topic(TopicCatalogue.CONNECTOR_CHECKPOINTS).name(),
                stack.serdes().forKeys(ConnectorCheckpointKey.class).deserializer(),
                stack.serdes().forValues(ConnectorCheckpoint.class).deserializer()).get(ingestion.checkpointKey());
    }

    private long recordsDone(ApiIngestion ingestion) {
        ConnectorCheckpoint checkpoint = checkpoint(ingestion);
        return checkpoint == null ? 0 : checkpoint.getRecordsDone();
    }

    /** {@code sourceKey@versionTimestamp} of every committed event, duplicates included. */
    private List<String> eventVersions() {
        List<String> versions = new ArrayList<>();
        readEvents((k, e) -> versions.add(k.getSourceKey() + "@" + e.getVersionTimestamp()));
        return versions;
    }

    private List<Long> eventPositions() {
        List<Long> positions = new ArrayList<>();
        readEvents((k, e) -> positions.add(e.getSourcePosition()));
        return positions;
    }

    private void readEvents(java.util.function.BiConsumer<SourceRecordKey, PrescriptionEvent> each) {
        TopicSnapshot.read(stack.clientProperties(), topics.topic(TopicCatalogue.OUIFORM_EVENTS).name(),
                stack.serdes().forKeys(SourceRecordKey.class).deserializer(),
                stack.serdes().forValues(PrescriptionEvent.class).deserializer(), each);
    }

    private int deadLetterCount() {
        AtomicInteger count = new AtomicInteger();
        TopicSnapshot.read(stack.clientProperties(), topics.topic(TopicCatalogue.DEAD_LETTERS).name(),
                stack.serdes().forKeys(DeadLetterKey.class).deserializer(),
                stack.serdes().forValues(DeadLetter.class).deserializer(), (k, v) -> count.incrementAndGet());
        return count.get();
    }

    /** The accepted versions among the fixture items {@code from} to {@code to - 1}, read by the mapper itself. */
    private List<String> expectedVersions(int from, int to) throws IOException {
        List<String> lines = Files.readAllLines(feed, StandardCharsets.UTF_8);
        OuiFormRecordMapper mapper = new OuiFormRecordMapper();
        ReadContext context = new ReadContext(ApiIngestion.ORIGIN, StandardCharsets.UTF_8, PSEUDONYMIZER);
        List<String> versions = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (mapper.map(lines.get(i), i, context) instanceof ParsedRecord.Accepted a) {
                versions.add(a.event().getSourceKey() + "@" + a.event().getVersionTimestamp());
            }
        }
        return versions;
    }

    private static List<Long> range(long first, long last) {
        List<Long> values = new ArrayList<>();
        for (long v = first; v <= last; v++) {
            values.add(v);
        }
        return values;
    }
}
