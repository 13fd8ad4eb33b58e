package fr.ais.consolidation.export;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.consolidation.topology.TestDeadLetters;
import fr.ais.localstack.junit.LocalStackExtension;
import fr.ais.localstack.junit.TestStack;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.schemas.DeadLetter;
import fr.ais.schemas.DeadLetterKey;
import fr.ais.schemas.RejectReason;
import fr.ais.schemas.Source;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC §6 rejected export from the dead-letter topic on a real broker: distinct rejected records per
 * source and reason, so that an export delivered twice (or re-ingested with {@code --force}) is
 * counted once, as its prescriptions are.
 */
@ExtendWith(LocalStackExtension.class)
class RejectedExportIT {

    @Test
    void a_rejected_record_delivered_twice_is_counted_once_in_the_rejected_export(TestStack stack) {
        TopicCatalogue topics = stack.newCatalogue();
        Map<DeadLetterKey, DeadLetter> export = TestDeadLetters.keyed(
                TestDeadLetters.of(Source.PE, "pe.csv", 3, RejectReason.BAD_DATE),
                TestDeadLetters.of(Source.PE, "pe.csv", 9, RejectReason.BAD_DATE),
                TestDeadLetters.of(Source.IMILO, "imilo.jsonl", 2, RejectReason.MISSING_FIELD));
        publish(stack, topics, export);
        publish(stack, topics, export);

        Exports.Snapshot snapshot = SnapshotReader.read(stack.clientProperties(), topics, stack.serdes());

        assertThat(Exports.rejected(snapshot.rejected())).containsExactly("imilo;MISSING_FIELD;1", "pe;BAD_DATE;2");
    }

    private static void publish(TestStack stack, TopicCatalogue topics, Map<DeadLetterKey, DeadLetter> letters) {
        try (KafkaProducer<DeadLetterKey, DeadLetter> producer = new KafkaProducer<>(stack.clientProperties(),
                stack.serdes().forKeys(DeadLetterKey.class).serializer(),
                stack.serdes().forValues(DeadLetter.class).serializer())) {
            letters.forEach((key, letter) -> producer.send(
                    new ProducerRecord<>(topics.topic(TopicCatalogue.DEAD_LETTERS).name(), key, letter)));
        }
    }
}
