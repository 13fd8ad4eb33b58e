package fr.ais.consolidation.serving;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's Prometheus metrics: Kafka Streams' own, the JVM's, and the pipeline's figures
 * (progress of each region's latest month, dead letters, alerts). The figures come from the
 * instance's local stores only and are refreshed at each scrape: every key lives on one instance,
 * so summing the instances in Prometheus never counts a key twice; and the stores are written in
 * the topology's transactions, so no figure counts what an aborted commit did.
 */
public final class ConsolidationMetrics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsolidationMetrics.class);

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final MultiGauge progressRatio;
    private final MultiGauge progressActual;
    private final MultiGauge progressTarget;
    private final MultiGauge regionsByStatus;
    private final MultiGauge deadLetters;
    private final Counter refreshFailures;
    private final Map<Tags, AtomicLong> alertCounts = new HashMap<>();
    private KafkaStreamsMetrics streamsMetrics;
    private FigureQueries queries;

    public ConsolidationMetrics() {
        this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    public ConsolidationMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        progressRatio = MultiGauge.builder("ais.progress.ratio")
                .description("Cumulative actual / cumulative target of the region's latest month").register(registry);
        progressActual = MultiGauge.builder("ais.progress.actual.cumulative")
                .description("Training entries since January, through the region's latest month").register(registry);
        progressTarget = MultiGauge.builder("ais.progress.target.cumulative")
                .description("Cumulative target through the region's latest month").register(registry);
        regionsByStatus = MultiGauge.builder("ais.progress.regions")
                .description("Regions per objective and status of their latest month").register(registry);
        deadLetters = MultiGauge.builder("ais.dead.letters")
                .description("Rejected source records per source and reason").register(registry);
        refreshFailures = Counter.builder("ais.metrics.refresh.failures")
                .description("Scrapes that could not read the stores (figures kept from the previous scrape)")
                .register(registry);
    }

    /** Adds Kafka Streams' client, thread, task and store metrics. */
    public synchronized ConsolidationMetrics bindStreams(KafkaStreams streams) {
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        return this;
    }

    /** Reads the pipeline's figures from these queries (their local-only view) at each scrape. */
    public synchronized ConsolidationMetrics bindQueries(FigureQueries figures) {
        this.queries = figures.localOnly();
        return this;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Refreshes the pipeline's figures and renders everything in the Prometheus text format. */
    public String scrape() {
        refresh();
        return registry.scrape();
    }

    /**
     * Re-reads the figures, group by group (progress and alerts, dead letters): a group that cannot be
     * read now (rebalance, or not in the topology) keeps its previous figures and counts a failure without
     * holding back the other.
     */
    public synchronized void refresh() {
        if (queries == null) {
            return;
        }
        refreshing(() -> {
            refreshProgress();
            refreshAlerts();
        });
        refreshing(this::refreshDeadLetters);
    }

    private void refreshing(Runnable part) {
        try {
            part.run();
        } catch (QueryUnavailableException e) {
            refreshFailures.increment();
            LOG.debug("metrics keep their previous figures: {}", e.getMessage());
        }
    }

    private void refreshProgress() {
        List<FigureQueries.ProgressRow> latest = latestPerRegionAndObjective(queries.progress(null, null));
        progressRatio.register(latest.stream().filter(p -> p.ratio() != null)
                .map(p -> MultiGauge.Row.of(regionTags(p), p.ratio())).toList(), true);
        progressActual.register(latest.stream()
                .map(p -> MultiGauge.Row.of(regionTags(p), p.actualCumulative())).toList(), true);
        progressTarget.register(latest.stream()
                .map(p -> MultiGauge.Row.of(regionTags(p), p.targetCumulative())).toList(), true);
        Map<Tags, Long> byStatus = latest.stream().collect(Collectors.groupingBy(
                p -> Tags.of("objective", p.objective(), "status", p.status()), Collectors.counting()));
        regionsByStatus.register(byStatus.entrySet().stream()
                .map(e -> MultiGauge.Row.of(e.getKey(), e.getValue())).toList(), true);
    }

    /**
     * Alerts raised and cleared, as counted in the alert stage's store: in the transaction of each alert, so
     * an aborted commit or a restore never counts one twice. A count that moved to another instance
     * (rebalance) is removed here, so summing the instances never reports it twice.
     */
    private void refreshAlerts() {
        Map<Tags, Long> now = new HashMap<>();
        queries.alertCounts().forEach(c -> now.put(
                Tags.of("kind", c.kind(), "objective", c.objective(), "region", c.region()), c.count()));
        now.forEach((tags, count) -> alertCounts.computeIfAbsent(tags, t -> {
            AtomicLong value = new AtomicLong();
            FunctionCounter.builder("ais.alerts", value, AtomicLong::doubleValue)
                    .description("Alerts raised or cleared").tags(t).register(registry);
            return value;
        }).set(count));
        alertCounts.keySet().removeIf(tags -> {
            boolean gone = !now.containsKey(tags);
            if (gone) {
                registry.remove(registry.find("ais.alerts").tags(tags).functionCounter());
            }
            return gone;
        });
    }

    private void refreshDeadLetters() {
        deadLetters.register(queries.deadLetterCounts().stream().map(d -> MultiGauge.Row.of(
                Tags.of("source", d.source(), "reason", d.reason()), d.count())).toList(), true);
    }

    /** The row of the latest (year, month) of each region and objective. */
    static List<FigureQueries.ProgressRow> latestPerRegionAndObjective(List<FigureQueries.ProgressRow> rows) {
        Comparator<FigureQueries.ProgressRow> byTime = Comparator.comparingInt(FigureQueries.ProgressRow::year)
                .thenComparingInt(FigureQueries.ProgressRow::month);
        return new ArrayList<>(rows.stream().collect(Collectors.toMap(p -> p.region() + "|" + p.objective(),
                Function.identity(), (a, b) -> byTime.compare(a, b) >= 0 ? a : b, TreeMap::new)).values());
    }

    private static Tags regionTags(FigureQueries.ProgressRow p) {
        return Tags.of("region", p.region(), "objective", p.objective());
    }

    @Override
    public synchronized void close() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        gcMetrics.close();
        registry.close();
    }
}
