package fr.ais.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ais.localstack.junit.LocalStackExtension;
import fr.ais.localstack.junit.TestStack;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 1 of docs/reliability.md: {@code ais consolidate} killed with {@code kill -9} at random points of a
 * generated year's catch-up and restarted each time on the same state directory (which a kill leaves without
 * checkpoint) writes exports identical to those of an uninterrupted run over the same files.
 */
@ExtendWith(LocalStackExtension.class)
@DisplayName("Chaos 1: kill -9 of the consolidation during its catch-up, restarted: exports identical to an uninterrupted run")
class ConsolidationKillChaosIT {

    private static final Duration CATCH_UP = Duration.ofMinutes(6);

    @TempDir
    Path dir;

    @Test
    void a_consolidation_killed_at_random_points_of_its_catch_up_writes_the_exports_of_an_uninterrupted_run(
            TestStack stack) throws Exception {
        ChaosSizes sizes = ChaosSizes.current();
        GeneratedDataSet data = Generator.generate(GeneratorOptions.defaults(dir.resolve("data"))
                .withPeople(sizes.people()).withSeed(1401));
        ChaosPipeline uninterrupted = new ChaosPipeline(dir.resolve("uninterrupted"), stack.bootstrapServers(),
                stack.registryUrl(), stack.uniqueName("chaos-whole") + ".").withTopics();
        ChaosPipeline killed = new ChaosPipeline(dir.resolve("killed"), stack.bootstrapServers(), stack.registryUrl(),
                stack.uniqueName("chaos-killed") + ".").withTopics();
        uninterrupted.ingestAll(data);
        killed.ingestAll(data);

        ChaosPipeline.Consolidation whole = uninterrupted.consolidate("a", Map.of());
        long started = System.nanoTime();
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500))
                .until(() -> !whole.process().alive() || uninterrupted.caughtUp());
        assertThat(whole.process().alive()).as(whole.process().output()).isTrue();
        RecoveryLog.record("1-consolidation-kill", "uninterrupted catch-up of " + sizes.people() + " people",
                RecoveryLog.since(started));
        whole.process().stop();
        Map<String, String> expected = uninterrupted.export("uninterrupted");

        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.println("chaos: kill points drawn with seed " + seed);
        long total = uninterrupted.committed(); // same inputs, same topology: where the other group will end
        long reached = 0;
        for (int kill = 1; kill <= sizes.consolidationKills(); kill++) {
            ChaosPipeline.Consolidation run = killed.consolidate("a", Map.of());
            long restarted = System.nanoTime();
            long since = reached;
            // a random point between here and the end: at least one commit more than at the last kill
            long target = since + 1 + (long) (random.nextDouble() * Math.max(1, total - since) * 0.8);
            await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(100))
                    .until(() -> !run.process().alive() || killed.committed() >= target || killed.caughtUp());
            assertThat(run.process().alive()).as(run.process().output()).isTrue();
            if (kill > 1) {
                RecoveryLog.record("1-consolidation-kill", "restart " + (kill - 1) + " to first commit beyond the kill"
                        + " point", Duration.ofNanos(System.nanoTime() - restarted));
            }
            run.process().kill();
            reached = Math.max(reached, killed.committed());
            System.out.printf("chaos: kill -9 %d of the consolidation at %d of %d committed offsets%n", kill, reached,
                    total);
        }
        ChaosPipeline.Consolidation last = killed.consolidate("a", Map.of());
        long restarted = System.nanoTime();
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500))
                .until(() -> !last.process().alive() || killed.caughtUp());
        assertThat(last.process().alive()).as(last.process().output()).isTrue();
        RecoveryLog.record("1-consolidation-kill", "last restart to caught up", RecoveryLog.since(restarted));
        last.process().stop();

        assertThat(killed.export("killed")).isEqualTo(expected);
        assertThat(uninterrupted.exportedAggregates("check")).isEqualTo(ChaosPipeline.expectedAggregates(data));
    }
}
