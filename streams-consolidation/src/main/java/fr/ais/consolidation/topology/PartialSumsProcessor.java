package fr.ais.consolidation.topology;

import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.internals.Change;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * Sums the signed deltas of one task per row (aggregate or quality cell) between two commits, and sends
 * each row's sum once per commit instead of every delta: a prescription's retract and add on one row,
 * and the many prescriptions a bulk load adds to one (region, month, network, age band), become one
 * record on the repartition topic that follows. The totals downstream are the same, since they only add.
 *
 * <p>How it stays exactly-once: the store keeps, per row, the sum of every delta this task has seen since
 * it started, in Kafka Streams' record cache over an in-memory store, with no changelog. The cache is
 * flushed in the task's commit, inside its transaction (as a DSL aggregation's cache is), and the flush
 * listener forwards, per row written since the last flush, the new sum minus the one flushed before. Only
 * differences leave, so the base the sums start from is irrelevant: after a crash, a restore or a
 * rebalance the store starts empty, the uncommitted deltas are processed again from the committed
 * offsets, and each is sent once. A delta is never held past a commit (the flush is part of it), so
 * nothing needs restoring and latency is unchanged: the deltas reached the next stage only after the
 * commit before, too.
 *
 * <p>Kafka Streams has no public hook into a processor's commit; this uses the one its own
 * aggregations use (the record cache's flush listener, internal API of Kafka Streams 4.3), kept to
 * this class. Without a cache (store built without it) each delta is forwarded as it comes.
 */
final class PartialSumsProcessor<K, V> implements Processor<K, V, K, V> {

    private final String storeName;
    private final V zero;
    private final BinaryOperator<V> plus;
    private final UnaryOperator<V> negate;
    private KeyValueStore<K, V> sums;
    private ProcessorContext<K, V> context;
    private boolean cached;

    private PartialSumsProcessor(String storeName, V zero, BinaryOperator<V> plus, UnaryOperator<V> negate) {
        this.storeName = storeName;
        this.zero = zero;
        this.plus = plus;
        this.negate = negate;
    }

    /**
     * The processor with its store: a record cache over an in-memory store, no changelog (see above).
     *
     * @param zero   the sum of no delta
     * @param plus   two deltas added
     * @param negate a delta's opposite
     */
    static <K, V> ProcessorSupplier<K, V, K, V> supplier(String storeName, Serde<K> keySerde, Serde<V> valueSerde,
            V zero, BinaryOperator<V> plus, UnaryOperator<V> negate) {
        StoreBuilder<KeyValueStore<K, V>> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(storeName), keySerde, valueSerde)
                .withCachingEnabled()
                .withLoggingDisabled();
        return new ProcessorSupplier<>() {
            @Override
            public Processor<K, V, K, V> get() {
                return new PartialSumsProcessor<>(storeName, zero, plus, negate);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(store);
            }
        };
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void init(ProcessorContext<K, V> context) {
        this.context = context;
        this.sums = context.getStateStore(storeName);
        cached = ((WrappedStateStore) sums).setFlushListener(new Forwarder(context), true);
    }

    @Override
    public void process(Record<K, V> delta) {
        if (!cached) {
            context.forward(delta);
            return;
        }
        V sum = sums.get(delta.key());
        sums.put(delta.key(), plus.apply(sum == null ? zero : sum, delta.value()));
    }

    /** On a flush of the cache (commit, or eviction): the row's sum since the previous flush, if not zero. */
    private final class Forwarder implements CacheFlushListener<K, V> {

        private final InternalProcessorContext<K, V> internal;
        private final ProcessorNode<?, ?, ?, ?> node;

        Forwarder(ProcessorContext<K, V> context) {
            this.internal = (InternalProcessorContext<K, V>) context;
            this.node = internal.currentNode();
        }

        @Override
        public void apply(Record<K, Change<V>> row) {
            V before = row.value().oldValue == null ? zero : row.value().oldValue;
            V delta = plus.apply(row.value().newValue, negate.apply(before));
            if (delta.equals(zero)) {
                return;
            }
            // a flush runs outside this processor's process(): forward as this node, as Kafka Streams' own do
            ProcessorNode<?, ?, ?, ?> previous = internal.currentNode();
            internal.setCurrentNode(node);
            try {
                internal.forward(row.withValue(delta));
            } finally {
                internal.setCurrentNode(previous);
            }
        }
    }
}
