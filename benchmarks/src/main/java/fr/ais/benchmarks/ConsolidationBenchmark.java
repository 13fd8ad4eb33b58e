package fr.ais.benchmarks;

import fr.ais.consolidation.app.CatchUp;
import fr.ais.consolidation.app.ConsolidationApp;
import fr.ais.consolidation.app.StreamsAppConfig;
import fr.ais.consolidation.topology.ConsolidationConfig;
import fr.ais.consolidation.topology.ConsolidationTopology;
import fr.ais.consolidation.topology.TestHistories;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.kafka.embedded.EmbeddedKafkaBroker;
import fr.ais.kafka.embedded.EmbeddedKafkaConfig;
import fr.ais.platform.topics.Topic;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.AvroSerdeFactory;
import fr.ais.registry.InMemorySchemaRegistry;
import fr.ais.registry.WireFormatSerdeFactory;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.Source;
import fr.ais.schemas.SourceRecordKey;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The consolidation's throughput against a pass-through Kafka Streams application on the same
 * broker, same guarantee (exactly-once v2), same serdes, same input; at 1× and 8× the data by default.
 * Usage: {@code java -cp ... fr.ais.benchmarks.ConsolidationBenchmark [people-at-1x]}; system properties
 * {@code bench.threads}, {@code bench.commit.ms}, {@code bench.fetch.max.wait.ms}, {@code bench.block.cache.bytes}
 * (0: RocksDB defaults), {@code bench.write.buffer.bytes}, {@code bench.recent.sessions}
 * and {@code bench.streams.<any Streams or client setting>} (e.g. {@code bench.streams.producer.compression.type}) override the application's defaults;
 * {@code bench.partitions} the data topics' partitions; {@code bench.scales} (default {@code 1,8}) picks the data
 * sizes; {@code bench.repeats} (default 1) runs both applications that many times on each size's data, to show the
 * spread between runs; {@code bench.warmup=false} skips the warm-up run of both applications;
 * {@code bench.time.breakdown=true} prints client times, records per internal topic and CPU per kind of thread;
 * {@code bench.instances=N} runs N instances of the consolidation side by side (one JVM, state directories of their own);
 * {@code bench.restore=true} starts the consolidation again on an empty state directory after each run and times
 * its restore from the changelogs.
 */
public final class ConsolidationBenchmark {

    private ConsolidationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Path work = Files.createTempDirectory("ais-bench-consolidation-");
        AvroSerdeFactory serdes = new WireFormatSerdeFactory(new InMemorySchemaRegistry(), true);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.inDirectory(work.resolve("kafka")))) {
            System.out.printf("machine: %d cores, max heap %d MiB, %s%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.version"));
            int[] scales = Arrays.stream(System.getProperty("bench.scales", "1,8").split(","))
                    .mapToInt(Integer::parseInt).toArray();
            if (Boolean.parseBoolean(System.getProperty("bench.warmup", "true"))) {
                // both applications once on the 1x data first, so that neither measured run pays for the JIT
                runBoth(broker, serdes, work, "warmup", events(work.resolve("data-warmup"), people));
                System.out.println("warm-up done");
            }
            int repeats = Integer.getInteger("bench.repeats", 1);
            for (int scale : scales) {
                List<PrescriptionEvent> events = events(work.resolve("data-" + scale), people * scale);
                for (int repeat = 1; repeat <= repeats; repeat++) {
                    report(scale, events.size(), runBoth(broker, serdes, work, scale + "-" + repeat, events));
                }
            }
        }
    }

    /** One line for the whole runs, one for the runs from RUNNING (start-up apart). */
    private static void report(int scale, int events, Result[] results) {
        Result pass = results[0];
        Result consolidation = results[1];
        System.out.printf("%dx: %d events | pass-through %.0f events/s | consolidation %.0f events/s"
                        + " | ratio %.2f | consolidation state %d KiB | heap after run %d MiB%n",
                scale, events, events / pass.seconds, events / consolidation.seconds,
                pass.seconds / consolidation.seconds, consolidation.stateBytes >> 10, consolidation.heapBytes >> 20);
        System.out.printf("%dx: start to RUNNING: pass-through %.1f s, consolidation %.1f s | from RUNNING:"
                        + " pass-through %.0f events/s, consolidation %.0f events/s, ratio %.2f%n",
                scale, pass.startSeconds, consolidation.startSeconds,
                events / pass.processingSeconds(), events / consolidation.processingSeconds(),
                pass.processingSeconds() / consolidation.processingSeconds());
        System.out.printf("%dx: record operations per event: pass-through %.2f (%.2f reads, %.2f writes),"
                        + " consolidation %.2f (%.2f reads, %.2f writes)%n", scale,
                (double) (pass.reads + pass.writes) / events, (double) pass.reads / events, (double) pass.writes / events,
                (double) (consolidation.reads + consolidation.writes) / events, (double) consolidation.reads / events,
                (double) consolidation.writes / events);
    }

    /** The pass-through then the consolidation on {@code events}, in topics and applications of their own. */
    private static Result[] runBoth(EmbeddedKafkaBroker broker, AvroSerdeFactory serdes, Path work, String run,
            List<PrescriptionEvent> events) throws Exception {
        TopicCatalogue topics = TopicCatalogue.withNamespace("bench" + run + ".");
        createTopics(broker, topics);
        publish(broker, topics, serdes, events);
        Result pass = run(broker, "pass-" + run, passThrough(topics, serdes), work);
        Result consolidation = run(broker, "consolidation-" + run,
                ConsolidationTopology.build(new ConsolidationConfig(topics).withRecentSessions(
                        Integer.getInteger("bench.recent.sessions", ConsolidationConfig.DEFAULT_RECENT_SESSIONS)), serdes), work);
        return new Result[] {pass, consolidation};
    }

    /** Seconds from start until caught up, of which {@code startSeconds} until RUNNING (group join, internal topics). */
    record Result(double seconds, double startSeconds, long stateBytes, long heapBytes, long reads, long writes) {
        double processingSeconds() {
            return seconds - startSeconds;
        }
    }

    private static Result run(EmbeddedKafkaBroker broker, String applicationId, Topology topology, Path work)
            throws IOException, InterruptedException {
        Path stateDir = Files.createDirectories(work.resolve("state-" + applicationId));
        StreamsAppConfig config = streamsConfig(broker, applicationId, stateDir);
        Map<String, Long> cpuBefore = cpuByThreadKind();
        long processCpuBefore = processCpuNanos();
        long start = System.nanoTime();
        try (ConsolidationApp app = new ConsolidationApp(topology, config);
             OtherInstances others = new OtherInstances(broker, applicationId, topology, stateDir);
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            app.start(Duration.ofMinutes(2));
            others.start();
            double startSeconds = (System.nanoTime() - start) / 1e9;
            awaitCaughtUp(admin, applicationId, topology,
                    () -> app.failure() != null ? app.failure() : others.failure());
            double seconds = (System.nanoTime() - start) / 1e9;
            if (Boolean.getBoolean("bench.time.breakdown")) {
                printTimeBreakdown(applicationId, app.streams());
                printTopicSizes(admin, applicationId);
                printCpu(applicationId, cpuBefore, processCpuBefore, seconds);
            }
            long[] operations = recordOperations(admin, applicationId, topology);
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            Result result = new Result(seconds, startSeconds, size(stateDir), heap, operations[0], operations[1]);
            app.close();
            if (Boolean.getBoolean("bench.restore") && applicationId.startsWith("consolidation")) {
                restore(topology, config, stateDir, admin, result);
            }
            return result;
        }
    }

    /**
     * Goal 7 of issue 19: {@code bench.instances - 1} more instances of the same application (same id, state
     * directories of their own) in this JVM, sharing its partitions with the first; none by default.
     */
    private static final class OtherInstances implements AutoCloseable {
        private final List<ConsolidationApp> apps = new java.util.ArrayList<>();

        OtherInstances(EmbeddedKafkaBroker broker, String applicationId, Topology topology, Path stateDir)
                throws IOException {
            int instances = applicationId.startsWith("consolidation") ? Integer.getInteger("bench.instances", 1) : 1;
            for (int i = 2; i <= instances; i++) {
                Path own = Files.createDirectories(stateDir.resolveSibling(stateDir.getFileName() + "-instance-" + i));
                apps.add(new ConsolidationApp(topology, streamsConfig(broker, applicationId, own)));
            }
        }

        void start() {
            apps.forEach(a -> a.start(Duration.ofMinutes(2)));
        }

        Throwable failure() {
            return apps.stream().map(ConsolidationApp::failure).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }

        @Override
        public void close() {
            apps.forEach(ConsolidationApp::close);
        }
    }

    /** Returns once {@code applicationId} has processed all its input; throws as soon as {@code failure} gives one. */
    static void awaitCaughtUp(Admin admin, String applicationId, Topology topology,
            java.util.function.Supplier<Throwable> failure) throws InterruptedException {
        CatchUp catchUp = new CatchUp(admin, applicationId, CatchUp.inputTopicsOf(topology, applicationId));
        while (!catchUp.caughtUp(Duration.ofSeconds(10))) {
            if (failure.get() != null) {
                throw new IllegalStateException("benchmark run failed", failure.get());
            }
            // poll the offsets gently: a tight loop of admin requests would slow the broker it measures
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** The application's defaults, with the {@code bench.*} overrides (see the class comment). */
    static StreamsAppConfig streamsConfig(EmbeddedKafkaBroker broker, String applicationId, Path stateDir) {
        Map<String, Object> client = new HashMap<>(Map.of("bootstrap.servers", broker.bootstrapServers()));
        if (Integer.getInteger("bench.fetch.max.wait.ms") != null) {
            client.put("consumer.fetch.max.wait.ms", Integer.getInteger("bench.fetch.max.wait.ms"));
        }
        StreamsAppConfig defaults = StreamsAppConfig.defaults(applicationId, client, stateDir);
        long cache = Long.getLong("bench.block.cache.bytes", defaults.blockCacheBytes());
        long buffers = Long.getLong("bench.write.buffer.bytes", defaults.writeBufferBytes());
        Map<String, Object> clientProperties = new HashMap<>(defaults.clientProperties());
        // any other Kafka Streams or client setting, e.g. -Dbench.streams.producer.batch.size=262144
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("bench.streams."))
                .forEach(n -> clientProperties.put(n.substring("bench.streams.".length()), System.getProperty(n)));
        return new StreamsAppConfig(applicationId, clientProperties, stateDir,
                Integer.getInteger("bench.threads", defaults.streamThreads()),
                Duration.ofMillis(Long.getLong("bench.commit.ms", defaults.commitInterval().toMillis())),
                1, cache, buffers, Integer.getInteger("bench.recent.sessions", defaults.recentSessions()), null);
    }

    /**
     * Goal 6 of issue 19: the same application started again on an empty state directory, timed until its
     * stores are restored from their changelogs and it is RUNNING and caught up, against its catch-up time.
     */
    private static void restore(Topology topology, StreamsAppConfig config, Path stateDir, Admin admin, Result caughtUp)
            throws IOException, InterruptedException {
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(stateDir)).forEach(p -> p.toFile().delete());
        }
        java.util.concurrent.atomic.AtomicInteger restoring = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong restored = new java.util.concurrent.atomic.AtomicLong();
        long start = System.nanoTime();
        try (ConsolidationApp again = new ConsolidationApp(topology, config)) {
            again.streams().setGlobalStateRestoreListener(new org.apache.kafka.streams.processor.StateRestoreListener() {
                @Override
                public void onRestoreStart(TopicPartition partition, String store, long from, long to) {
                    restoring.incrementAndGet();
                }

                @Override
                public void onBatchRestored(TopicPartition partition, String store, long end, long records) {
                    restored.addAndGet(records);
                }

                @Override
                public void onRestoreEnd(TopicPartition partition, String store, long records) {
                    restoring.decrementAndGet();
                }
            });
            again.start(Duration.ofMinutes(5));
            CatchUp catchUp = new CatchUp(admin, config.applicationId(),
                    CatchUp.inputTopicsOf(topology, config.applicationId()));
            while (restoring.get() > 0 || !catchUp.caughtUp(Duration.ofSeconds(10))) {
                java.util.concurrent.TimeUnit.MILLISECONDS.sleep(100);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s restore on an empty state directory: %.1f s to restored, RUNNING and caught up"
                            + " (%d changelog records restored) | catch-up took %.1f s | restore ÷ catch-up %.2f%n",
                    config.applicationId(), seconds, restored.get(), caughtUp.seconds(), seconds / caughtUp.seconds());
        }
    }

    /**
     * Records read and written by an application, from the end offsets of the topics it reads (sources,
     * repartitions) and writes (sinks, repartitions, changelogs); transaction markers are counted too (one per
     * partition written per commit, well under 1 % here).
     */
    private static long[] recordOperations(Admin admin, String applicationId, Topology topology) {
        try {
            Set<String> reads = CatchUp.inputTopicsOf(topology, applicationId);
            Set<String> writes = new java.util.HashSet<>();
            topology.describe().subtopologies().forEach(s -> s.nodes().forEach(n -> {
                if (n instanceof org.apache.kafka.streams.TopologyDescription.Sink sink && sink.topic() != null) {
                    writes.add(sink.topic().endsWith("-repartition") ? applicationId + "-" + sink.topic() : sink.topic());
                }
            }));
            admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith(applicationId + "-") && t.endsWith("-changelog")).forEach(writes::add);
            return new long[] {records(admin, reads), records(admin, writes)};
        } catch (Exception e) {
            throw new IllegalStateException("cannot count the records of " + applicationId, e);
        }
    }

    private static long records(Admin admin, Set<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((n, d) -> d.partitions().forEach(p ->
                request.put(new TopicPartition(n, p.partition()), OffsetSpec.latest())));
        return admin.listOffsets(request).all().get().values().stream().mapToLong(i -> i.offset()).sum();
    }

    /** Where the stream threads spent their time: Kafka client totals, in seconds. */
    private static void printTimeBreakdown(String applicationId, KafkaStreams streams) {
        Set<String> totals = Set.of("blocked-time-ns-total", "txn-commit-time-ns-total", "flush-time-ns-total",
                "txn-send-offsets-time-ns-total", "bufferpool-wait-time-ns-total", "txn-begin-time-ns-total",
                "metadata-wait-time-ns-total");
        Map<String, Double> seconds = new TreeMap<>();
        streams.metrics().forEach((name, metric) -> {
            if (totals.contains(name.name()) && metric.metricValue() instanceof Double value) {
                seconds.merge(name.group() + "/" + name.name(), value / 1e9, Double::sum);
            }
            if (name.group().equals("stream-thread-metrics") && name.name().endsWith("-ratio")
                    && metric.metricValue() instanceof Double value) {
                seconds.merge(name.group() + "/" + name.name() + " (last window)", value, Double::sum);
            }
        });
        seconds.forEach((k, v) -> System.out.printf("%s time: %s = %.2f%n", applicationId, k, v));
    }

    /** CPU seconds per kind of thread during the run: whose work the two cores did. */
    private static void printCpu(String applicationId, Map<String, Long> before, long processBefore, double seconds) {
        Map<String, Long> after = cpuByThreadKind();
        double process = (processCpuNanos() - processBefore) / 1e9;
        System.out.printf("%s cpu: process %.1f s over %.1f s wall (%.0f %% of the cores)%n", applicationId, process,
                seconds, 100 * process / seconds / Runtime.getRuntime().availableProcessors());
        after.forEach((kind, nanos) -> System.out.printf("%s cpu: %s %.1f s%n", applicationId, kind,
                (nanos - before.getOrDefault(kind, 0L)) / 1e9));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Java threads' CPU time by kind; the rest of the process (GC, JIT, RocksDB's own threads) is not in it. */
    private static Map<String, Long> cpuByThreadKind() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> result = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            String name = info.getThreadName();
            String kind = name.contains("StreamThread") && name.contains("producer") ? "streams producer I/O"
                    : name.contains("StreamThread") && name.contains("consumer") ? "streams consumer I/O"
                    : name.contains("StreamThread") ? "stream thread"
                    : name.startsWith("kafka-producer") || name.startsWith("kafka-admin") ? "other clients"
                    : name.equals("main") ? "benchmark (offset polling)"
                    : "broker and others";
            result.merge(kind, Math.max(nanos, 0), Long::sum);
        }
        return result;
    }

    /** Records (offsets, transaction markers included) written to the application's internal topics. */
    private static void printTopicSizes(Admin admin, String applicationId) {
        try {
            Set<String> names = admin.listTopics().names().get().stream()
                    .filter(n -> n.startsWith(applicationId + "-")).collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(names).allTopicNames().get().forEach((n, d) -> d.partitions().forEach(p ->
                    request.put(new TopicPartition(n, p.partition()), OffsetSpec.latest())));
            Map<String, Long> sizes = new TreeMap<>();
            admin.listOffsets(request).all().get().forEach((tp, info) ->
                    sizes.merge(tp.topic().substring(applicationId.length() + 1), info.offset(), Long::sum));
            sizes.forEach((t, n) -> System.out.printf("%s topic: %s = %d%n", applicationId, t, n));
        } catch (Exception e) {
            System.out.println("topic sizes unavailable: " + e);
        }
    }

    /** The same sources, straight to an output topic: the cost of Kafka Streams itself under EOS. */
    private static Topology passThrough(TopicCatalogue topics, AvroSerdeFactory serdes) {
        StreamsBuilder builder = ConsolidationTopology.newBuilder();
        for (Source source : Source.values()) {
            String name = source.name().toLowerCase(java.util.Locale.ROOT);
            builder.stream(topics.topic(TopicCatalogue.eventsOf(source)).name(),
                            Consumed.with(serdes.forKeys(SourceRecordKey.class), serdes.forValues(PrescriptionEvent.class))
                                    .withName(name + "-source"))
                    .to(topics.namespace() + "pass-through-out",
                            Produced.with(serdes.forKeys(SourceRecordKey.class), serdes.forValues(PrescriptionEvent.class))
                                    .withName(name + "-sink"));
        }
        return builder.build();
    }

    static List<PrescriptionEvent> events(Path dir, int people) throws IOException {
        GeneratedDataSet data = Generator.generate(GeneratorOptions.defaults(dir).withPeople(people));
        Pseudonymizer pseudonymizer = new Pseudonymizer("benchmark key of sixteen bytes+".getBytes(StandardCharsets.UTF_8));
        return TestHistories.read(data, pseudonymizer);
    }

    static void createTopics(EmbeddedKafkaBroker broker, TopicCatalogue topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            Set<NewTopic> all = topics.topics().stream()
                    .map(t -> new NewTopic(t.name(), partitions(t.partitions()), (short) 1)
                            .configs(Map.of("cleanup.policy", t.cleanupPolicy().kafkaName())))
                    .collect(Collectors.toSet());
            all.add(new NewTopic(topics.namespace() + "pass-through-out", partitions(TopicCatalogue.DATA_PARTITIONS),
                    (short) 1));
            admin.createTopics(all).all().get();
            // a fresh topic accepts writes once its leader is known everywhere
            Set<String> names = all.stream().map(NewTopic::name).collect(Collectors.toSet());
            while (admin.describeTopics(names).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream()).anyMatch(p -> p.leader() == null)) {
                Thread.onSpinWait();
            }
        }
        try (KafkaProducer<byte[], byte[]> probe = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new org.apache.kafka.common.serialization.ByteArraySerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (Topic<?, ?> t : topics.topics()) {
                probe.partitionsFor(t.name());
            }
        }
    }

    static void publish(EmbeddedKafkaBroker broker, TopicCatalogue topics, AvroSerdeFactory serdes,
            List<PrescriptionEvent> events) {
        try (KafkaProducer<SourceRecordKey, PrescriptionEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20,
                // not idempotent, one request in flight: on an idle machine the first writes to a fresh topic
                // can meet NotLeaderOrFollower, after which an idempotent producer was seen retrying an
                // out-of-order sequence for ever; a loader only needs its records once and in order
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
                serdes.forKeys(SourceRecordKey.class).serializer(), serdes.forValues(PrescriptionEvent.class).serializer())) {
            for (PrescriptionEvent e : events) {
                Topic<SourceRecordKey, PrescriptionEvent> topic = topics.topic(TopicCatalogue.eventsOf(e.getSource()));
                producer.send(new ProducerRecord<>(topic.name(), null, e.getVersionTimestamp().toEpochMilli(),
                        new SourceRecordKey(e.getSource(), e.getSourceKey()), e));
            }
        }
    }

    /** The catalogue's partition count, or {@code bench.partitions} for the keyed data topics. */
    private static int partitions(int catalogue) {
        return catalogue == 1 ? 1 : Integer.getInteger("bench.partitions", catalogue);
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
