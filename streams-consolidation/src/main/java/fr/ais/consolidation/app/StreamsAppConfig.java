package fr.ais.consolidation.app;

import fr.ais.consolidation.topology.ConsolidationConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the consolidation application runs (not what it computes: that is the topology's config,
 * {@link ConsolidationConfig}, which whoever builds the topology gives {@link #recentSessions}).
 *
 * @param applicationId     Kafka Streams application id: the consumer group and internal topic prefix
 * @param clientProperties  bootstrap servers and client security settings, passed through
 * @param stateDir          where RocksDB state lives; kept across restarts (no clean-up on start)
 * @param streamThreads     stream threads of this instance
 * @param commitInterval    how often a transaction commits (EOS v2)
 * @param replicationFactor replication factor of the internal topics
 * @param blockCacheBytes   RocksDB block cache shared by all stores of the instance
 * @param writeBufferBytes  RocksDB memtable budget shared by all stores of the instance
 * @param recentSessions    sessions per stream task whose state the session grouping also keeps in
 *                          memory, to skip reading them back from RocksDB (0: none)
 * @param applicationServer host:port this instance serves interactive queries on, or null
 */
public record StreamsAppConfig(
        String applicationId,
        Map<String, Object> clientProperties,
        Path stateDir,
        int streamThreads,
        Duration commitInterval,
        int replicationFactor,
        long blockCacheBytes,
        long writeBufferBytes,
        int recentSessions,
        String applicationServer) {

    public StreamsAppConfig {
        Objects.requireNonNull(applicationId, "applicationId");
        clientProperties = Map.copyOf(clientProperties);
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(commitInterval, "commitInterval");
        if (recentSessions < 0) {
            throw new IllegalArgumentException("recentSessions must not be negative: " + recentSessions);
        }
    }

    /** The same configuration, serving interactive queries on {@code hostAndPort}. */
    public StreamsAppConfig withApplicationServer(String hostAndPort) {
        return new StreamsAppConfig(applicationId, clientProperties, stateDir, streamThreads, commitInterval,
                replicationFactor, blockCacheBytes, writeBufferBytes, recentSessions, hostAndPort);
    }

    /**
     * Defaults for a small machine: one thread, 64 MiB block cache holding 32 MiB of memtables, and
     * 1 s commits: every commit flushes each store, and figures piloted monthly need no 100 ms latency.
     */
    public static StreamsAppConfig defaults(String applicationId, Map<String, Object> clientProperties, Path stateDir) {
        return new StreamsAppConfig(applicationId, clientProperties, stateDir, 1, Duration.ofSeconds(1), 1,
                64L << 20, 32L << 20, ConsolidationConfig.DEFAULT_RECENT_SESSIONS, null);
    }
}
