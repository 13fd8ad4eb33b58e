package fr.ais.cli;

import fr.ais.cli.pipeline.Connection;
import fr.ais.cli.pipeline.Pipeline;
import fr.ais.consolidation.app.StreamsAppConfig;
import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.consolidation.serving.ServingConfig;
import fr.ais.settings.Flags;
import fr.ais.settings.Settings;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "consolidate", mixinStandardHelpOptions = true,
        description = "Run the consolidation (Kafka Streams, exactly-once) until Ctrl-C.")
final class ConsolidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connectionOptions;

    @Mixin
    ApplicationIdOption applicationIdOption;

    @Option(names = "--state-dir", paramLabel = "DIR", descriptionKey = "streams.state.dir")
    String stateDir;

    @Option(names = "--port", paramLabel = "PORT", descriptionKey = "serving.port")
    String port;

    /** What the consolidation runs with, all from the settings. */
    record Configured(Connection connection, StreamsAppConfig streams, ProgressSettings progress,
            ServingConfig serving) {
        static Configured from(Settings settings, Clock clock) {
            return new Configured(Connection.from(settings), StreamsAppConfig.from(settings),
                    ProgressSettings.from(settings, clock), ServingConfig.from(settings));
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = AisCommand.settings(spec, applicationIdOption.addTo(connectionOptions.addTo(Flags.none()))
                .set(StreamsAppConfig.STATE_DIR, "--state-dir", stateDir)
                .set(ServingConfig.PORT, "--port", port));
        Configured run = Configured.from(settings, Clock.systemUTC());
        Connection connection = AisCommand.connection(spec, settings);
        connection.ensureTopics();
        Pipeline.Served served = new Pipeline(connection, false).startServed(run.streams(), run.progress(),
                run.serving());
        Runtime.getRuntime().addShutdownHook(new Thread(served::close, "ais-consolidation-shutdown"));
        System.out.println("consolidation running (application id " + run.streams().applicationId()
                + "); Ctrl-C stops it");
        printUrls(served.serving().url());
        served.app().awaitStop();
        return served.app().failure() == null ? 0 : AisCommand.FAILURE;
    }

    /** Where to look, for people and for scrapers. */
    static void printUrls(String url) {
        System.out.println("dashboard   " + url + "/");
        System.out.println("api         " + url + "/api/steering, /api/alerts, /api/freshness, /api/progress, /api/targets,"
                + " /api/aggregates, /api/quality, /api/dead-letters, /api/prescriptions/{groupId}");
        System.out.println("metrics     " + url + "/metrics (Prometheus)   health " + url + "/health, " + url + "/ready");
    }
}
