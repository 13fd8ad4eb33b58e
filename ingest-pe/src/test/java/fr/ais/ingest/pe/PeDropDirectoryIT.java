package fr.ais.ingest.pe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ais.ingest.ReadContext;
import fr.ais.ingest.publish.DropDirectoryService;
import fr.ais.ingest.publish.FileIngestion;
import fr.ais.ingest.testing.CapturedLogs;
import fr.ais.ingest.testing.ExportFixture;
import fr.ais.localstack.junit.LocalStackExtension;
import fr.ais.localstack.junit.TestStack;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.platform.topics.TopicSnapshot;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.SourceRecordKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Files dropped into a watched directory are published, then moved to done/, or to failed/ when unusable. */
@ExtendWith(LocalStackExtension.class)
class PeDropDirectoryIT {

    @TempDir
    Path dir;

    @Test
    void a_good_file_is_published_and_moved_to_done_and_a_bad_header_one_to_failed_with_its_reason(TestStack stack)
            throws Exception {
        TopicCatalogue topics = stack.newCatalogue();
        FileIngestion ingestion = new FileIngestion(new PeFormat(), topics, stack.serdes(), stack.clientProperties(),
                100, Clock.systemUTC());
        List<String> good = new ArrayList<>(List.of(PeExport.HEADER));
        for (int i = 1; i <= 5; i++) {
            Map<String, String> row = PeExport.validRow();
            row.put("id_ais", String.format("AIS-%06d", i));
            good.add(PeExport.line(row));
        }

        try (DropDirectoryService service = DropDirectoryService.start(dir,
                file -> ingestion.ingest(file, new ReadContext(file.getFileName().toString(), StandardCharsets.UTF_8,
                        ExportFixture.PSEUDONYMIZER), false, done -> { }),
                new DropDirectoryService.Listener() { },
                new DropDirectoryService.Settings(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(10)))) {
            // written aside then renamed, as an upload should be
            Files.write(dir.resolve("ais-2021-03.csv.part"), good, StandardCharsets.UTF_8);
            Files.move(dir.resolve("ais-2021-03.csv.part"), dir.resolve("ais-2021-03.csv"));
            Files.write(dir.resolve("ais-2021-04.csv"), List.of("id;type;date", "1;2;3"), StandardCharsets.UTF_8);

            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                assertThat(dir.resolve("done/ais-2021-03.csv")).exists();
                assertThat(dir.resolve("failed/ais-2021-04.csv")).exists();
                assertThat(dir.resolve("failed/ais-2021-04.csv.reason.txt")).exists();
            });
        }

        assertThat(dir.resolve("ais-2021-03.csv")).doesNotExist();
        assertThat(dir.resolve("ais-2021-04.csv")).doesNotExist();
        assertThat(dir.resolve("failed/ais-2021-04.csv.reason.txt")).content(StandardCharsets.UTF_8)
                .contains("ais-2021-04.csv: line 1 is not the header of a Pôle emploi AIS export");
        List<String> published = new ArrayList<>();
        TopicSnapshot.read(stack.clientProperties(), topics.topic(TopicCatalogue.PE_EVENTS).name(),
                stack.serdes().forKeys(SourceRecordKey.class).deserializer(),
                stack.serdes().forValues(PrescriptionEvent.class).deserializer(),
                (key, event) -> published.add(event.getOrigin() + " " + event.getSourceKey()));
        assertThat(published).containsExactlyInAnyOrder("ais-2021-03.csv AIS-000001", "ais-2021-03.csv AIS-000002",
                "ais-2021-03.csv AIS-000003", "ais-2021-03.csv AIS-000004", "ais-2021-03.csv AIS-000005");
    }

    /**
     * A PE file without its header row is refused whole: neither the reason file, the listener's error nor any log
     * line quotes its first record (job-seeker identifier, birth date), whatever the failure.
     */
    @Test
    void a_file_without_its_header_row_is_refused_and_no_reason_or_log_line_quotes_its_first_record(TestStack stack)
            throws Exception {
        TopicCatalogue topics = stack.newCatalogue();
        FileIngestion ingestion = new FileIngestion(new PeFormat(), topics, stack.serdes(), stack.clientProperties(),
                100, Clock.systemUTC());
        List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> logs;
        try (CapturedLogs captured = new CapturedLogs();
             DropDirectoryService service = DropDirectoryService.start(dir,
                     file -> ingestion.ingest(file, new ReadContext(file.getFileName().toString(), StandardCharsets.UTF_8,
                             ExportFixture.PSEUDONYMIZER), false, done -> { }),
                     new DropDirectoryService.Listener() {
                         @Override
                         public void failed(Path file, Exception error, Path movedTo) {
                             errors.add(error.getMessage());
                         }
                     },
                     new DropDirectoryService.Settings(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(10)))) {
            Files.write(dir.resolve("no-header.csv.part"), List.of(PeExport.line(PeExport.validRow())), StandardCharsets.UTF_8);
            Files.move(dir.resolve("no-header.csv.part"), dir.resolve("no-header.csv"));
            await().atMost(Duration.ofMinutes(1))
                    .untilAsserted(() -> assertThat(dir.resolve("failed/no-header.csv.reason.txt")).exists());
            logs = captured.lines();
        }

        String reason = Files.readString(dir.resolve("failed/no-header.csv.reason.txt"));
        assertThat(reason).contains("no-header.csv: line 1 is not the header", "is the header row missing?");
        assertThat(errors).singleElement().asString().contains("is the header row missing?");
        assertThat(logs).anyMatch(line -> line.contains("no-header.csv is unusable"));
        for (String personal : List.of(PeExport.RAW_ID, PeExport.BIRTH)) {
            assertThat(reason).doesNotContain(personal);
            assertThat(errors).noneMatch(e -> e.contains(personal));
            assertThat(logs).noneMatch(line -> line.contains(personal));
        }
    }
}
