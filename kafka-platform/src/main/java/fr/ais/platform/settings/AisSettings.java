package fr.ais.platform.settings;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The pipeline's settings, in one place: what {@code ais config} prints and validates. */
public final class AisSettings {

    private AisSettings() {
    }

    public static final Setting<String> BOOTSTRAP_SERVERS = Setting.string("kafka.bootstrap.servers", "localhost:9092",
            "Kafka bootstrap servers; the default is the local stack of `ais stack`.")
            .validatedBy(s -> s.matches("[^,\\s]+:\\d+(,[^,\\s]+:\\d+)*"), "host:port[,host:port…]");
    public static final Setting<String> REGISTRY_URL = Setting.string("schema.registry.url", "http://localhost:8081",
            "Schema Registry URL (Confluent API; Apicurio: …/apis/ccompat/v7).")
            .validatedBy(s -> s.startsWith("http://") || s.startsWith("https://"), "an http(s) URL");
    public static final Setting<String> REGISTRY_PASSWORD = Setting.string("schema.registry.password", "",
            "Schema Registry basic-auth password.").secret();
    public static final Setting<String> TOPIC_NAMESPACE = Setting.string("topic.namespace", "",
            "Prefix of every topic name, to run several pipelines on one cluster.")
            .validatedBy(s -> s.matches("[A-Za-z0-9._-]*"), "letters, digits, '.', '_' or '-'");
    public static final Setting<Integer> REPLICATION_FACTOR = Setting.integer("topic.replication.factor", 1,
            "Replication factor of the topics the pipeline creates (3 in production).")
            .validatedBy(n -> n >= 1, "at least 1");
    public static final Setting<String> PSEUDONYM_KEY = Setting.string("pseudonym.key", "",
            "Secret key of the identifier pseudonyms, shared by the three connectors (at least 16 bytes).").secret()
            .validatedBy(s -> s.isEmpty() || s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= 16,
                    "at least 16 bytes");
    public static final Setting<String> OUIFORM_TOKEN = Setting.string("ouiform.token", "",
            "Bearer token of the OuiForm REST API (or a file through AIS_OUIFORM_TOKEN_FILE).").secret();
    public static final Setting<String> APPLICATION_ID = Setting.string("streams.application.id", "ais-consolidation",
            "Kafka Streams application id of the consolidation.")
            .validatedBy(s -> s.matches("[A-Za-z0-9._-]+"), "letters, digits, '.', '_' or '-'");
    public static final Setting<Path> STATE_DIR = Setting.of("streams.state.dir", ".ais/streams", Path::of,
            "Kafka Streams state directory, kept across restarts.");
    public static final Setting<Integer> STREAM_THREADS = Setting.integer("streams.threads", 1,
            "Stream threads of one consolidation instance.").validatedBy(n -> n >= 1 && n <= 64, "between 1 and 64");
    public static final Setting<Long> COMMIT_INTERVAL_MS = Setting.longValue("streams.commit.interval.ms", 1000,
            "Exactly-once commit interval: a stage's results reach the next stage and the topics at each commit.")
            .validatedBy(n -> n >= 10, "at least 10 ms");
    public static final Setting<Long> BLOCK_CACHE_BYTES = Setting.longValue("streams.rocksdb.block.cache.bytes",
            64L << 20, "RocksDB block cache shared by every store of an instance (0: RocksDB's own defaults).")
            .validatedBy(n -> n >= 0, "non-negative");
    public static final Setting<Long> WRITE_BUFFER_BYTES = Setting.longValue("streams.rocksdb.write.buffer.bytes",
            32L << 20, "RocksDB memtable budget shared by every store, counted in the block cache.")
            .validatedBy(n -> n >= 1 << 20, "at least 1 MiB");
    public static final Setting<Integer> RECENT_SESSIONS = Setting.integer("streams.recent.sessions", 2_000,
            "Sessions per stream task whose state the consolidation also keeps in memory (~6 KiB each), so that a"
                    + " session changing again is not read back from RocksDB; 0: none.")
            .validatedBy(n -> n >= 0 && n <= 1_000_000, "between 0 and 1000000");
    public static final Setting<Double> ON_TRACK = Setting.decimal("progress.on.track.threshold", 1.0,
            "Ratio at or above which a region is ON_TRACK.").validatedBy(d -> d > 0, "positive");
    public static final Setting<Double> AT_RISK = Setting.decimal("progress.at.risk.threshold", 0.9,
            "Ratio at or above which a region is AT_RISK; below it, BEHIND.").validatedBy(d -> d > 0, "positive");
    public static final Setting<Optional<LocalDate>> AS_OF = Setting.of("progress.as.of", "",
            s -> s.isEmpty() ? Optional.<LocalDate>empty() : Optional.of(LocalDate.parse(s)),
            "Date the progress and the provisional months are computed at; empty: today in Europe/Paris,"
                    + " following the calendar.");
    public static final Setting<Long> PROGRESS_REFRESH_MS = Setting.longValue("progress.refresh.interval.ms", 60_000,
            "How often the consolidation checks the as-of date and evaluates the alerts (wall clock).")
            .validatedBy(n -> n >= 100, "at least 100 ms");
    public static final Setting<String> SERVING_HOST = Setting.string("serving.host", "127.0.0.1",
            "Interface the REST API, dashboard and metrics listen on (0.0.0.0: every interface).")
            .validatedBy(s -> !s.isBlank() && !s.contains(" "), "a host name or IP address");
    public static final Setting<Integer> SERVING_PORT = Setting.integer("serving.port", 8088,
            "Port of the REST API, dashboard and metrics (0: a free port).").validatedBy(AisSettings::port, "0 to 65535");
    public static final Setting<String> SERVING_TOKEN = Setting.string("serving.token", "",
            "Bearer token required by /api, /internal and /metrics (empty: none; /health and /ready stay open).")
            .secret();
    public static final Setting<Path> STACK_DATA_DIR = Setting.of("stack.data.dir", ".ais/stack", Path::of,
            "Data directory of the embedded broker and registry, kept across restarts.");
    public static final Setting<Integer> STACK_BROKER_PORT = Setting.integer("stack.broker.port", 9092,
            "Port of the embedded broker (0: any free port).").validatedBy(AisSettings::port, "a port, 0 to 65535");
    public static final Setting<Integer> STACK_REGISTRY_PORT = Setting.integer("stack.registry.port", 8081,
            "Port of the local schema registry (0: any free port).").validatedBy(AisSettings::port, "a port, 0 to 65535");

    public static final List<Setting<?>> ALL = List.of(BOOTSTRAP_SERVERS, REGISTRY_URL, REGISTRY_PASSWORD,
            TOPIC_NAMESPACE, REPLICATION_FACTOR, PSEUDONYM_KEY, OUIFORM_TOKEN, APPLICATION_ID, STATE_DIR, STREAM_THREADS,
            COMMIT_INTERVAL_MS, BLOCK_CACHE_BYTES, WRITE_BUFFER_BYTES, RECENT_SESSIONS, ON_TRACK, AT_RISK, AS_OF, PROGRESS_REFRESH_MS,
            SERVING_HOST, SERVING_PORT, SERVING_TOKEN, STACK_DATA_DIR,
            STACK_BROKER_PORT, STACK_REGISTRY_PORT);

    /** Checks that involve several settings. */
    public static Map<Predicate<Settings>, String> crossChecks() {
        Map<Predicate<Settings>, String> checks = new LinkedHashMap<>();
        checks.put(s -> s.get(AT_RISK) <= s.get(ON_TRACK),
                "progress.at.risk.threshold must not exceed progress.on.track.threshold");
        checks.put(s -> s.get(WRITE_BUFFER_BYTES) <= s.get(BLOCK_CACHE_BYTES) || s.get(BLOCK_CACHE_BYTES) == 0,
                "streams.rocksdb.write.buffer.bytes must fit in streams.rocksdb.block.cache.bytes");
        return checks;
    }

    /** Resolves every setting from the environment and command-line flags. */
    public static Settings resolve(Map<String, String> environment, Map<String, String> flags) {
        return Settings.resolve(ALL, environment, flags, crossChecks());
    }

    private static boolean port(int p) {
        return p >= 0 && p <= 65535;
    }
}
