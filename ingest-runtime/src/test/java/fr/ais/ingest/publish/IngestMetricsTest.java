package fr.ais.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.schemas.RejectReason;
import fr.ais.schemas.Source;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IngestMetrics metrics = new IngestMetrics(registry, "ingest-ouiform", Source.OUIFORM);

    private double counter(String name, String... tags) {
        return registry.get(name).tags("connector", "ingest-ouiform", "source", "OUIFORM").tags(tags).counter().count();
    }

    private double gauge(String name) {
        return registry.get(name).tags("connector", "ingest-ouiform", "source", "OUIFORM").gauge().value();
    }

    @Test
    void every_meter_exists_from_the_start_tagged_with_its_connector_and_source() {
        assertThat(counter(IngestMetrics.RECORDS_READ)).isZero();
        assertThat(counter(IngestMetrics.RECORDS_ACCEPTED)).isZero();
        assertThat(counter(IngestMetrics.BYTES_READ)).isZero();
        for (RejectReason reason : RejectReason.values()) {
            assertThat(counter(IngestMetrics.RECORDS_REJECTED, "reason", reason.name())).isZero();
        }
        assertThat(gauge(IngestMetrics.LAST_SUCCESS)).isNaN();
        assertThat(gauge(IngestMetrics.LAG_SECONDS)).isNaN();
    }

    @Test
    void committed_batches_add_up() {
        metrics.committed(10, 8, Map.of(RejectReason.BAD_DATE, 2L), 1_000);
        metrics.committed(5, 4, Map.of(RejectReason.BAD_REGION, 1L), 400);

        assertThat(counter(IngestMetrics.RECORDS_READ)).isEqualTo(15);
        assertThat(counter(IngestMetrics.RECORDS_ACCEPTED)).isEqualTo(12);
        assertThat(counter(IngestMetrics.RECORDS_REJECTED, "reason", "BAD_DATE")).isEqualTo(2);
        assertThat(counter(IngestMetrics.RECORDS_REJECTED, "reason", "BAD_REGION")).isEqualTo(1);
        assertThat(counter(IngestMetrics.RECORDS_REJECTED, "reason", "PARSE_ERROR")).isZero();
        assertThat(counter(IngestMetrics.BYTES_READ)).isEqualTo(1_400);
    }

    @Test
    void last_success_is_in_epoch_seconds_and_the_lag_is_what_the_caller_sets() {
        metrics.succeeded(Instant.parse("2021-03-04T10:15:30.750Z"));
        metrics.lagSeconds(42.5);

        assertThat(gauge(IngestMetrics.LAST_SUCCESS)).isEqualTo(Instant.parse("2021-03-04T10:15:30Z").getEpochSecond());
        assertThat(gauge(IngestMetrics.LAG_SECONDS)).isEqualTo(42.5);
    }
}
