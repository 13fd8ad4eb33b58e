package fr.ais.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The summary of a run says what happened to every record, and what undecodable lines suggest")
class IngestSummaryTest {

    @Test
    void a_clean_run_reads_accepted_rejected() {
        assertThat(new IngestSummary("pe.csv", 10, 8, 2, 0, false, 1.25).line())
                .isEqualTo("pe.csv: read 10 / accepted 8 / rejected 2 in 1.3 s");
    }

    @Test
    void a_utf8_run_whose_first_lines_do_not_decode_suggests_the_legacy_charset() {
        IngestSummary summary = new IngestSummary("pe.csv", 10, 3, 7, 0, false, 0.5,
                new IngestSummary.Undecodable(7, 2, "UTF-8"));
        assertThat(summary.line()).isEqualTo("pe.csv: read 10 / accepted 3 / rejected 7 in 0.5 s; 7 lines are not valid"
                + " UTF-8 (the first at line 2) and rejected: is it a legacy ISO-8859-1 export? then read it as"
                + " ISO-8859-1 (ais ingest --charset ISO-8859-1 --force; ais replay --pe-charset ISO-8859-1)");
    }

    @Test
    void a_few_bad_bytes_far_into_a_file_are_only_counted() {
        IngestSummary summary = new IngestSummary("imilo.jsonl", 9000, 8999, 1, 0, false, 2,
                new IngestSummary.Undecodable(1, 5012, "UTF-8"));
        assertThat(summary.line()).endsWith("; 1 line is not valid UTF-8 (the first at line 5012) and rejected");
    }

    @Test
    void another_charset_is_questioned_without_guessing() {
        IngestSummary summary = new IngestSummary("x.csv", 2, 0, 2, 0, false, 0,
                new IngestSummary.Undecodable(2, 2, "US-ASCII"));
        assertThat(summary.line()).contains("is US-ASCII the file's charset?").doesNotContain("ISO-8859-1");
    }
}
