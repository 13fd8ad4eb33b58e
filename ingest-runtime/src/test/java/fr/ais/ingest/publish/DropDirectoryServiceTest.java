package fr.ais.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ais.ingest.InputFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drop directory's file handling, with an ingester that only records what it is given. */
class DropDirectoryServiceTest {

    private static final Duration AT_MOST = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final List<String> ingested = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private DropDirectoryService service;

    @AfterEach
    void tearDown() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    private void start(Duration stableDelay, Duration rescan, DropDirectoryService.Ingester ingester) throws IOException {
        service = DropDirectoryService.start(dir, ingester, new DropDirectoryService.Listener() {
            @Override
            public void ingested(Path file, IngestSummary summary, Path movedTo) {
                events.add("done " + dir.relativize(movedTo));
            }

            @Override
            public void failed(Path file, Exception error, Path movedTo) {
                events.add("failed " + dir.relativize(movedTo));
            }

            @Override
            public void willRetry(Path file, Exception error) {
                events.add("retry " + file.getFileName());
            }
        }, new DropDirectoryService.Settings(stableDelay, rescan, Duration.ofSeconds(5)));
    }

    private IngestSummary record(Path file) throws IOException {
        ingested.add(file.getFileName() + "=" + Files.readString(file));
        return new IngestSummary(file.getFileName().toString(), 1, 1, 0, 0, false, 0);
    }

    @Test
    void files_already_there_are_ingested_in_name_order_and_temporary_or_hidden_ones_are_left() throws Exception {
        for (String name : List.of("c.csv", "a.csv", "b.csv", ".hidden.csv", "d.csv.part", "e.csv.TMP")) {
            Files.writeString(dir.resolve(name), name);
        }

        start(Duration.ZERO, Duration.ofMinutes(1), this::record);

        await().atMost(AT_MOST).until(() -> events.size() == 3);
        assertThat(ingested).containsExactly("a.csv=a.csv", "b.csv=b.csv", "c.csv=c.csv");
        assertThat(events).containsExactly("done done/a.csv", "done done/b.csv", "done done/c.csv");
        assertThat(dir.resolve("done")).isDirectoryContaining("glob:**/a.csv");
        assertThat(dir.resolve(".hidden.csv")).exists();
        assertThat(dir.resolve("d.csv.part")).exists();
        assertThat(dir.resolve("e.csv.TMP")).exists();
        assertThat(dir.resolve("a.csv")).doesNotExist();
    }

    @Test
    void a_file_renamed_from_part_is_noticed_and_a_second_file_of_the_same_name_does_not_overwrite_the_first()
            throws Exception {
        start(Duration.ZERO, Duration.ofMinutes(1), this::record);

        Files.writeString(dir.resolve("x.csv.part"), "first");
        Files.move(dir.resolve("x.csv.part"), dir.resolve("x.csv"));
        // wait for the move to done/, not only the ingestion: the next file of that name must not take its place
        await().atMost(AT_MOST).until(() -> events.size() == 1);
        // uploaded the same way: written directly under its name, with no stable delay, it could be taken empty
        Files.writeString(dir.resolve("x.csv.part"), "second");
        Files.move(dir.resolve("x.csv.part"), dir.resolve("x.csv"));
        await().atMost(AT_MOST).until(() -> events.size() == 2);

        assertThat(ingested).containsExactly("x.csv=first", "x.csv=second");
        assertThat(dir.resolve("done/x.csv")).hasContent("first");
        assertThat(dir.resolve("done/x.1.csv")).hasContent("second");
    }

    @Test
    void a_file_still_growing_is_taken_once_its_size_is_stable() throws Exception {
        start(Duration.ofSeconds(2), Duration.ofMinutes(1), this::record);

        Files.writeString(dir.resolve("big.csv"), "part one,");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1)).until(ingested::isEmpty);
        Files.writeString(dir.resolve("big.csv"), "part two", java.nio.file.StandardOpenOption.APPEND);

        await().atMost(AT_MOST).until(() -> ingested.size() == 1);
        assertThat(ingested).containsExactly("big.csv=part one,part two");
    }

    @Test
    void an_unusable_file_goes_to_failed_with_its_reason_and_the_next_one_is_still_ingested() throws Exception {
        Files.writeString(dir.resolve("1-bad.csv"), "bad");
        Files.writeString(dir.resolve("2-good.csv"), "good");

        start(Duration.ZERO, Duration.ofMinutes(1), file -> {
            if (file.getFileName().toString().contains("bad")) {
                throw new InputFormatException("1-bad.csv: line 1 is not the header");
            }
            return record(file);
        });

        await().atMost(AT_MOST).until(() -> events.size() == 2);
        assertThat(events).containsExactly("failed failed/1-bad.csv", "done done/2-good.csv");
        assertThat(dir.resolve("failed/1-bad.csv")).hasContent("bad");
        assertThat(dir.resolve("failed/1-bad.csv.reason.txt")).content(StandardCharsets.UTF_8)
                .isEqualToIgnoringNewLines("1-bad.csv: line 1 is not the header");
    }

    @Test
    void a_failure_that_is_not_the_files_fault_leaves_it_in_place_and_it_is_tried_again() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "a");
        AtomicInteger attempts = new AtomicInteger();

        start(Duration.ZERO, Duration.ofMillis(300), file -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("the cluster is unreachable");
            }
            return record(file);
        });

        // the listener hears of the move after the ingestion returned: wait for what it hears, not for the ingestion
        await().atMost(AT_MOST).until(() -> events.size() == 2);
        assertThat(events).containsExactly("retry a.csv", "done done/a.csv");
        assertThat(ingested).hasSize(1);
        assertThat(dir.resolve("failed")).isEmptyDirectory();
    }

    @Test
    void once_closed_it_ingests_nothing_more() throws Exception {
        start(Duration.ZERO, Duration.ofMillis(200), this::record);
        service.close();

        Files.writeString(dir.resolve("late.csv"), "late");

        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(ingested::isEmpty);
        assertThat(dir.resolve("late.csv")).exists();
    }
}
