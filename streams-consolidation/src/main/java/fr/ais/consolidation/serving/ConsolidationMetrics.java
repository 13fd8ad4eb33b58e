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
import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.schemas.ProgressStatus;
import io.micrometer.core.instrument.Gauge;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's Prometheus metrics: Kafka Streams' own, the JVM's, and the pipeline's figures
 * (progress of each region in the latest closed month, the month the alerts compare; dead letters;
 * alerts). The figures come from the instance's local stores only and are refreshed at each scrape:
 * every key lives on one instance, so summing the instances in Prometheus never counts a key twice
 * and {@code max by (region, objective)} gives the one value; and the stores are written in the
 * topology's transactions, so no figure counts what an aborted commit did.
 *
 * <p>{@value #STATUS} is the status as a number, 0 ON_TRACK, 1 AT_RISK, 2 BEHIND, so that it can be
 * compared, maxed and alerted on ({@code == 2}: BEHIND; an increase: worsening).
 */
public final class ConsolidationMetrics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsolidationMetrics.class);

    public static final String STATUS = "ais.progress.status";

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final MultiGauge progressRatio;
    private final MultiGauge progressActual;
    private final MultiGauge progressTarget;
    private final MultiGauge regionsByStatus;
    private final MultiGauge progressStatus;
    private final MultiGauge deadLetters;
    private final MultiGauge prescriptions;
    private final MultiGauge qualityFlagged;
    private final Counter refreshFailures;
    private final Map<Tags, AtomicLong> alertCounts = new HashMap<>();
    private KafkaStreamsMetrics streamsMetrics;
    private FigureQueries queries;
    private volatile Supplier<YearMonth> closedMonth = ProgressSettings.defaults()::latestClosedMonth;
    private volatile KafkaStreams streams;

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
                .description("Cumulative actual / cumulative target of the latest closed month").register(registry);
        progressStatus = MultiGauge.builder(STATUS)
                .description("Status of the latest closed month: 0 ON_TRACK, 1 AT_RISK, 2 BEHIND").register(registry);
        progressActual = MultiGauge.builder("ais.progress.actual.cumulative")
                .description("Training entries since January, through the latest closed month").register(registry);
        progressTarget = MultiGauge.builder("ais.progress.target.cumulative")
                .description("Cumulative target through the latest closed month").register(registry);
        regionsByStatus = MultiGauge.builder("ais.progress.regions")
                .description("Regions per objective and status of the latest closed month").register(registry);
        Gauge.builder("ais.progress.closed.month", this, m -> {
                    YearMonth month = m.closedMonth.get();
                    return month.getYear() * 100 + month.getMonthValue();
                }).description("The latest closed month the progress figures and the alerts are about, as yyyymm")
                .register(registry);
        Gauge.builder("ais.streams.running", this, m -> m.streams != null
                        && m.streams.state() == KafkaStreams.State.RUNNING ? 1 : 0)
                .description("1 when the Kafka Streams application is RUNNING (0: rebalancing, restoring, stopped, failed)")
                .register(registry);
        Gauge.builder("ais.streams.alive.threads", this, m -> m.streams == null ? 0
                        : m.streams.metadataForLocalThreads().stream()
                                .filter(t -> !"DEAD".equals(t.threadState()) && !"PENDING_SHUTDOWN".equals(t.threadState()))
                                .count())
                .description("Stream threads of this instance that are alive").register(registry);
        Gauge.builder("ais.consolidation.caught.up", this, ConsolidationMetrics::caughtUp)
                .description("1 when this instance has processed every input record published (readiness), 0 when"
                        + " behind, NaN when unknown").register(registry);
        deadLetters = MultiGauge.builder("ais.dead.letters")
                .description("Rejected source records per source and reason").register(registry);
        prescriptions = MultiGauge.builder("ais.prescriptions")
                .description("Consolidated prescriptions entered since January, through the latest closed month, per"
                        + " region and network").register(registry);
        qualityFlagged = MultiGauge.builder("ais.quality.flagged")
                .description("Of those, prescriptions carrying a quality flag, per region and flag").register(registry);
        refreshFailures = Counter.builder("ais.metrics.refresh.failures")
                .description("Scrapes that could not read the stores (figures kept from the previous scrape)")
                .register(registry);
    }

    /** Adds Kafka Streams' client, thread, task and store metrics. */
    public synchronized ConsolidationMetrics bindStreams(KafkaStreams streams) {
        this.streams = streams;
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        return this;
    }

    /** Reads the pipeline's figures from these queries (their local-only view) at each scrape. */
    public synchronized ConsolidationMetrics bindQueries(FigureQueries figures) {
        this.queries = figures.localOnly();
        return this;
    }

    /**
     * The month the progress figures are about: the latest closed month of the progress settings, the one the
     * alerts compare ({@code ProgressSettings::latestClosedMonth}); by default that of today in Europe/Paris.
     */
    public ConsolidationMetrics bindClosedMonth(Supplier<YearMonth> month) {
        this.closedMonth = month;
        return this;
    }

    private double caughtUp() {
        FigureQueries figures;
        synchronized (this) {
            figures = queries;
        }
        if (figures == null) {
            return Double.NaN;
        }
        try {
            Boolean caughtUp = figures.readiness().caughtUp();
            return caughtUp == null ? Double.NaN : caughtUp ? 1 : 0;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
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
        refreshing(this::refreshYearToDate);
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
        YearMonth month = closedMonth.get();
        List<FigureQueries.ProgressRow> latest = queries.progress(null, month.getYear()).stream()
                .filter(p -> p.month() == month.getMonthValue()).toList();
        progressStatus.register(latest.stream()
                .map(p -> MultiGauge.Row.of(regionTags(p), severity(p.status()))).toList(), true);
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

    /** The network split and the quality flags of the closed month's year, January through the closed month. */
    private void refreshYearToDate() {
        YearMonth month = closedMonth.get();
        String first = YearMonth.of(month.getYear(), 1).toString();
        String last = month.toString();
        Map<Tags, Long> byNetwork = queries.aggregates(null, null).stream()
                .filter(a -> a.month().compareTo(first) >= 0 && a.month().compareTo(last) <= 0)
                .collect(Collectors.groupingBy(a -> Tags.of("region", a.region(), "network", a.network()),
                        Collectors.summingLong(FigureQueries.AggregateRow::prescriptions)));
        prescriptions.register(byNetwork.entrySet().stream()
                .map(e -> MultiGauge.Row.of(e.getKey(), e.getValue())).toList(), true);
        Map<Tags, Long> flagged = new HashMap<>();
        queries.quality(null, null).stream()
                .filter(q -> q.month().compareTo(first) >= 0 && q.month().compareTo(last) <= 0)
                .forEach(q -> {
                    flagged.merge(Tags.of("region", q.region(), "flag", "pe_prescriber_not_filled"), q.pePrescriberNotFilled(), Long::sum);
                    flagged.merge(Tags.of("region", q.region(), "flag", "attribution_inferred"), q.attributionInferred(), Long::sum);
                    flagged.merge(Tags.of("region", q.region(), "flag", "attribution_conflict"), q.attributionConflict(), Long::sum);
                    flagged.merge(Tags.of("region", q.region(), "flag", "unattributed"), q.unattributed(), Long::sum);
                    flagged.merge(Tags.of("region", q.region(), "flag", "ml_age_out_of_scope"), q.mlAgeOutOfScope(), Long::sum);
                });
        qualityFlagged.register(flagged.entrySet().stream()
                .map(e -> MultiGauge.Row.of(e.getKey(), e.getValue())).toList(), true);
    }

    /** 0 ON_TRACK, 1 AT_RISK, 2 BEHIND: the order the alerts compare statuses in. */
    static int severity(String status) {
        return switch (ProgressStatus.valueOf(status)) {
            case ON_TRACK -> 0;
            case AT_RISK -> 1;
            case BEHIND -> 2;
        };
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
