package fr.ais.consolidation.app;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a topology as a Kafka Streams application with exactly-once v2: lifecycle only, the
 * topology is built elsewhere by a pure function. State is kept across restarts (no clean-up on
 * start); an empty state directory is rebuilt from the changelogs.
 */
public final class ConsolidationApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsolidationApp.class);

    private final KafkaStreams streams;
    private final StreamsAppConfig config;
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Throwable failure;

    public ConsolidationApp(Topology topology, StreamsAppConfig config) {
        this.config = config;
        this.streams = new KafkaStreams(topology, streamsProperties(config));
        streams.setUncaughtExceptionHandler(this::onUncaughtException);
        streams.setStateListener((now, before) -> {
            LOG.info("consolidation {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
                running.countDown();
            }
        });
    }

    /** The Kafka Streams settings of the application, from its run configuration. */
    public static Properties streamsProperties(StreamsAppConfig config) {
        Properties props = new Properties();
        props.putAll(config.clientProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.replicationFactor());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.standbyReplicas());
        props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.NO_OPTIMIZATION);
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        if (config.blockCacheBytes() > 0) {
            props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class);
            props.put(BoundedRocksDbConfig.BLOCK_CACHE_BYTES, config.blockCacheBytes());
            props.put(BoundedRocksDbConfig.WRITE_BUFFER_BYTES, config.writeBufferBytes());
        }
        // a new application reads its topics from the start
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // the client properties may override these two; a commit a second sends many records per
        // partition, and fewer, larger batches cost the producer and the broker less (benchmarks.md)
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
        if (config.applicationServer() != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.applicationServer());
        }
        if (config.instanceId() != null) {
            // static membership: Kafka Streams suffixes it per stream thread
            props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                    config.applicationId() + "-" + config.instanceId());
        }
        return props;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public StreamsAppConfig config() {
        return config;
    }

    /** Starts processing and waits until the instance is RUNNING (state restored). */
    public ConsolidationApp start(Duration timeout) {
        streams.start();
        try {
            if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the consolidation did not reach RUNNING within " + timeout
                        + " (state " + streams.state() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the consolidation", e);
        }
        if (failure != null || streams.state() != KafkaStreams.State.RUNNING) {
            throw new IllegalStateException("the consolidation failed to start: " + streams.state(), failure);
        }
        return this;
    }

    /** The error that stopped the application, if any. */
    public Throwable failure() {
        return failure;
    }

    /** Blocks until the application stops (Ctrl-C, close or a fatal error). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    private StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse onUncaughtException(Throwable e) {
        StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse response = responseTo(e);
        if (response == StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD) {
            // its transaction is aborted: the new thread takes the tasks back from the last commit, nothing is lost
            LOG.warn("a stream thread stopped because the cluster could not be reached ({}); it is replaced and"
                    + " resumes from the last commit", rootMessage(e));
            return response;
        }
        LOG.error("consolidation stopped on an unexpected error", e);
        failure = e;
        return response;
    }

    /**
     * What to do with a stream thread stopped by {@code e}. The cluster out of reach for longer than the clients
     * wait (a broker restarting, a network cut: a {@link TimeoutException} or another {@link RetriableException}
     * under the transaction's error) is no fault of the data: the thread is replaced and tries again, so that the
     * consolidation recovers without an operator. Anything else is a processing error, deterministic: replacing
     * the thread would fail again on the same record, so the application stops.
     */
    static StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse responseTo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException || t instanceof TransactionAbortableException) {
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            }
        }
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * Stops processing, committing what was processed, and leaves the consumer group so that a
     * restarted or remaining instance takes the partitions back at once rather than after the
     * session timeout.
     */
    @Override
    public void close() {
        streams.close(org.apache.kafka.streams.CloseOptions
                .groupMembershipOperation(org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        stopped.countDown();
    }
}
