package fr.ais.ingest.pe;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.ingest.ParsedRecord;
import fr.ais.schemas.RejectReason;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("SPEC §3.1: date_mouvement is dd/MM/yyyy HH:mm:ss, Europe/Paris local time")
class PeDateMouvementTest {

    private static Instant versionOf(String dateMouvement) throws Exception {
        ParsedRecord record = PeExport.EXPORT.readOne(PeExport.withColumn("date_mouvement", dateMouvement));
        assertThat(record).isInstanceOf(ParsedRecord.Accepted.class);
        return ((ParsedRecord.Accepted) record).event().getVersionTimestamp();
    }

    @ParameterizedTest(name = "{0} Paris = {1}")
    @CsvSource({
            "04/03/2021 10:15:30, 2021-03-04T09:15:30Z", // winter time, UTC+1
            "04/07/2021 10:15:30, 2021-07-04T08:15:30Z", // summer time, UTC+2
            "31/12/2021 23:59:59, 2021-12-31T22:59:59Z"})
    void local_paris_time_becomes_an_instant(String local, String expected) throws Exception {
        assertThat(versionOf(local)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void in_the_spring_gap_a_time_that_does_not_exist_is_shifted_forward_by_the_gap() throws Exception {
        // 28 March 2021: clocks go from 02:00 CET to 03:00 CEST; 02:30 is read as 03:30 CEST
        assertThat(versionOf("28/03/2021 02:30:00")).isEqualTo(Instant.parse("2021-03-28T01:30:00Z"));
        assertThat(versionOf("28/03/2021 03:30:00")).isEqualTo(Instant.parse("2021-03-28T01:30:00Z"));
    }

    @Test
    void in_the_autumn_overlap_the_earlier_offset_summer_time_is_taken() throws Exception {
        // 31 October 2021: 02:30 happens twice, at 00:30Z (CEST) and 01:30Z (CET); the first one is taken
        assertThat(versionOf("31/10/2021 02:30:00")).isEqualTo(Instant.parse("2021-10-31T00:30:00Z"));
        assertThat(versionOf("31/10/2021 03:30:00")).isEqualTo(Instant.parse("2021-10-31T02:30:00Z"));
    }

    @ParameterizedTest
    @CsvSource({"2021-03-04T10:15:30", "04/03/2021", "31/02/2021 10:00:00", "04/03/2021 24:00:00", "4/3/2021 10:15:30"})
    void anything_else_is_a_bad_date(String value) throws Exception {
        ParsedRecord record = PeExport.EXPORT.readOne(PeExport.withColumn("date_mouvement", value));
        var rejection = ((ParsedRecord.Rejected) record).rejection();
        assertThat(rejection.reason()).isEqualTo(RejectReason.BAD_DATE);
        assertThat(rejection.field()).isEqualTo("date_mouvement");
    }
}
