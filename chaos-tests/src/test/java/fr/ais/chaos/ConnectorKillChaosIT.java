package fr.ais.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ais.localstack.junit.LocalStackExtension;
import fr.ais.localstack.junit.TestStack;
import fr.ais.schemas.Source;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import fr.ais.synthetic.fakeouiform.FakeOuiFormServer;
import fr.ais.synthetic.fakeouiform.Faults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scenario 2 of docs/reliability.md: each connector, {@code ais ingest SOURCE FILE} and {@code ais ouiform-api},
 * killed with {@code kill -9} in the middle of its file or of its API paging and started again publishes every
 * record exactly once: the topics, read committed, hold each accepted version of the input once (by source record
 * key and version), each rejected record once, and source positions 1..n without gap or duplicate.
 */
@ExtendWith(LocalStackExtension.class)
@DisplayName("Chaos 2: kill -9 of each connector mid-file and mid-paging: exactly once on the topics")
class ConnectorKillChaosIT {

    private static final String TOKEN = "chaos-ouiform-token";

    @TempDir
    static Path dir;

    private static GeneratedDataSet data;

    @BeforeAll
    static void generate() throws java.io.IOException {
        data = Generator.generate(GeneratorOptions.defaults(dir.resolve("data"))
                .withPeople(ChaosSizes.current().connectorPeople()).withSeed(1402));
    }

    @ParameterizedTest(name = "ais ingest {0}")
    @EnumSource(Source.class)
    void a_file_connector_killed_in_the_middle_of_a_file_resumes_with_no_gap_and_no_duplicate(Source source,
            TestStack stack) throws Exception {
        // in CI only the I-Milo connector: IngestExactlyOnceIT already kills the PE one, and all three share the runtime
        Assumptions.assumeTrue(ChaosSizes.current().everyConnector() || source == Source.IMILO);
        ChaosPipeline pipeline = pipeline(stack, source.name().toLowerCase());
        Path file = switch (source) {
            case PE -> data.peFile();
            case IMILO -> data.imiloFile();
            case OUIFORM -> data.ouiformFile();
        };
        String name = source.name().toLowerCase();

        AisProcess first = pipeline.ais("ingest-" + name, Map.of(), "ingest", name, file.toString());
        killOnceSomethingIsCommitted(pipeline, first);
        long restarted = System.nanoTime();
        AisProcess second = pipeline.ais("ingest-" + name, Map.of(), "ingest", name, file.toString());
        assertThat(second.await(Duration.ofMinutes(4))).as(second.output()).isZero();
        RecoveryLog.record("2-connector-kill", "ais ingest " + name + ": restart to file done", RecoveryLog.since(restarted));

        assertThat(second.output()).contains("already published by an earlier run");
        pipeline.assertExactlyOnce(source, pipeline.expected(source, file));
    }

    @org.junit.jupiter.api.Test
    void the_api_connector_killed_in_the_middle_of_its_paging_resumes_with_no_gap_and_no_duplicate(TestStack stack)
            throws Exception {
        ChaosPipeline pipeline = pipeline(stack, "api");
        try (FakeOuiFormServer server = FakeOuiFormServer.start(data.ouiformFile(), 0, TOKEN, Faults.none())) {
            server.faults().delay(Duration.ofMillis(400)); // pages of 500: a few seconds of paging
            Map<String, String> env = Map.of("AIS_OUIFORM_TOKEN", TOKEN, "AIS_OUIFORM_API_URL", server.url());

            AisProcess first = pipeline.ais("ouiform-api", env, "ouiform-api", "--once");
            killOnceSomethingIsCommitted(pipeline, first);
            server.faults().clear();
            long restarted = System.nanoTime();
            AisProcess second = pipeline.ais("ouiform-api", env, "ouiform-api", "--once");
            assertThat(second.await(Duration.ofMinutes(4))).as(second.output()).isZero();
            RecoveryLog.record("2-connector-kill", "ais ouiform-api: restart to pass done", RecoveryLog.since(restarted));

            ChaosPipeline reference = pipeline(stack, "api-uninterrupted");
            reference.apiPass(server.url(), TOKEN);
            pipeline.assertSameAsUninterrupted(reference, pipeline.expected(Source.OUIFORM, data.ouiformFile()));
        }
    }

    private static ChaosPipeline pipeline(TestStack stack, String name) {
        return new ChaosPipeline(dir.resolve(name), stack.bootstrapServers(), stack.registryUrl(),
                stack.uniqueName("chaos-" + name) + ".").withTopics();
    }

    private static void killOnceSomethingIsCommitted(ChaosPipeline pipeline, AisProcess connector) throws Exception {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                .until(() -> !connector.alive() || pipeline.recordsDone() > 0);
        assertThat(connector.alive()).as("still publishing when killed: " + connector.output()).isTrue();
        connector.kill();
        System.out.println("chaos: kill -9 of " + connector.name() + " after " + pipeline.recordsDone() + " records");
    }
}
