package fr.ais.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.cli.AisSettings;
import fr.ais.cli.pipeline.Connection;
import fr.ais.ingest.ouiform.api.ApiClientSettings;
import fr.ais.ingest.ouiform.api.ApiIngestion;
import fr.ais.ingest.ouiform.api.ApiPage;
import fr.ais.ingest.ouiform.api.OuiFormApiClient;
import fr.ais.ingest.ouiform.api.PageSource;
import fr.ais.ingest.ouiform.api.Sleeper;
import fr.ais.ingest.publish.IngestSummary;
import fr.ais.localstack.junit.LocalStackExtension;
import fr.ais.localstack.junit.TestStack;
import fr.ais.schemas.Source;
import fr.ais.settings.Flags;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import fr.ais.synthetic.fakeouiform.FakeOuiFormServer;
import fr.ais.synthetic.fakeouiform.Faults;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 6 of docs/reliability.md: the OuiForm API connector (its production client and publisher) against a
 * fake API answering, page after page, 429 with Retry-After, 503, 500, dropped connections, answers slower than the
 * request timeout and a page served twice: one pass publishes every item exactly once, with no operator.
 */
@ExtendWith(LocalStackExtension.class)
@DisplayName("Chaos 6: OuiForm API faults (429, 5xx, timeouts, dropped connections, a page served twice): exactly once")
class OuiFormApiFaultsChaosIT {

    private static final String TOKEN = "chaos-ouiform-token";
    private static final ApiClientSettings CLIENT = ApiClientSettings.defaults()
            .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200)).withMaxAttempts(6)
            .withRequestTimeout(Duration.ofMillis(800)).withMaxRetryAfter(Duration.ofSeconds(1));

    /** One fault armed before each page, in turn. */
    private static final List<Consumer<Faults>> FAULTS = List.of(
            f -> f.rateLimit(2, Duration.ofSeconds(1)),
            f -> f.serverErrors(2, 503),
            f -> f.serverErrors(1, 500),
            f -> f.dropConnections(2), // the JDK client retries a GET once by itself: the second is seen
            f -> f.slowResponses(1, Duration.ofMillis(2_500)),
            f -> f.repeatPages(1),
            f -> { });

    @TempDir
    Path dir;

    @Test
    void one_pass_through_every_fault_publishes_every_item_exactly_once(TestStack stack) throws Exception {
        GeneratedDataSet data = Generator.generate(GeneratorOptions.defaults(dir.resolve("data"))
                .withPeople(ChaosSizes.current().full() ? 5_000 : 600).withSeed(1406));
        ChaosPipeline pipeline = new ChaosPipeline(dir, stack.bootstrapServers(), stack.registryUrl(),
                stack.uniqueName("chaos-api-faults") + ".").withTopics();
        Connection connection = Connection.from(AisSettings.resolve(pipeline.env(), Flags.none()));
        try (FakeOuiFormServer server = FakeOuiFormServer.start(data.ouiformFile(), 0, TOKEN, Faults.none())) {
            OuiFormApiClient client = new OuiFormApiClient(URI.create(server.url()), TOKEN, CLIENT, Sleeper.REAL,
                    new SplittableRandom(6));
            AtomicInteger pages = new AtomicInteger();
            PageSource faulty = new PageSource() {
                @Override
                public URI baseUrl() {
                    return client.baseUrl();
                }

                @Override
                public ApiPage fetch(Instant updatedSince, int limit, String cursor) {
                    FAULTS.get(pages.getAndIncrement() % FAULTS.size()).accept(server.faults());
                    return client.fetch(updatedSince, limit, cursor);
                }
            };
            ApiIngestion ingestion = new ApiIngestion(faulty, connection.catalogue(), connection.serdes(false),
                    connection.clientProperties(), 40, Clock.systemUTC());

            long started = System.nanoTime();
            IngestSummary summary = ingestion.ingest(pipeline.pseudonymizer());
            RecoveryLog.record("6-api-faults", pages.get() + " pages of 40 through every fault, one pass",
                    RecoveryLog.since(started));

            Faults fired = server.faults();
            assertThat(pages.get()).isGreaterThan(FAULTS.size());
            assertThat(fired.firedRateLimits()).isPositive();
            assertThat(fired.firedServerErrors()).isPositive();
            assertThat(fired.firedDrops()).isPositive();
            assertThat(fired.firedSlowResponses()).isPositive();
            assertThat(fired.firedRepeats()).isPositive();
            assertThat(summary.skipped()).as("the items of the page served twice").isPositive();
            server.faults().clear();
            ChaosPipeline reference = new ChaosPipeline(dir.resolve("reference"), stack.bootstrapServers(),
                    stack.registryUrl(), stack.uniqueName("chaos-api-reference") + ".").withTopics();
            reference.apiPass(server.url(), TOKEN);
            pipeline.assertSameAsUninterrupted(reference, pipeline.expected(Source.OUIFORM, data.ouiformFile()));
        }
    }
}
