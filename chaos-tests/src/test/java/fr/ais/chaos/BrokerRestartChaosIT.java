package fr.ais.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ais.schemas.Source;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import fr.ais.synthetic.fakeouiform.FakeOuiFormServer;
import fr.ais.synthetic.fakeouiform.Faults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 3 of docs/reliability.md: the broker (with the schema registry on it: {@code ais stack}, in a JVM of its
 * own) killed with {@code kill -9} while the consolidation processes, a drop-directory connector publishes a file and
 * the API connector pages, then started again on the same data directory and ports. No component is restarted: each
 * recovers on its own, the file and the API are published exactly once, and the figures are those of the rules.
 */
@DisplayName("Chaos 3: the broker restarted under load: every component recovers without an operator")
class BrokerRestartChaosIT {

    private static final String TOKEN = "chaos-ouiform-token";
    private static final Pattern REGISTRY = Pattern.compile("Schema registry: +(\\S+)");

    @TempDir
    Path dir;

    @Test
    void every_component_recovers_from_a_broker_restart_on_its_own(/* no TestStack: the broker is a process here */)
            throws Exception {
        ChaosSizes sizes = ChaosSizes.current();
        GeneratedDataSet data = Generator.generate(GeneratorOptions.defaults(dir.resolve("data"))
                .withPeople(sizes.full() ? 10_000 : 1_500).withSeed(1403));
        int brokerPort = ChaosPipeline.freePort();
        int registryPort = ChaosPipeline.freePort();
        AisProcess broker = stack(brokerPort, registryPort);
        AisProcess consolidation = null;
        AisProcess watch = null;
        AisProcess poller = null;
        try (FakeOuiFormServer api = FakeOuiFormServer.start(data.ouiformFile(), 0, TOKEN, Faults.none())) {
            ChaosPipeline pipeline = new ChaosPipeline(dir.resolve("pipeline"), "localhost:" + brokerPort,
                    registryUrl(broker), "chaos-broker.").withTopics();
            pipeline.ingest(Source.PE, data.peFile());
            Path drop = Files.createDirectories(dir.resolve("drop"));

            consolidation = pipeline.consolidate("a", Map.of()).process();
            watch = pipeline.ais("ingest-imilo-watch", Map.of(), "ingest", "imilo", "--watch", drop.toString());
            api.faults().delay(Duration.ofSeconds(2)); // pages of 500: paging goes on through the restart
            poller = pipeline.ais("ouiform-api", Map.of("AIS_OUIFORM_TOKEN", TOKEN, "AIS_OUIFORM_API_URL", api.url()),
                    "ouiform-api", "--every", "PT2S");
            Path part = drop.resolve("imilo.csv.part");
            Files.copy(data.imiloFile(), part);
            Files.move(part, drop.resolve("imilo.csv"));

            // under load: the consolidation has committed work, the API connector has published pages
            AisProcess c = consolidation;
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !c.alive() || pipeline.committed() > 0 && pipeline.recordsDone() > 0);
            assertThat(consolidation.alive()).as(consolidation.output()).isTrue();
            broker.kill();
            long killed = System.nanoTime();
            System.out.println("chaos: kill -9 of the broker at " + pipeline.committed() + " committed offsets");

            broker = stack(brokerPort, registryPort);
            RecoveryLog.record("3-broker-restart", "broker (and registry) down, kill -9 to serving again",
                    RecoveryLog.since(killed));
            long back = System.nanoTime();
            api.faults().clear();
            ChaosPipeline.Expected imilo = pipeline.expected(Source.IMILO, data.imiloFile());
            ChaosPipeline.Expected ouiform = pipeline.expected(Source.OUIFORM, data.ouiformFile());
            long apiVersions = ouiform.versions().stream().distinct().count();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Files.exists(drop.resolve("done").resolve("imilo.csv")));
            RecoveryLog.record("3-broker-restart", "drop-directory connector: broker back to file done",
                    RecoveryLog.since(back));
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                    .until(() -> pipeline.publishedVersions(Source.OUIFORM).size() >= apiVersions);
            RecoveryLog.record("3-broker-restart", "API connector: broker back to every item published",
                    RecoveryLog.since(back));
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(pipeline::caughtUp);
            RecoveryLog.record("3-broker-restart", "consolidation: broker back to caught up", RecoveryLog.since(back));

            assertThat(consolidation.alive()).as("the consolidation recovered by itself: " + consolidation.output())
                    .isTrue();
            assertThat(watch.alive()).as("the drop-directory connector recovered by itself: " + watch.output())
                    .isTrue();
            assertThat(poller.alive()).as("the API connector recovered by itself: " + poller.output()).isTrue();
            pipeline.assertExactlyOnce(Source.IMILO, imilo);
            ChaosPipeline reference = new ChaosPipeline(dir.resolve("reference"), "localhost:" + brokerPort,
                    registryUrl(broker), "chaos-broker-reference.").withTopics();
            reference.apiPass(api.url(), TOKEN);
            pipeline.assertSameAsUninterrupted(reference, ouiform);
            assertThat(pipeline.exportedAggregates("after")).isEqualTo(ChaosPipeline.expectedAggregates(data));
        } finally {
            for (AisProcess p : new AisProcess[] {poller, watch, consolidation}) {
                if (p != null) {
                    p.stop();
                }
            }
            broker.stop();
        }
    }

    /** {@code ais stack} on fixed ports and data directory; returns once it serves. */
    private AisProcess stack(int brokerPort, int registryPort) throws IOException {
        AisProcess stack = AisProcess.start(logs(), "stack", Map.of(), "stack", "--data-dir",
                dir.resolve("stack").toString(), "--broker-port", Integer.toString(brokerPort), "--registry-port",
                Integer.toString(registryPort));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> !stack.alive() || REGISTRY.matcher(stack.output()).find());
        assertThat(stack.alive()).as(stack.output()).isTrue();
        return stack;
    }

    private Path logs() {
        String logs = System.getProperty("chaos.logs");
        return logs == null ? dir.resolve("logs") : Path.of(logs).resolve("broker-restart");
    }

    private static String registryUrl(AisProcess stack) {
        Matcher m = REGISTRY.matcher(stack.output());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
