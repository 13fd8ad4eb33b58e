package fr.ais.consolidation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partial sums before a repartition (issue 19): the deltas a task produces between two commits leave as
 * one sum per row, a row whose deltas cancel out sends nothing, and only differences ever leave, so a task
 * that starts again (empty store) never sends a total twice. A test driver commits after each input record, so
 * one input record carrying several deltas (as one change of a session does) is what a commit interval is here.
 */
class PartialSumsProcessorTest {

    @TempDir
    Path stateDir;

    /** One input record: "row:delta,row:delta,…", as one change of a session emits several deltas. */
    private TopologyTestDriver driver() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("deltas", Consumed.with(Serdes.String(), Serdes.String()))
                .flatMap((k, v) -> Arrays.stream(v.split(","))
                        .map(d -> KeyValue.pair(d.split(":")[0], Long.parseLong(d.split(":")[1]))).toList())
                .process(PartialSumsProcessor.supplier("sums", Serdes.String(), Serdes.Long(), 0L, Long::sum, d -> -d),
                        Named.as("partial-sums"))
                .to("summed", Produced.with(Serdes.String(), Serdes.Long()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "partial-sums-" + UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return new TopologyTestDriver(builder.build(), props);
    }

    private static List<KeyValue<String, Long>> sendAndRead(TopologyTestDriver driver, String deltas) {
        TestInputTopic<String, String> in = driver.createInputTopic("deltas", Serdes.String().serializer(),
                Serdes.String().serializer());
        TestOutputTopic<String, Long> out = driver.createOutputTopic("summed", Serdes.String().deserializer(),
                Serdes.Long().deserializer());
        in.pipeInput("change", deltas);
        return out.readKeyValuesToList();
    }

    @Test
    void the_deltas_of_one_row_within_a_commit_leave_as_one_sum_and_cancelled_rows_send_nothing() {
        try (TopologyTestDriver driver = driver()) {
            assertThat(sendAndRead(driver, "a:-1,b:1,a:1,b:1,c:1,b:1"))
                    .containsExactlyInAnyOrder(KeyValue.pair("b", 3L), KeyValue.pair("c", 1L));
        }
    }

    @Test
    void only_what_changed_since_the_previous_commit_leaves() {
        try (TopologyTestDriver driver = driver()) {
            sendAndRead(driver, "a:1,a:1");

            assertThat(sendAndRead(driver, "a:1,b:-1")).containsExactlyInAnyOrder(
                    KeyValue.pair("a", 1L), KeyValue.pair("b", -1L));
            assertThat(sendAndRead(driver, "a:-1,a:1")).isEmpty();
        }
    }

    @Test
    void a_task_started_again_sends_its_new_deltas_only_never_a_total_again() {
        try (TopologyTestDriver first = driver()) {
            sendAndRead(first, "a:1,a:1,a:1");
        }
        try (TopologyTestDriver again = driver()) {
            assertThat(sendAndRead(again, "a:1")).containsExactly(KeyValue.pair("a", 1L));
        }
    }
}
