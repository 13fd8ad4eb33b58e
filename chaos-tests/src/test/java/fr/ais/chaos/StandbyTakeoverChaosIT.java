package fr.ais.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ais.localstack.junit.LocalStackExtension;
import fr.ais.localstack.junit.TestStack;
import fr.ais.schemas.Source;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenarios 4 and 5 of docs/reliability.md. Two {@code ais consolidate} instances share the work with a standby
 * replica each; one is killed with {@code kill -9} while new records arrive: the other takes over and the figures
 * are those of the rules (takeover time measured). Then the survivor is stopped, its state directory wiped, and it is
 * started again: its state is restored from the changelogs, and the records arriving next give the figures of the
 * rules again.
 */
@ExtendWith(LocalStackExtension.class)
@DisplayName("Chaos 4 and 5: a standby takes over from an instance killed; a wiped state directory is restored")
class StandbyTakeoverChaosIT {

    /**
     * A standby each; the short suite lets the group drop a killed member after 10 s instead of the default 45 s
     * (most of the takeover time measured in the full one), to stay within the CI budget.
     */
    private static final Map<String, String> STANDBY = ChaosSizes.current().full()
            ? Map.of("AIS_STREAMS_STANDBY_REPLICAS", "1")
            : Map.of("AIS_STREAMS_STANDBY_REPLICAS", "1", "AIS_KAFKA_CLIENT_SESSION_TIMEOUT_MS", "10000");
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    @Test
    void the_standby_takes_over_from_a_killed_instance_and_a_wiped_state_is_restored_with_the_same_figures(
            TestStack stack) throws Exception {
        GeneratedDataSet data = Generator.generate(GeneratorOptions.defaults(dir.resolve("data"))
                .withPeople(ChaosSizes.current().people()).withSeed(1404));
        ChaosPipeline pipeline = new ChaosPipeline(dir, stack.bootstrapServers(), stack.registryUrl(),
                stack.uniqueName("chaos-standby") + ".").withTopics();
        pipeline.ingest(Source.PE, data.peFile());
        ChaosPipeline.Consolidation a = pipeline.consolidate("a", STANDBY);
        ChaosPipeline.Consolidation b = pipeline.consolidate("b", STANDBY);
        try {
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> !a.process().alive()
                    || !b.process().alive() || a.ready() && b.ready() && pipeline.caughtUp());
            assertThat(a.process().alive()).as(a.process().output()).isTrue();
            assertThat(b.process().alive()).as(b.process().output()).isTrue();

            // scenario 4: one instance lost while the next export arrives
            a.process().kill();
            long killed = System.nanoTime();
            pipeline.ingest(Source.IMILO, data.imiloFile());
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(250))
                    .until(() -> !b.process().alive() || pipeline.caughtUp());
            assertThat(b.process().alive()).as(b.process().output()).isTrue();
            RecoveryLog.record("4-standby-takeover", "kill -9 of one of two instances to the other caught up with"
                    + " the records arrived meanwhile", RecoveryLog.since(killed));
            Map<String, Long> afterTakeover = pipeline.exportedAggregates("after-takeover");

            // scenario 5: the survivor's state directory wiped
            b.process().stop();
            wipe(pipeline.stateDir("b"));
            long restarted = System.nanoTime();
            ChaosPipeline.Consolidation restored = pipeline.consolidate("b", STANDBY);
            try {
                await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(250))
                        .until(() -> !restored.process().alive() || restored.ready());
                assertThat(restored.process().alive()).as(restored.process().output()).isTrue();
                RecoveryLog.record("5-state-wiped", "start on a wiped state directory to RUNNING (state restored from"
                        + " the changelogs)", RecoveryLog.since(restarted));
                assertThat(pipeline.exportedAggregates("after-restore")).isEqualTo(afterTakeover);
                pipeline.ingest(Source.OUIFORM, data.ouiformFile());
                await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(250))
                        .until(() -> !restored.process().alive() || pipeline.caughtUp());
                assertThat(restored.process().alive()).as(restored.process().output()).isTrue();
                assertThat(pipeline.exportedAggregates("final")).isEqualTo(ChaosPipeline.expectedAggregates(data));
                assertThat(pipeline.stateDir("b")).isNotEmptyDirectory();
            } finally {
                restored.process().stop();
            }
        } finally {
            a.process().stop();
            b.process().stop();
        }
    }

    private static void wipe(Path stateDir) throws IOException {
        if (Files.exists(stateDir)) {
            try (Stream<Path> paths = Files.walk(stateDir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
