package fr.ais.cli.pipeline;

import fr.ais.cli.UserException;
import fr.ais.consolidation.app.CatchUp;
import fr.ais.consolidation.app.ConsolidationApp;
import fr.ais.consolidation.app.StreamsAppConfig;
import fr.ais.consolidation.export.Exports;
import fr.ais.consolidation.export.SnapshotReader;
import fr.ais.consolidation.progress.ProgressCalculator;
import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.consolidation.serving.ConsolidationMetrics;
import fr.ais.consolidation.serving.Serving;
import fr.ais.consolidation.serving.ServingConfig;
import fr.ais.consolidation.topology.ConsolidationConfig;
import fr.ais.consolidation.topology.ConsolidationTopology;
import fr.ais.ingest.InputFormatException;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.SourceFormat;
import fr.ais.ingest.ouiform.api.ApiIngestion;
import fr.ais.ingest.ouiform.api.OuiFormApiClient;
import fr.ais.ingest.publish.DropDirectoryService;
import fr.ais.ingest.publish.FileIngestion;
import fr.ais.ingest.publish.IngestMetrics;
import fr.ais.ingest.publish.IngestSettings;
import fr.ais.ingest.publish.IngestSummary;
import fr.ais.ingest.targets.TargetsFile;
import fr.ais.ingest.targets.TargetsLoader;
import fr.ais.registry.AvroSerdeFactory;
import fr.ais.schemas.Source;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongConsumer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.Topology;

/**
 * The pipeline's stages on one cluster, as the commands run them: connectors, targets, the
 * consolidation application, its catch-up and the exports. The same code path in production,
 * in {@code ais replay} and in {@code ais demo}.
 */
public final class Pipeline {

    /** Items asked per OuiForm API page, each page one transaction. */
    private static final int API_PAGE = 500;
    private static final Duration STARTUP = Duration.ofMinutes(2);

    private final Connection connection;
    private final AvroSerdeFactory serdes;
    /** Connector and consolidation metrics of this process, scraped by Prometheus where a server exposes them. */
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<Source, IngestMetrics> connectorMetrics = new EnumMap<>(Source.class);

    private final IngestSettings ingestSettings;

    public Pipeline(Connection connection, boolean autoRegister) {
        this(connection, autoRegister, IngestSettings.defaults());
    }

    /** @param ingestSettings how the file connectors publish (records per transaction) */
    public Pipeline(Connection connection, boolean autoRegister, IngestSettings ingestSettings) {
        this.connection = connection;
        this.serdes = connection.serdes(autoRegister);
        this.ingestSettings = ingestSettings;
    }

    /** The format of {@code source}, as its connector module declares it (see {@link SourceFormat#of}). */
    public static SourceFormat formatOf(Source source) {
        return SourceFormat.of(source);
    }

    /** Publishes one source file exactly once (resuming an interrupted run). */
    public IngestSummary ingest(Source source, Path file, Charset charset, Pseudonymizer pseudonymizer,
            boolean force, LongConsumer progress) {
        if (!Files.isRegularFile(file)) {
            throw new UserException("no such file: " + file);
        }
        FileIngestion ingestion = new FileIngestion(formatOf(source), connection.catalogue(), serdes,
                connection.clientProperties(), ingestSettings.transactionRecords(), Clock.systemUTC(), connectorMetrics(source));
        try {
            return ingestion.ingest(file, new ReadContext(file.getFileName().toString(), charset, pseudonymizer),
                    force, progress);
        } catch (InputFormatException e) {
            throw new UserException(UserException.aboutFile(file, e.getMessage()), e);
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Publishes what the OuiForm REST API holds beyond the last committed position, exactly once
     * (one transaction per page with its checkpoint); an interrupted pass resumes.
     */
    public IngestSummary ingestApi(OuiFormApiClient client, Pseudonymizer pseudonymizer) {
        return new ApiIngestion(client, connection.catalogue(), serdes, connection.clientProperties(), API_PAGE,
                Clock.systemUTC(), connectorMetrics(Source.OUIFORM)).ingest(pseudonymizer);
    }

    /**
     * Watches a drop directory: every complete file dropped into it is published exactly once, then moved to
     * {@code done/}, or to {@code failed/} with the reason when the file is unusable. Runs until closed.
     */
    public DropDirectoryService watch(Source source, Path dir, Charset charset, Pseudonymizer pseudonymizer,
            DropDirectoryService.Listener listener) {
        if (!Files.isDirectory(dir)) {
            throw new UserException("no such directory: " + dir);
        }
        FileIngestion ingestion = new FileIngestion(formatOf(source), connection.catalogue(), serdes,
                connection.clientProperties(), ingestSettings.transactionRecords(), Clock.systemUTC(), connectorMetrics(source));
        try {
            connectorMetrics(source).watchFailedDirectory(dir.resolve(DropDirectoryService.FAILED));
            return DropDirectoryService.start(dir,
                    file -> ingestion.ingest(file, new ReadContext(file.getFileName().toString(), charset, pseudonymizer),
                            false, done -> { }),
                    listener, DropDirectoryService.Settings.defaults());
        } catch (IOException e) {
            throw new UserException("cannot watch " + dir + ": " + e.getMessage(), e);
        }
    }

    /** This process's metrics registry: the connectors' counters, and the consolidation's once started. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** One set of meters per connector for the life of the process (gauges register once). */
    private synchronized IngestMetrics connectorMetrics(Source source) {
        return connectorMetrics.computeIfAbsent(source, s -> IngestMetrics.of(registry, formatOf(s)));
    }

    /** Validates the whole targets file, then publishes it; nothing is published if a line is wrong. */
    public int loadTargets(Path file) {
        try {
            TargetsFile.Parsed parsed = TargetsFile.read(file);
            if (!parsed.valid()) {
                throw new UserException(file.getFileName() + " has " + parsed.errors().size()
                        + " error(s), nothing was loaded:\n  " + String.join("\n  ", parsed.errors()));
            }
            TargetsLoader.publish(parsed.targets(), connection.catalogue(), serdes, connection.clientProperties());
            return parsed.targets().size();
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The consolidation registers the schemas of the topics it owns (its changelogs and repartition
     * topics, whose names derive from its application id); the registry still refuses an
     * incompatible change.
     */
    public Topology consolidationTopology(ProgressSettings progress, int recentSessions) {
        return ConsolidationTopology.build(new ConsolidationConfig(connection.catalogue(), progress, recentSessions),
                connection.serdes(true));
    }

    /** Starts the consolidation application with the default run settings and waits until it runs. */
    public ConsolidationApp startConsolidation(String applicationId, Path stateDir, ProgressSettings progress) {
        return startConsolidation(StreamsAppConfig.defaults(applicationId, connection.clientProperties(), stateDir),
                progress);
    }

    /** Starts the consolidation application and waits until it runs. */
    public ConsolidationApp startConsolidation(StreamsAppConfig config, ProgressSettings progress) {
        return new ConsolidationApp(consolidationTopology(progress, config.recentSessions()), config).start(STARTUP);
    }

    /** A consolidation instance with its REST API, dashboard and metrics. */
    public record Served(ConsolidationApp app, Serving serving) implements AutoCloseable {
        @Override
        public void close() {
            serving.close();
            app.close();
        }
    }

    /**
     * Starts the consolidation with its REST API, dashboard and metrics; the server listens before
     * the state is restored, so health and readiness answer during a restore.
     */
    public Served startServed(StreamsAppConfig config, ProgressSettings progress, ServingConfig serving) {
        ServingConfig listen = Serving.withConcretePort(serving);
        StreamsAppConfig withServer = config.withApplicationServer(listen.advertisedHost() + ":" + listen.port());
        ConsolidationMetrics metrics = new ConsolidationMetrics(registry).bindClosedMonth(progress::latestClosedMonth);
        Topology topology = consolidationTopology(progress, config.recentSessions());
        ConsolidationApp app = new ConsolidationApp(topology, withServer);
        Serving server = Serving.start(listen, app.streams(), connection.clientProperties(),
                config.applicationId(), CatchUp.inputTopicsOf(topology, config.applicationId()), metrics, progress,
                connection.catalogue(), connection.serdes(true));
        try {
            app.start(STARTUP);
        } catch (RuntimeException e) {
            server.close();
            app.close();
            throw e;
        }
        return new Served(app, server);
    }

    /**
     * Waits until the consolidation has processed everything published so far, detected from
     * committed offsets (never from elapsed time); {@code lag} is told what remains.
     */
    public void awaitCaughtUp(ConsolidationApp app, LongConsumer lag) throws InterruptedException {
        String applicationId = app.config().applicationId();
        try (Admin admin = Admin.create(connection.clientProperties())) {
            CatchUp catchUp = new CatchUp(admin, applicationId,
                    CatchUp.inputTopicsOf(consolidationTopology(ProgressSettings.defaults(),
                            ConsolidationConfig.DEFAULT_RECENT_SESSIONS), applicationId));
            while (true) {
                if (app.failure() != null) {
                    throw new UserException("the consolidation stopped: " + app.failure().getMessage(), app.failure());
                }
                Map<?, Long> remaining = catchUp.lag(Duration.ofSeconds(30));
                lag.accept(remaining.values().stream().mapToLong(Long::longValue).sum());
                if (remaining.isEmpty()) {
                    return;
                }
                // offsets move once per commit: looking more often than that only loads the broker
                Thread.sleep(Math.max(100, app.config().commitInterval().toMillis() / 4));
            }
        }
    }

    /** Writes the four SPEC §6 exports from the pipeline's topics. */
    public Exports.Snapshot export(Path dir, LocalDate asOf, ProgressCalculator calculator) {
        Exports.Snapshot snapshot = SnapshotReader.read(connection.clientProperties(), connection.catalogue(), serdes);
        try {
            Exports.write(snapshot, asOf, calculator, dir);
        } catch (IOException e) {
            throw new UserException("cannot write the exports into " + dir + ": " + e.getMessage(), e);
        }
        return snapshot;
    }
}
