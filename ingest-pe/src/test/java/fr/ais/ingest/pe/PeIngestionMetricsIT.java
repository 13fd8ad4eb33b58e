package fr.ais.ingest.pe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ais.ingest.InputFormatException;
import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.publish.FileIngestion;
import fr.ais.ingest.publish.IngestMetrics;
import fr.ais.ingest.publish.IngestSummary;
import fr.ais.localstack.junit.LocalStackExtension;
import fr.ais.localstack.junit.TestStack;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.platform.topics.TopicSnapshot;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.SourceRecordKey;
import fr.ais.schemas.RejectReason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The connector's metrics count what the transactions committed: they agree with the run's summary. */
@ExtendWith(LocalStackExtension.class)
class PeIngestionMetricsIT {

    private static final String LATIN_1_E = "~E9~";
    private static final Instant NOW = Instant.parse("2021-04-01T06:00:00Z");

    /** One bad row per rejection reason, as the rejection tests plant them. */
    private static final Map<RejectReason, String[]> BAD = Map.of(
            RejectReason.PARSE_ERROR, new String[] {"code_structure_prescripteur", "\"unclosed"},
            RejectReason.MISSING_FIELD, new String[] {"numero_session", ""},
            RejectReason.BAD_DATE, new String[] {"date_mouvement", "2021-03-04"},
            RejectReason.BIRTH_NOT_BEFORE_ENTRY, new String[] {"date_naissance", "17/05/2021"},
            RejectReason.VALUE_OUTSIDE_LIST, new String[] {"financeur", "DEPARTEMENT"},
            RejectReason.BAD_IDENTIFIER_FORMAT, new String[] {"identifiant_de", "123456A"},
            RejectReason.BAD_REGION, new String[] {"code_region_formation", "99"},
            RejectReason.CONTROL_CHARACTER, new String[] {"numero_session", "SE-2021-004512\u0000"},
            // replaced by a byte that is not UTF-8 (Latin-1's é) when the file is written
            RejectReason.UNDECODABLE_BYTES, new String[] {"code_structure_prescripteur", "Cr" + LATIN_1_E + "teil"});

    @TempDir
    Path dir;

    private TestStack stack;
    private TopicCatalogue topics;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private IngestMetrics metrics;

    @BeforeEach
    void setUp(TestStack stack) {
        this.stack = stack;
        this.topics = stack.newCatalogue();
        this.metrics = IngestMetrics.of(registry, new PeFormat());
    }

    private FileIngestion ingestion() {
        return new FileIngestion(new PeFormat(), topics, stack.serdes(), stack.clientProperties(), 3,
                Clock.fixed(NOW, ZoneOffset.UTC), metrics);
    }

    @Test
    void the_counters_equal_the_summary_one_rejection_per_reason() throws Exception {
        List<String> lines = new ArrayList<>(List.of(PeExport.HEADER));
        int id = 0;
        for (RejectReason reason : RejectReason.values()) {
            lines.add(row(++id, null, null));
            String[] bad = BAD.get(reason);
            lines.add(row(++id, bad[0], bad[1]));
        }
        lines.add(row(++id, null, null));
        Path file = dir.resolve(PeExport.FILE);
        byte[] bytes = String.join("\n", lines).replace(LATIN_1_E, "\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, bytes);
        Set<RejectReason> planted = EnumSet.noneOf(RejectReason.class);
        for (ParsedRecord r : PeExport.EXPORT.read(bytes, StandardCharsets.UTF_8)) {
            if (r instanceof ParsedRecord.Rejected rejected) {
                assertThat(planted.add(rejected.rejection().reason())).as("one rejection per reason").isTrue();
            }
        }
        assertThat(planted).as("the file plants every reason").containsExactlyInAnyOrder(RejectReason.values());

        IngestSummary summary = ingestion().ingest(file, PeExport.EXPORT.context(StandardCharsets.UTF_8), false, done -> { });

        assertThat(summary.read()).isEqualTo(lines.size() - 1);
        assertThat(summary.rejected()).isEqualTo(RejectReason.values().length);
        assertThat(counter(IngestMetrics.RECORDS_READ)).isEqualTo(summary.read());
        assertThat(counter(IngestMetrics.RECORDS_ACCEPTED)).isEqualTo(summary.accepted());
        for (RejectReason reason : RejectReason.values()) {
            assertThat(counter(IngestMetrics.RECORDS_REJECTED, "reason", reason.name())).as(reason.name()).isEqualTo(1);
        }
        assertThat(registry.get(IngestMetrics.RECORDS_REJECTED).counters().stream().mapToDouble(c -> c.count()).sum())
                .isEqualTo(summary.rejected());
        assertThat(counter(IngestMetrics.BYTES_READ)).isEqualTo(Files.size(file));
        assertThat(gauge(IngestMetrics.LAST_SUCCESS)).isEqualTo(NOW.getEpochSecond());

        // a file already ingested publishes nothing: nothing more is counted
        IngestSummary again = ingestion().ingest(file, PeExport.EXPORT.context(StandardCharsets.UTF_8), false, done -> { });
        assertThat(again.alreadyComplete()).isTrue();
        assertThat(counter(IngestMetrics.RECORDS_READ)).isEqualTo(summary.read());
        assertThat(counter(IngestMetrics.BYTES_READ)).isEqualTo(Files.size(file));
    }

    @Test
    void without_transactions_the_same_records_are_published_and_counted() throws Exception {
        List<String> lines = new ArrayList<>(List.of(PeExport.HEADER));
        for (int id = 1; id <= 7; id++) {
            lines.add(row(id, id == 4 ? "code_region_formation" : null, "99"));
        }
        Path file = dir.resolve(PeExport.FILE);
        Files.write(file, lines, StandardCharsets.UTF_8);
        FileIngestion plain = ingestion().withoutTransactions();
        assertThat(plain.transactional()).isFalse();

        IngestSummary summary = plain.ingest(file, PeExport.EXPORT.context(StandardCharsets.UTF_8), false, done -> { });

        assertThat(summary.read()).isEqualTo(7);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(counter(IngestMetrics.RECORDS_ACCEPTED)).isEqualTo(6);
        assertThat(counter(IngestMetrics.RECORDS_REJECTED, "reason", "BAD_REGION")).isEqualTo(1);
        List<String> keys = new ArrayList<>();
        TopicSnapshot.read(stack.clientProperties(), topics.topic(TopicCatalogue.PE_EVENTS).name(),
                stack.serdes().forKeys(SourceRecordKey.class).deserializer(),
                stack.serdes().forValues(PrescriptionEvent.class).deserializer(),
                (key, event) -> keys.add(event.getSourceKey()));
        assertThat(keys).hasSize(6).doesNotHaveDuplicates();
        // its checkpoint is complete: the file is known as ingested
        assertThat(ingestion().ingest(file, PeExport.EXPORT.context(StandardCharsets.UTF_8), false, done -> { })
                .alreadyComplete()).isTrue();
    }

    @Test
    void a_file_with_a_wrong_header_counts_nothing_and_is_no_success() throws Exception {
        Path file = dir.resolve("wrong-header.csv");
        Files.write(file, List.of("id;type", row(1, null, null)), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ingestion().ingest(file, PeExport.EXPORT.context(StandardCharsets.UTF_8), false, done -> { }))
                .isInstanceOf(InputFormatException.class);

        assertThat(counter(IngestMetrics.RECORDS_READ)).isZero();
        assertThat(counter(IngestMetrics.BYTES_READ)).isZero();
        assertThat(gauge(IngestMetrics.LAST_SUCCESS)).isNaN();
    }

    private static String row(int id, String column, String value) {
        Map<String, String> row = PeExport.validRow();
        row.put("id_ais", String.format("AIS-%06d", id));
        if (column != null) {
            row.put(column, value);
        }
        return PeExport.line(row);
    }

    private double counter(String name, String... tags) {
        return registry.get(name).tags("connector", "ingest-pe", "source", "PE").tags(tags).counter().count();
    }

    private double gauge(String name) {
        return registry.get(name).tags("connector", "ingest-pe", "source", "PE").gauge().value();
    }
}
