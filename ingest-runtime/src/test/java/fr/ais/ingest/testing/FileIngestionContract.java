package fr.ais.ingest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.ingest.ReadContext;
import fr.ais.ingest.publish.FileIngestion;
import fr.ais.ingest.publish.IngestSummary;
import fr.ais.localstack.junit.LocalStackExtension;
import fr.ais.localstack.junit.TestStack;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.platform.topics.TopicSnapshot;
import fr.ais.schemas.DeadLetter;
import fr.ais.schemas.DeadLetterKey;
import fr.ais.schemas.RejectReason;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every file connector does on a real broker: each format's module runs it by extending this class (an
 * {@code *IT}) with its {@link ExportFixture}.
 */
@ExtendWith(LocalStackExtension.class)
public abstract class FileIngestionContract {

    @TempDir
    protected Path dir;

    protected TestStack stack;
    protected TopicCatalogue topics;

    /** The source's export as the tests build it. */
    protected abstract ExportFixture fixture();

    /** The extension of the source's files, e.g. {@code .csv}. */
    protected abstract String extension();

    @BeforeEach
    void setUp(TestStack stack) {
        this.stack = stack;
        this.topics = stack.newCatalogue();
    }

    protected FileIngestion ingestion() {
        return new FileIngestion(fixture().format(), topics, stack.serdes(), stack.clientProperties(), 2, Clock.systemUTC());
    }

    protected IngestSummary ingest(Path file, Charset charset, boolean force) throws Exception {
        return ingestion().ingest(file, new ReadContext(file.getFileName().toString(), charset, ExportFixture.PSEUDONYMIZER),
                force, done -> { });
    }

    /** Every dead letter on the topic, in order, with its key. */
    protected List<Map.Entry<DeadLetterKey, DeadLetter>> deadLetters() {
        List<Map.Entry<DeadLetterKey, DeadLetter>> letters = new ArrayList<>();
        TopicSnapshot.read(stack.clientProperties(), topics.topic(TopicCatalogue.DEAD_LETTERS).name(),
                stack.serdes().forKeys(DeadLetterKey.class).deserializer(),
                stack.serdes().forValues(DeadLetter.class).deserializer(), (k, v) -> letters.add(Map.entry(k, v)));
        return letters;
    }

    /** Three rejected records (a bad date, a missing key, a control character) around an accepted one. */
    private List<String> rejectedAndAccepted() {
        ExportFixture fixture = fixture();
        return List.of(fixture.with(fixture.dateFields().get(0), "not a date"), fixture.withKey("accepted"),
                fixture.withKey(""), fixture.with(fixture.freeTextField(), "x\u0000"));
    }

    /**
     * Delivering the same export twice must not double the rejected counts: a dead letter is keyed by the rejected
     * record itself (its source and the keyed digest of its raw line), not by where it was, so a forced re-ingest, or
     * the next day's export holding the same lines under another name, writes the same keys (the value still says
     * file and line) and a table of the dead letters, latest per key, counts each rejected record once.
     */
    @Test
    void a_rejected_record_delivered_again_forced_or_under_another_name_has_the_same_dead_letter_key() throws Exception {
        ExportFixture fixture = fixture();
        List<String> records = rejectedAndAccepted();
        Path first = dir.resolve("export-1" + extension());
        Files.write(first, fixture.export(StandardCharsets.UTF_8, records.toArray(String[]::new)));

        ingest(first, StandardCharsets.UTF_8, false);
        Map<DeadLetterKey, DeadLetter> once = table(deadLetters());
        assertThat(once).hasSize(3);

        ingest(first, StandardCharsets.UTF_8, true);
        assertThat(deadLetters()).hasSize(6);
        assertThat(table(deadLetters()).keySet()).isEqualTo(once.keySet());

        // the next day's export: yesterday's lines, one more rejected, under another name
        List<String> nextDay = new ArrayList<>(records);
        nextDay.add(fixture.with(fixture.dateFields().get(0), "still not a date"));
        Path second = dir.resolve("export-2" + extension());
        Files.write(second, fixture.export(StandardCharsets.UTF_8, nextDay.toArray(String[]::new)));
        ingest(second, StandardCharsets.UTF_8, false);

        Map<DeadLetterKey, DeadLetter> table = table(deadLetters());
        assertThat(table).hasSize(4).containsKeys(once.keySet().toArray(DeadLetterKey[]::new));
        assertThat(table.values()).filteredOn(v -> v.getOrigin().equals(second.getFileName().toString())).hasSize(4);
        long firstLine = fixture.header().size() + 1;
        assertThat(table.values()).extracting(DeadLetter::getLine)
                .containsExactlyInAnyOrder(firstLine, firstLine + 2, firstLine + 3, firstLine + 4);
    }

    /** The key holds no raw line, no personal value and no plain hash of the line: a keyed digest. */
    @Test
    void a_dead_letter_key_is_a_keyed_digest_of_its_line_never_the_line_nor_its_plain_hash() throws Exception {
        ExportFixture fixture = fixture();
        String record = fixture.withKey("");
        Path file = dir.resolve("keys" + extension());
        Files.write(file, fixture.export(StandardCharsets.UTF_8, record));

        ingest(file, StandardCharsets.UTF_8, false);

        DeadLetterKey key = deadLetters().get(0).getKey();
        String plainHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(record.getBytes(StandardCharsets.UTF_8)));
        assertThat(key.getSource()).isEqualTo(fixture.format().source());
        assertThat(key.getRecordDigest()).matches("[0-9a-f]{64}").isNotEqualTo(plainHash);
        assertThat(key.getOrigin()).isNull();
        assertThat(key.getPosition()).isNull();
        assertThat(key.getRecordDigest())
                .isEqualTo(ExportFixture.PSEUDONYMIZER.recordDigest().of(record.getBytes(StandardCharsets.UTF_8)));
        for (String personal : fixture.personalValues()) {
            assertThat(key.toString()).doesNotContainIgnoringCase(personal);
        }
    }

    /**
     * An ISO-8859-1 export read as UTF-8: its accented lines are rejected (never altered), and since its first lines
     * do not decode, the summary says so and suggests the legacy charset.
     */
    @Test
    void a_legacy_export_read_as_utf8_is_rejected_line_by_line_and_its_summary_suggests_the_charset() throws Exception {
        ExportFixture fixture = fixture();
        String field = fixture.freeTextField();
        Path file = dir.resolve("legacy" + extension());
        Files.write(file, fixture.export(StandardCharsets.ISO_8859_1, fixture.with(field, "Agence Créteil"),
                fixture.withKey("second"), fixture.withKey("third").replace(fixture.fields().get(field), "Orléans")));

        IngestSummary asUtf8 = ingest(file, StandardCharsets.UTF_8, false);

        assertThat(asUtf8.rejected()).isEqualTo(2);
        assertThat(asUtf8.accepted()).isEqualTo(1);
        assertThat(asUtf8.undecodable()).isEqualTo(new IngestSummary.Undecodable(2, fixture.header().size() + 1, "UTF-8"));
        assertThat(asUtf8.line()).contains("2 lines are not valid UTF-8", "--charset ISO-8859-1");
        assertThat(deadLetters()).extracting(e -> e.getValue().getReason()).containsOnly(RejectReason.UNDECODABLE_BYTES);

        IngestSummary asLatin1 = ingest(file, StandardCharsets.ISO_8859_1, true);
        assertThat(asLatin1.accepted()).isEqualTo(3);
        assertThat(asLatin1.undecodable()).isNull();
        assertThat(asLatin1.line()).doesNotContain("charset");
    }

    /**
     * The bad-input corpus on a real broker: each usable file publishes its accepted records as events and its
     * rejected ones as dead letters, nothing else; no dead letter (key or value) nor log line holds a personal value;
     * every file forced again rewrites the same dead-letter keys.
     */
    @Test
    void the_bad_input_corpus_publishes_each_record_once_as_an_event_or_a_dead_letter_and_again_under_the_same_keys()
            throws Exception {
        BadInputCorpus corpus = BadInputCorpus.load();
        long accepted = 0;
        long rejected = 0;
        List<Path> files = new ArrayList<>();
        List<String> logs;
        try (CapturedLogs captured = new CapturedLogs()) {
            for (BadInputCorpus.Case c : corpus.cases()) {
                Path file = dir.resolve(c.origin());
                Files.write(file, corpus.bytes(c));
                if (c.unusable() != null) {
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ingest(file, c.charset(), false))
                            .isInstanceOf(fr.ais.ingest.InputFormatException.class);
                    continue;
                }
                IngestSummary summary = ingest(file, c.charset(), false);
                assertThat(summary.accepted()).as(c.name()).isEqualTo(c.accepted());
                assertThat(summary.rejected()).as(c.name()).isEqualTo(c.rejections().size());
                accepted += c.accepted();
                rejected += c.rejections().size();
                files.add(file);
            }
            logs = captured.lines();
        }
        List<Map.Entry<DeadLetterKey, DeadLetter>> letters = deadLetters();
        assertThat(letters).hasSize((int) rejected);
        long events = TopicSnapshot.table(stack.clientProperties(),
                topics.topic(TopicCatalogue.eventsOf(fixture().format().source())).name(),
                stack.serdes().forKeys(fr.ais.schemas.SourceRecordKey.class).deserializer(),
                stack.serdes().forValues(fr.ais.schemas.PrescriptionEvent.class).deserializer()).size();
        assertThat(events).as("events, one per source key").isPositive().isLessThanOrEqualTo(accepted);
        for (Map.Entry<DeadLetterKey, DeadLetter> letter : letters) {
            for (String personal : corpus.personalValues()) {
                assertThat(letter.getKey().toString()).doesNotContainIgnoringCase(personal);
                assertThat(letter.getValue().toString()).doesNotContainIgnoringCase(personal);
            }
        }
        for (String personal : corpus.personalValues()) {
            assertThat(logs).noneMatch(line -> line.toLowerCase(java.util.Locale.ROOT)
                    .contains(personal.toLowerCase(java.util.Locale.ROOT)));
        }

        for (Path file : files) {
            BadInputCorpus.Case c = corpus.cases().stream().filter(k -> k.origin().equals(file.getFileName().toString()))
                    .findFirst().orElseThrow();
            ingest(file, c.charset(), true);
        }
        List<Map.Entry<DeadLetterKey, DeadLetter>> again = deadLetters();
        assertThat(again).hasSize((int) (2 * rejected));
        assertThat(table(again).keySet()).isEqualTo(table(letters).keySet());
    }

    /** The dead letters as a table: the latest per key. */
    protected static Map<DeadLetterKey, DeadLetter> table(List<Map.Entry<DeadLetterKey, DeadLetter>> letters) {
        Map<DeadLetterKey, DeadLetter> table = new LinkedHashMap<>();
        letters.forEach(e -> table.put(e.getKey(), e.getValue()));
        return table;
    }
}
