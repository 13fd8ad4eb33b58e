package fr.ais.consolidation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.schemas.DeadLetter;
import fr.ais.schemas.RejectReason;
import fr.ais.schemas.Source;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3.4: every input record is accepted or rejected, once. The dashboard and the metrics count
 * distinct rejected records per source and reason: delivering an export again, or re-ingesting it
 * with {@code --force}, leaves the counts as they were, as it leaves the prescription figures.
 */
class RejectedRecordsTest {

    private final ConsolidationDriver pipeline = new ConsolidationDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void rejected_records_are_counted_per_source_and_reason() {
        pipeline.deadLetters(TestDeadLetters.keyed(
                TestDeadLetters.of(Source.PE, "pe.csv", 3, RejectReason.BAD_DATE),
                TestDeadLetters.of(Source.PE, "pe.csv", 7, RejectReason.BAD_DATE),
                TestDeadLetters.of(Source.IMILO, "imilo.jsonl", 2, RejectReason.MISSING_FIELD)));

        assertThat(pipeline.deadLetterCounts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PE|BAD_DATE", 2L, "IMILO|MISSING_FIELD", 1L));
    }

    @Test
    void a_rejected_record_delivered_twice_is_counted_once() {
        Map<fr.ais.schemas.DeadLetterKey, DeadLetter> export = TestDeadLetters.keyed(
                TestDeadLetters.of(Source.PE, "pe.csv", 3, RejectReason.BAD_DATE),
                TestDeadLetters.of(Source.OUIFORM, "ouiform.jsonl", 5, RejectReason.BAD_REGION));

        pipeline.deadLetters(export).deadLetters(export);

        assertThat(pipeline.deadLetterCounts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PE|BAD_DATE", 1L, "OUIFORM|BAD_REGION", 1L));
    }

    @Test
    void a_record_rejected_again_for_another_reason_moves_to_that_reason() {
        DeadLetter first = TestDeadLetters.of(Source.PE, "pe.csv", 3, RejectReason.BAD_DATE);
        pipeline.deadLetters(TestDeadLetters.keyed(first));

        DeadLetter again = DeadLetter.newBuilder(first).setReason(RejectReason.MISSING_FIELD).build();
        pipeline.deadLetters(Map.of(TestDeadLetters.keyOf(first), again));

        assertThat(pipeline.deadLetterCounts()).containsExactlyEntriesOf(Map.of("PE|MISSING_FIELD", 1L));
    }
}
