package fr.ais.cli;

import fr.ais.cli.pipeline.MetricsEndpoint;
import fr.ais.cli.pipeline.OutOfReach;
import fr.ais.cli.pipeline.Pipeline;
import fr.ais.ingest.PseudonymKey;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.ingest.ouiform.api.OuiFormApiClient;
import fr.ais.ingest.ouiform.api.OuiFormApiConfig;
import fr.ais.ingest.ouiform.api.OuiFormApiException;
import fr.ais.ingest.publish.IngestSummary;
import fr.ais.settings.Flags;
import fr.ais.settings.Settings;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "ouiform-api", mixinStandardHelpOptions = true,
        description = {"The ingest-ouiform connector on the OuiForm REST API: publish every item beyond the last"
                + " committed position exactly once, then poll again every --every (or exit with --once).",
                "The bearer token comes from AIS_OUIFORM_TOKEN or the file named by AIS_OUIFORM_TOKEN_FILE;"
                        + " it is never printed. A page that still fails after the retries stops the pass; the next"
                        + " pass resumes from the last committed page."})
final class OuiFormApiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connectionOptions;

    @Option(names = "--url", paramLabel = "URL", descriptionKey = "ouiform.api.url")
    String url;

    @Option(names = "--every", defaultValue = "PT5M",
            description = "Interval between passes, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration every;

    @Option(names = "--once", description = "Run one pass and exit.")
    boolean once;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve the connector's Prometheus metrics (read, accepted, rejected by reason, lag behind"
                    + " the API, last success) on http://127.0.0.1:PORT/metrics while polling.")
    Integer metricsPort;

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = AisCommand.settings(spec, connectionOptions.addTo(Flags.none())
                .set(OuiFormApiConfig.URL, "--url", url));
        OuiFormApiClient client = OuiFormApiConfig.from(settings).client();
        Pseudonymizer pseudonymizer = PseudonymKey.from(settings);
        Pipeline pipeline = new Pipeline(AisCommand.connection(spec, settings), false);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "ais-ouiform-api-shutdown"));
        MetricsEndpoint metrics = metricsPort == null || once ? null
                : MetricsEndpoint.start(pipeline.registry(), settings.get(MetricsEndpoint.HOST), metricsPort);
        if (metrics != null) {
            System.out.println("metrics     " + metrics.url());
        }
        do {
            try {
                IngestSummary summary = pipeline.ingestApi(client, pseudonymizer);
                System.out.println(summary.line());
            } catch (OuiFormApiException e) {
                // nothing is lost: the pages before it are committed, the next pass resumes after them
                System.err.println("OuiForm API pass failed: " + e.getMessage());
                if (once) {
                    return AisCommand.FAILURE;
                }
            } catch (RuntimeException e) {
                // the broker or the registry away (restarting): the next pass resumes from the last committed page
                if (once || !OutOfReach.is(e)) {
                    throw e;
                }
                System.err.println("OuiForm API pass stopped, the cluster or the registry out of reach ("
                        + e.getMessage() + "); next pass in " + every);
            }
        } while (!once && !stop.await(every.toMillis(), TimeUnit.MILLISECONDS));
        if (metrics != null) {
            metrics.close();
        }
        // only a shutdown ends polling: the JVM exits with the signal's status (130, 143), not this one
        return 0;
    }
}
