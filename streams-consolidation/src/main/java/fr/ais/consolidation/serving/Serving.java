package fr.ais.consolidation.serving;

import fr.ais.consolidation.app.CatchUp;
import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.AvroSerdeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serving one running consolidation instance: its {@link ApiServer} (REST API, dashboard, probes,
 * metrics) over its {@link InteractiveFigureQueries} (answering for every key by asking the other
 * instances), readiness from the consumer lag, and its {@link ConsolidationMetrics} bound to its
 * Kafka Streams client.
 */
public final class Serving implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Serving.class);

    private final Admin admin;
    private final ApiServer server;
    private final ConsolidationMetrics metrics;
    private final TopicFollower follower;

    private Serving(Admin admin, ApiServer server, ConsolidationMetrics metrics, TopicFollower follower) {
        this.admin = admin;
        this.server = server;
        this.metrics = metrics;
        this.follower = follower;
    }

    /**
     * The serving address with a free port chosen when the configured one is 0: it must be known
     * before Kafka Streams starts, which tells it to the other instances ({@code application.server}).
     */
    public static ServingConfig withConcretePort(ServingConfig config) {
        if (config.port() != 0) {
            return config;
        }
        try {
            return config.withPort(Ports.freePort(InetAddress.getByName(config.host()), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + config.host(), e);
        }
    }

    /**
     * Starts serving {@code streams} (created, started or not).
     *
     * @param config           where to listen (a concrete port, see {@link #withConcretePort})
     * @param clientProperties to read the input offsets for readiness
     * @param applicationId    the application's id
     * @param inputTopics      what it reads (see {@link CatchUp#inputTopicsOf})
     * @param metrics          the metrics registry of the instance (alerts counted into it elsewhere)
     * @param progress         the as-of date and thresholds of the topology (the pilots' view)
     * @param catalogue        the topics of the alerts, events and checkpoints the pilots' view follows
     * @param serdes           their serdes
     */
    public static Serving start(ServingConfig config, KafkaStreams streams, Map<String, Object> clientProperties,
            String applicationId, Set<String> inputTopics, ConsolidationMetrics metrics, ProgressSettings progress,
            TopicCatalogue catalogue, AvroSerdeFactory serdes) {
        Admin admin = Admin.create(clientProperties);
        CatchUp catchUp = new CatchUp(admin, applicationId, inputTopics);
        InteractiveFigureQueries queries = new InteractiveFigureQueries(streams,
                // prescriptions by group id live in their session's task, not where the group id hashes to:
                // a lookup asks every instance
                new HostInfo(config.advertisedHost(), config.port()), null,
                new PeerClient(config.token(), Duration.ofSeconds(5), config.tls()), () -> {
                    try {
                        return catchUp.caughtUp(Duration.ofSeconds(2));
                    } catch (IllegalStateException e) {
                        LOG.debug("readiness unknown: {}", e.getMessage());
                        return null;
                    }
                });
        metrics.bindStreams(streams).bindQueries(queries);
        TopicFollower follower = TopicFollower.start(clientProperties, catalogue, serdes);
        try {
            return new Serving(admin, new ApiServer(config, queries, metrics, progress, follower).start(), metrics,
                    follower);
        } catch (IOException e) {
            follower.close();
            admin.close();
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port(), e);
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8088}. */
    public String url() {
        return server.url();
    }

    public ConsolidationMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        server.close();
        follower.close();
        metrics.close();
        admin.close(Duration.ofSeconds(5));
    }
}
