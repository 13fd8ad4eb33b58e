package fr.ais.cli;

import fr.ais.cli.pipeline.Pipeline;
import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.consolidation.serving.ServingConfig;
import fr.ais.consolidation.app.StreamsAppConfig;
import fr.ais.platform.settings.AisSettings;
import fr.ais.platform.settings.InvalidSettingsException;
import fr.ais.platform.settings.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "consolidate", mixinStandardHelpOptions = true,
        description = "Run the consolidation (Kafka Streams, exactly-once) until Ctrl-C.")
final class ConsolidateCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--application-id", defaultValue = "${env:AIS_STREAMS_APPLICATION_ID:-ais-consolidation}",
            description = "Kafka Streams application id (env AIS_STREAMS_APPLICATION_ID; default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--state-dir", defaultValue = "${env:AIS_STREAMS_STATE_DIR:-.ais/streams}",
            description = "State directory, kept across restarts (env AIS_STREAMS_STATE_DIR; default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--port", description = "Port of the REST API, dashboard and metrics (env AIS_SERVING_PORT;"
            + " default 8088; 0: a free port).")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> flags = new HashMap<>();
        flags.put(AisSettings.APPLICATION_ID.name(), applicationId);
        flags.put(AisSettings.STATE_DIR.name(), stateDir.toString());
        if (port != null) {
            flags.put(AisSettings.SERVING_PORT.name(), port.toString());
        }
        Settings settings;
        try {
            settings = AisSettings.resolve(System.getenv(), flags);
        } catch (InvalidSettingsException e) {
            throw new UserException(e.getMessage(), e);
        }
        connection.ensureTopics();
        StreamsAppConfig config = new StreamsAppConfig(settings.get(AisSettings.APPLICATION_ID),
                connection.clientProperties(), settings.get(AisSettings.STATE_DIR),
                settings.get(AisSettings.STREAM_THREADS), Duration.ofMillis(settings.get(AisSettings.COMMIT_INTERVAL_MS)),
                connection.replicationFactor, settings.get(AisSettings.BLOCK_CACHE_BYTES),
                settings.get(AisSettings.WRITE_BUFFER_BYTES), settings.get(AisSettings.RECENT_SESSIONS), null);
        Pipeline.Served served = new Pipeline(connection, false).startServed(config,
                ProgressSettings.from(settings, Clock.systemUTC()), ServingConfig.from(settings));
        Runtime.getRuntime().addShutdownHook(new Thread(served::close, "ais-consolidation-shutdown"));
        System.out.println("consolidation running (application id " + applicationId + "); Ctrl-C stops it");
        printUrls(served.serving().url());
        served.app().awaitStop();
        return served.app().failure() == null ? 0 : AisCommand.FAILURE;
    }

    /** Where to look, for people and for scrapers. */
    static void printUrls(String url) {
        System.out.println("dashboard   " + url + "/");
        System.out.println("api         " + url + "/api/progress, /api/aggregates, /api/quality, /api/dead-letters,"
                + " /api/prescriptions/{groupId}");
        System.out.println("metrics     " + url + "/metrics (Prometheus)   health " + url + "/health, " + url + "/ready");
    }
}
