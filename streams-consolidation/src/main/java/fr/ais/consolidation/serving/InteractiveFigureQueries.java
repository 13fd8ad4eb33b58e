package fr.ais.consolidation.serving;

import com.fasterxml.jackson.core.type.TypeReference;
import fr.ais.consolidation.topology.StoreNames;
import fr.ais.schemas.AggregateKey;
import fr.ais.schemas.AggregateValue;
import fr.ais.schemas.ConsolidatedPrescription;
import fr.ais.schemas.ConsolidatedPrescriptionKey;
import fr.ais.schemas.Progress;
import fr.ais.schemas.ProgressKey;
import fr.ais.schemas.QualityCounts;
import fr.ais.schemas.QualityKey;
import fr.ais.schemas.Target;
import fr.ais.schemas.TargetKey;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interactive queries over the application's stores. Whole-store queries read the local active
 * stores and fan out to every other instance's {@code /internal/...} endpoint (each answers from
 * its own active stores only, so no key is counted twice); a single prescription is read where
 * Kafka Streams says its key lives.
 */
public final class InteractiveFigureQueries implements FigureQueries {

    private static final Logger LOG = LoggerFactory.getLogger(InteractiveFigureQueries.class);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final Serializer<ConsolidatedPrescriptionKey> prescriptionKeySerializer;
    private final PeerClient peers;
    private final Supplier<Boolean> caughtUp;
    private final FigureQueries local = new Local();

    /**
     * @param streams                   the running application
     * @param self                      this instance's {@code application.server}; null when it runs alone
     * @param prescriptionKeySerializer serializer of the consolidated store's keys (the topology's key
     *                                  serde), to find the instance owning a group id; null: ask every instance
     * @param peers                     client of the other instances (unused when {@code self} is null)
     * @param caughtUp                  whether the inputs are all processed (e.g. {@code CatchUp::caughtUp});
     *                                  null or returning null: unknown
     */
    public InteractiveFigureQueries(KafkaStreams streams, HostInfo self,
            Serializer<ConsolidatedPrescriptionKey> prescriptionKeySerializer, PeerClient peers,
            Supplier<Boolean> caughtUp) {
        this.streams = streams;
        this.self = self;
        this.prescriptionKeySerializer = prescriptionKeySerializer;
        this.peers = peers;
        this.caughtUp = caughtUp;
    }

    @Override
    public FigureQueries localOnly() {
        return local;
    }

    @Override
    public List<AggregateRow> aggregates(String region, String month) {
        return fanOut(StoreNames.AGGREGATES, () -> local.aggregates(region, month),
                "/internal/aggregates" + query("region", region, "month", month), new TypeReference<>() { });
    }

    @Override
    public List<ProgressRow> progress(String region, Integer year) {
        return fanOut(StoreNames.PROGRESS, () -> local.progress(region, year),
                "/internal/progress" + query("region", region, "year", year == null ? null : year.toString()),
                new TypeReference<>() { });
    }

    @Override
    public List<TargetRow> targets(String region, Integer year) {
        return fanOut(StoreNames.TARGETS, () -> local.targets(region, year),
                "/internal/targets" + query("region", region, "year", year == null ? null : year.toString()),
                new TypeReference<>() { });
    }

    @Override
    public List<EntryRow> entries(String fromMonth, String toMonth) {
        return fanOut(StoreNames.CONSOLIDATED, () -> local.entries(fromMonth, toMonth),
                "/internal/entries" + query("from", fromMonth, "to", toMonth), new TypeReference<>() { });
    }

    @Override
    public List<QualityRow> quality(String region, String month) {
        return fanOut(StoreNames.QUALITY, () -> local.quality(region, month),
                "/internal/quality" + query("region", region, "month", month), new TypeReference<>() { });
    }

    @Override
    public List<DeadLetterCount> deadLetterCounts() {
        return fanOut(StoreNames.DEAD_LETTER_COUNTS, local::deadLetterCounts, "/internal/dead-letters",
                new TypeReference<>() { });
    }

    @Override
    public List<AlertCount> alertCounts() {
        return local.alertCounts(); // for the metrics, which report each instance's own
    }

    @Override
    public Optional<PrescriptionView> prescription(String groupId) {
        if (self == null) {
            return local.prescription(groupId);
        }
        String path = "/internal/prescriptions/" + URLEncoder.encode(groupId, StandardCharsets.UTF_8).replace("+", "%20");
        if (prescriptionKeySerializer == null) {
            for (StreamsMetadata instance : instancesOf(StoreNames.CONSOLIDATED)) {
                Optional<PrescriptionView> found = instance.hostInfo().equals(self) ? local.prescription(groupId)
                        : peers.get(instance.hostInfo(), path, new TypeReference<PrescriptionView>() { });
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        KeyQueryMetadata owner = streams.queryMetadataForKey(StoreNames.CONSOLIDATED,
                new ConsolidatedPrescriptionKey(groupId), prescriptionKeySerializer);
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new QueryUnavailableException("no instance holds " + StoreNames.CONSOLIDATED + " now");
        }
        return owner.activeHost().equals(self) ? local.prescription(groupId)
                : peers.get(owner.activeHost(), path, new TypeReference<>() { });
    }

    @Override
    public Readiness readiness() {
        Boolean done = null;
        KafkaStreams.State state = streams.state();
        if (caughtUp != null && state == KafkaStreams.State.RUNNING) {
            try {
                done = caughtUp.get();
            } catch (RuntimeException e) {
                // unknown rather than not ready: the offsets may just be unreadable for a moment
                LOG.debug("cannot tell whether the application has caught up: {}", e.getMessage());
            }
        }
        return new Readiness(state.name(), done);
    }

    private <T> List<T> fanOut(String store, Supplier<List<T>> localRows, String internalPath,
            TypeReference<List<T>> type) {
        if (self == null) {
            return localRows.get();
        }
        List<T> rows = new ArrayList<>();
        for (StreamsMetadata instance : instancesOf(store)) {
            if (instance.hostInfo().equals(self)) {
                rows.addAll(localRows.get());
            } else {
                rows.addAll(peers.get(instance.hostInfo(), internalPath, type).orElse(List.of()));
            }
        }
        return rows;
    }

    private Collection<StreamsMetadata> instancesOf(String store) {
        Collection<StreamsMetadata> instances = streams.streamsMetadataForStore(store);
        if (instances.isEmpty()) {
            throw new QueryUnavailableException("no instance holds " + store + " now (state " + streams.state() + ")");
        }
        return instances;
    }

    private static String query(String... namesAndValues) {
        StringJoiner joiner = new StringJoiner("&", "?", "").setEmptyValue("");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                joiner.add(namesAndValues[i] + "=" + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
            }
        }
        return joiner.toString();
    }

    private <K, V> ReadOnlyKeyValueStore<K, V> store(String name) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new QueryUnavailableException("store " + name + " is not queryable now: " + e.getMessage(), e);
        }
    }

    private <K, V, R> List<R> scan(String name, Predicate<K> keep, BiFunction<K, V, R> row) {
        ReadOnlyKeyValueStore<K, V> store = store(name);
        List<R> rows = new ArrayList<>();
        try (KeyValueIterator<K, V> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<K, V> entry = all.next();
                if (entry.value != null && keep.test(entry.key)) {
                    rows.add(row.apply(entry.key, entry.value));
                }
            }
        } catch (InvalidStateStoreException e) {
            throw new QueryUnavailableException("store " + name + " moved during the query: " + e.getMessage(), e);
        }
        return rows;
    }

    private static boolean matches(String filter, String value) {
        return filter == null || filter.equals(value);
    }

    /** Reads this instance's active stores only. */
    private final class Local implements FigureQueries {

        @Override
        public List<AggregateRow> aggregates(String region, String month) {
            return InteractiveFigureQueries.this.<AggregateKey, AggregateValue, AggregateRow>scan(StoreNames.AGGREGATES,
                    k -> matches(region, k.getRegion()) && matches(month, k.getMonth()),
                    (k, v) -> new AggregateRow(k.getRegion(), k.getMonth(), k.getNetwork().name(),
                            k.getAgeBand().name(), v.getPrescriptions()));
        }

        @Override
        public List<ProgressRow> progress(String region, Integer year) {
            return InteractiveFigureQueries.this.<ProgressKey, Progress, ProgressRow>scan(StoreNames.PROGRESS,
                    k -> matches(region, k.getRegion()) && (year == null || year == k.getYear()),
                    (k, v) -> new ProgressRow(v.getRegion(), v.getYear(), v.getMonth(), v.getObjective().name(),
                            v.getActualCumulative(), v.getTargetCumulative(), v.getRatio(), v.getStatus().name(),
                            v.getProvisional()));
        }

        @Override
        public List<TargetRow> targets(String region, Integer year) {
            return InteractiveFigureQueries.this.<TargetKey, Target, TargetRow>scan(StoreNames.TARGETS,
                    k -> matches(region, k.getRegion()) && (year == null || year == k.getYear()),
                    (k, v) -> new TargetRow(v.getRegion(), v.getYear(), v.getObjective().name(), v.getAnnualTarget(),
                            List.copyOf(v.getMonthlyProfile())));
        }

        @Override
        public List<EntryRow> entries(String fromMonth, String toMonth) {
            // the store is keyed by group id, not by month: every prescription is read, those out of range dropped
            return InteractiveFigureQueries.this.<ConsolidatedPrescriptionKey, ConsolidatedPrescription, EntryRow>scan(
                    StoreNames.CONSOLIDATED, k -> true,
                    (k, p) -> p.getMonth().compareTo(fromMonth) < 0 || p.getMonth().compareTo(toMonth) > 0 ? null
                            : new EntryRow(p.getEntryDate().toString(), p.getNetwork().name(), p.getMembers().stream()
                                    .map(m -> m.getSource().name() + "|" + m.getSourceKey()).toList()))
                    .stream().filter(java.util.Objects::nonNull).toList();
        }

        @Override
        public List<QualityRow> quality(String region, String month) {
            return InteractiveFigureQueries.this.<QualityKey, QualityCounts, QualityRow>scan(StoreNames.QUALITY,
                    k -> matches(region, k.getRegion()) && matches(month, k.getMonth()),
                    (k, v) -> new QualityRow(k.getRegion(), k.getMonth(), v.getPrescriptions(),
                            v.getPePrescriberNotFilled(), v.getAttributionInferred(), v.getAttributionConflict(),
                            v.getUnattributed(), v.getMlAgeOutOfScope()));
        }

        @Override
        public Optional<PrescriptionView> prescription(String groupId) {
            ReadOnlyKeyValueStore<ConsolidatedPrescriptionKey, ConsolidatedPrescription> store =
                    store(StoreNames.CONSOLIDATED);
            try {
                return Optional.ofNullable(store.get(new ConsolidatedPrescriptionKey(groupId)))
                        .map(InteractiveFigureQueries::view);
            } catch (InvalidStateStoreException e) {
                throw new QueryUnavailableException("store moved during the query: " + e.getMessage(), e);
            }
        }

        @Override
        public List<DeadLetterCount> deadLetterCounts() {
            // a count the re-delivery of a record moved to another reason stays at 0: a zero row, left out
            return InteractiveFigureQueries.this.<String, Long, DeadLetterCount>scan(StoreNames.DEAD_LETTER_COUNTS,
                    k -> true, (k, v) -> {
                        int bar = k.indexOf('|');
                        return bar < 0 ? new DeadLetterCount(k, "", v)
                                : new DeadLetterCount(k.substring(0, bar), k.substring(bar + 1), v);
                    }).stream().filter(count -> count.count() > 0).toList();
        }

        @Override
        public List<AlertCount> alertCounts() {
            return InteractiveFigureQueries.this.<String, Long, AlertCount>scan(StoreNames.ALERT_COUNTS, k -> true,
                    (k, v) -> {
                        String[] regionObjectiveKind = k.split("\\|", 3);
                        return new AlertCount(regionObjectiveKind[0], regionObjectiveKind[1], regionObjectiveKind[2], v);
                    });
        }

        @Override
        public Readiness readiness() {
            return InteractiveFigureQueries.this.readiness();
        }
    }

    static PrescriptionView view(ConsolidatedPrescription p) {
        Function<Object, String> name = o -> o == null ? null : o.toString();
        return new PrescriptionView(p.getGroupId(), p.getSessionNumber(), String.valueOf(p.getEntryDate()),
                p.getMonth(), p.getAgeAtEntry(), p.getAgeBand().name(), p.getNetwork().name(), p.getRegion(),
                p.getFlags().stream().map(Enum::name).toList(),
                p.getRepresentatives().stream().map(r -> new Representative(r.getSource().name(), r.getSourceKey(),
                        name.apply(r.getDeclaredNetwork()), r.getRegion())).toList(),
                p.getMembers().stream().map(m -> new Member(m.getSource().name(), m.getSourceKey(), m.getLive()))
                        .toList());
    }
}
