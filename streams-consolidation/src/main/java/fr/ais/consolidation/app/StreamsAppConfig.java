package fr.ais.consolidation.app;

import fr.ais.consolidation.topology.ConsolidationConfig;
import fr.ais.platform.connection.KafkaConnection;
import fr.ais.settings.Setting;
import fr.ais.settings.SettingGroup;
import fr.ais.settings.Settings;
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
 * @param standbyReplicas   warm copies of each task's state kept by other instances, so that one taking over from
 *                          a lost instance has the state at hand rather than restoring it from the changelogs
 * @param instanceId        this instance's stable name in the consumer group (static membership), or null: restarted
 *                          after a crash with the same name, it takes its tasks back at once instead of waiting for the
 *                          group to expire the lost member (the session timeout, 45 s)
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
        String applicationServer,
        int standbyReplicas,
        String instanceId) {

    public static final SettingGroup SETTINGS = new SettingGroup("consolidation (Kafka Streams)");
    /** The application id under no namespace. */
    public static final String DEFAULT_APPLICATION_ID = "ais-consolidation";
    public static final Setting<String> APPLICATION_ID = SETTINGS.add(Setting.string("streams.application.id", "",
            "Kafka Streams application id of the consolidation (its consumer group and internal topics' prefix);"
                    + " not set: the topic namespace followed by " + DEFAULT_APPLICATION_ID + ".")
            .validatedBy(s -> s.matches("[A-Za-z0-9._-]*"), "letters, digits, '.', '_' or '-'"));
    public static final Setting<Path> STATE_DIR = SETTINGS.add(Setting.path("streams.state.dir", ".ais/streams",
            "Kafka Streams state directory, kept across restarts."));
    public static final Setting<Integer> THREADS = SETTINGS.add(Setting.integer("streams.threads", 1,
            "Stream threads of one consolidation instance.").validatedBy(n -> n >= 1 && n <= 64, "between 1 and 64"));
    public static final Setting<Long> COMMIT_INTERVAL_MS = SETTINGS.add(Setting.longValue("streams.commit.interval.ms",
            100, "Exactly-once commit interval: a stage's results reach the next stage and the topics at each commit,"
                    + " and a change crosses three stages, so a late record's row is updated about four intervals"
                    + " later (p99 0.5 s at 100 ms, 3.3 s at 1000 ms, docs/benchmarks.md); longer intervals make"
                    + " bulk catch-ups faster.")
            .validatedBy(n -> n >= 10, "at least 10 ms"));
    public static final Setting<Long> REPLAY_COMMIT_INTERVAL_MS = SETTINGS.add(Setting.longValue(
            "streams.replay.commit.interval.ms", 1000, "Commit interval of the consolidation in `ais replay` and"
                    + " `ais demo`: a bulk catch-up whose figures are read once it ends, so fewer, larger commits.")
            .validatedBy(n -> n >= 10, "at least 10 ms"));
    public static final Setting<Long> BLOCK_CACHE_BYTES = SETTINGS.add(Setting.longValue(
            "streams.rocksdb.block.cache.bytes", 64L << 20,
            "RocksDB block cache shared by every store of an instance (0: RocksDB's own defaults).")
            .validatedBy(n -> n >= 0, "non-negative"));
    public static final Setting<Long> WRITE_BUFFER_BYTES = SETTINGS.add(Setting.longValue(
            "streams.rocksdb.write.buffer.bytes", 32L << 20,
            "RocksDB memtable budget shared by every store, counted in the block cache.")
            .validatedBy(n -> n >= 1 << 20, "at least 1 MiB"));
    public static final Setting<Integer> RECENT_SESSIONS = SETTINGS.add(Setting.integer("streams.recent.sessions",
            ConsolidationConfig.DEFAULT_RECENT_SESSIONS, "Sessions per stream task whose state the consolidation"
                    + " also keeps in memory (~6 KiB each), so that a session changing again is not read back from"
                    + " RocksDB; 0: none.")
            .validatedBy(n -> n >= 0 && n <= 1_000_000, "between 0 and 1000000"));

    public static final Setting<Integer> STANDBY_REPLICAS = SETTINGS.add(Setting.integer("streams.standby.replicas", 0,
            "Warm copies of the consolidation's state each kept by another instance (Kafka Streams"
                    + " num.standby.replicas): with two instances or more, 1 lets one take over from a lost one without"
                    + " restoring the state from the changelogs first; 0 with a single instance.")
            .validatedBy(n -> n >= 0 && n <= 10, "between 0 and 10"));

    public static final Setting<String> INSTANCE_ID = SETTINGS.add(Setting.string("streams.instance.id", "",
            "Stable name of this consolidation instance in its consumer group (static membership, e.g. the pod name of"
                    + " a StatefulSet): restarted after a crash under the same name, it takes its tasks back at once"
                    + " instead of after the session timeout (45 s); empty: a new member at each start.")
            .validatedBy(s -> s.matches("[A-Za-z0-9._-]{0,200}"), "letters, digits, '.', '_' or '-'"));

    static {
        SETTINGS.check("streams.rocksdb.write.buffer.bytes must fit in streams.rocksdb.block.cache.bytes",
                s -> s.get(WRITE_BUFFER_BYTES) <= s.get(BLOCK_CACHE_BYTES) || s.get(BLOCK_CACHE_BYTES) == 0,
                WRITE_BUFFER_BYTES, BLOCK_CACHE_BYTES);
    }

    public StreamsAppConfig {
        Objects.requireNonNull(applicationId, "applicationId");
        clientProperties = Map.copyOf(clientProperties);
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(commitInterval, "commitInterval");
        if (recentSessions < 0) {
            throw new IllegalArgumentException("recentSessions must not be negative: " + recentSessions);
        }
        if (standbyReplicas < 0) {
            throw new IllegalArgumentException("standbyReplicas must not be negative: " + standbyReplicas);
        }
        if (instanceId != null && instanceId.isBlank()) {
            instanceId = null;
        }
    }

    /** Without standby replicas, a new group member at each start. */
    public StreamsAppConfig(String applicationId, Map<String, Object> clientProperties, Path stateDir,
            int streamThreads, Duration commitInterval, int replicationFactor, long blockCacheBytes,
            long writeBufferBytes, int recentSessions, String applicationServer) {
        this(applicationId, clientProperties, stateDir, streamThreads, commitInterval, replicationFactor,
                blockCacheBytes, writeBufferBytes, recentSessions, applicationServer, 0, null);
    }

    /** The same configuration, serving interactive queries on {@code hostAndPort}. */
    public StreamsAppConfig withApplicationServer(String hostAndPort) {
        return new StreamsAppConfig(applicationId, clientProperties, stateDir, streamThreads, commitInterval,
                replicationFactor, blockCacheBytes, writeBufferBytes, recentSessions, hostAndPort, standbyReplicas, instanceId);
    }

    /** From the {@link #SETTINGS}, on the cluster of the {@link KafkaConnection} settings. */
    public static StreamsAppConfig from(Settings settings) {
        KafkaConnection cluster = KafkaConnection.from(settings);
        return new StreamsAppConfig(applicationId(settings), cluster.clientProperties(), settings.get(STATE_DIR),
                settings.get(THREADS), Duration.ofMillis(settings.get(COMMIT_INTERVAL_MS)), cluster.replicationFactor(),
                settings.get(BLOCK_CACHE_BYTES), settings.get(WRITE_BUFFER_BYTES), settings.get(RECENT_SESSIONS), null,
                settings.get(STANDBY_REPLICAS), settings.get(INSTANCE_ID));
    }

    /**
     * The consolidation of a local run ({@code ais replay}, {@code ais demo}) on its own single broker: the
     * settings' threads, RocksDB budget and recent sessions, the replay's commit interval.
     */
    public static StreamsAppConfig forLocalRun(Settings settings, String applicationId,
            Map<String, Object> clientProperties, Path stateDir) {
        return new StreamsAppConfig(applicationId, clientProperties, stateDir, settings.get(THREADS),
                Duration.ofMillis(settings.get(REPLAY_COMMIT_INTERVAL_MS)), 1, settings.get(BLOCK_CACHE_BYTES),
                settings.get(WRITE_BUFFER_BYTES), settings.get(RECENT_SESSIONS), null);
    }

    /**
     * The application id the settings give: by default under the topic namespace, so that two namespaced
     * pipelines on one cluster never share internal topics nor a consumer group.
     */
    public static String applicationId(Settings settings) {
        String configured = settings.get(APPLICATION_ID);
        return configured.isEmpty() ? settings.get(KafkaConnection.TOPIC_NAMESPACE) + DEFAULT_APPLICATION_ID
                : configured;
    }

    /**
     * The settings' defaults, for a small machine: one thread, 64 MiB block cache holding 32 MiB of
     * memtables, and 1 s commits: every commit flushes each store, and figures piloted monthly need no
     * 100 ms latency.
     */
    public static StreamsAppConfig defaults(String applicationId, Map<String, Object> clientProperties, Path stateDir) {
        Settings defaults = Settings.defaults(SETTINGS);
        return new StreamsAppConfig(applicationId, clientProperties, stateDir, defaults.get(THREADS),
                Duration.ofMillis(defaults.get(COMMIT_INTERVAL_MS)), 1, defaults.get(BLOCK_CACHE_BYTES),
                defaults.get(WRITE_BUFFER_BYTES), defaults.get(RECENT_SESSIONS), null);
    }
}
