package fr.ais.benchmarks;

import fr.ais.ingest.Pseudonymizer;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.SourceFormat;
import fr.ais.ingest.pe.PeFormat;
import fr.ais.ingest.publish.FileIngestion;
import fr.ais.ingest.publish.IngestSummary;
import fr.ais.kafka.embedded.EmbeddedKafkaBroker;
import fr.ais.kafka.embedded.EmbeddedKafkaConfig;
import fr.ais.platform.topics.Topic;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.AvroSerdeFactory;
import fr.ais.registry.InMemorySchemaRegistry;
import fr.ais.registry.WireFormatSerdeFactory;
import fr.ais.schemas.Source;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Each connector (PE, I-Milo, OuiForm) on a 1,000,000-line export, published to an embedded broker with transactions (as {@code ais
 * ingest} does: 500 records and the checkpoint per transaction) and without (a plain idempotent producer), printing
 * lines/s and the peak heap used, sampled every 10 ms from a background thread. Run it with a small heap (e.g.
 * {@code -Xmx512m}) to show the memory stays flat whatever the file size. The broker runs in the same JVM: the heap
 * figures include it.
 *
 * <p>The export is written by repeating the data lines of a generated year (synthetic-data, 1 % bad records) with
 * fresh {@code id_ais}, so it keeps the generator's mix of records and rejections.
 *
 * <p>Usage: {@code java -Xmx512m -cp ... fr.ais.benchmarks.ConnectorMillionLinesBenchmark [lines] [rounds] [pe|imilo|ouiform|all]}.
 */
public final class ConnectorMillionLinesBenchmark {

    /** Records per transaction: {@code -Dbench.transaction.records=N}, by default the connectors' own default. */
    private static final int BATCH = Integer.getInteger("bench.transaction.records",
            fr.ais.ingest.publish.IngestSettings.DEFAULT_TRANSACTION_RECORDS);
    private static final int TEMPLATE_PEOPLE = 20_000;

    private ConnectorMillionLinesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<Source> sources = args.length > 2 && !args[2].equals("all")
                ? List.of(Source.valueOf(args[2].toUpperCase(Locale.ROOT))) : List.of(Source.values());
        Path work = Files.createTempDirectory("ais-bench-connector-");
        GeneratedDataSet template = Generator.generate(
                GeneratorOptions.defaults(work.resolve("template")).withPeople(TEMPLATE_PEOPLE));
        Map<Source, Path> files = new EnumMap<>(Source.class);
        for (Source source : sources) {
            Path file = work.resolve(source.name().toLowerCase(Locale.ROOT) + "-" + lines
                    + (source == Source.PE ? ".csv" : ".jsonl"));
            long writeStart = System.nanoTime();
            writeExport(source, template, file, lines);
            System.out.printf(Locale.ROOT, "%s: %,d data lines, %.1f MiB, written in %.1f s%n", file, lines,
                    Files.size(file) / 1048576.0, (System.nanoTime() - writeStart) / 1e9);
            files.put(source, file);
        }
        System.out.printf(Locale.ROOT, "JVM max heap %d MiB, %d processors, Java %s%n",
                Runtime.getRuntime().maxMemory() / 1048576, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));

        AvroSerdeFactory serdes = new WireFormatSerdeFactory(new InMemorySchemaRegistry(), true);
        Pseudonymizer pseudonymizer = new Pseudonymizer("benchmark key of sixteen bytes+".getBytes(StandardCharsets.UTF_8));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.inDirectory(work.resolve("kafka")))) {
            Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
            for (int round = 1; round <= rounds; round++) {
                for (Map.Entry<Source, Path> input : files.entrySet()) {
                    for (boolean transactional : new boolean[] {true, false}) {
                        // a namespace of its own: its checkpoint topic does not know the file yet
                        TopicCatalogue topics = TopicCatalogue.withNamespace((transactional ? "tx" : "plain") + round
                                + input.getKey().name().toLowerCase(Locale.ROOT) + ".");
                        createTopics(broker, topics);
                        FileIngestion ingestion = new FileIngestion(format(input.getKey()), topics, serdes, client,
                                BATCH, Clock.systemUTC());
                        if (!transactional) {
                            ingestion = ingestion.withoutTransactions();
                        }
                        Path file = input.getValue();
                        run(round, ingestion, file, new ReadContext(file.getFileName().toString(),
                                StandardCharsets.UTF_8, pseudonymizer));
                    }
                }
            }
        } finally {
            deleteRecursively(work);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void run(int round, FileIngestion ingestion, Path file, ReadContext context) throws Exception {
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        IngestSummary summary;
        try {
            summary = ingestion.ingest(file, context, false, done -> { });
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "round %d %-20s %-15s read %,d (accepted %,d / rejected %,d) in %.1f s: %,.0f lines/s, "
                        + "%.1f MiB/s; heap used: %d MiB before, peak %d MiB, %d MiB after GC%n",
                round, file.getFileName(), ingestion.transactional() ? "transactions" : "no transactions", summary.read(),
                summary.accepted(), summary.rejected(), summary.seconds(), summary.read() / summary.seconds(),
                Files.size(file) / 1048576.0 / summary.seconds(), before / 1048576, peak.get() / 1048576,
                after / 1048576);
    }

    private static SourceFormat format(Source source) {
        return SourceFormat.of(source);
    }

    /**
     * Writes {@code lines} data lines of {@code source}: the generated year's lines over and over (streamed: the
     * template is read again for each repetition). PE lines get an {@code id_ais} of their own; JSON lines get a
     * source key prefixed by the repetition, so the versions of one record stay together.
     */
    static void writeExport(Source source, GeneratedDataSet template, Path file, int lines) throws IOException {
        Path from = switch (source) {
            case PE -> template.peFile();
            case IMILO -> template.imiloFile();
            case OUIFORM -> template.ouiformFile();
        };
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (source == Source.PE) {
                out.write(String.join(";", PeFormat.COLUMNS));
                out.write('\n');
            }
            int written = 0;
            for (int repetition = 1; written < lines; repetition++) {
                try (BufferedReader in = Files.newBufferedReader(from, StandardCharsets.UTF_8)) {
                    if (source == Source.PE) {
                        in.readLine(); // header
                    }
                    for (String line = in.readLine(); line != null && written < lines; line = in.readLine()) {
                        out.write(fresh(source, line, written, repetition));
                        out.write('\n');
                        written++;
                    }
                }
            }
        }
    }

    private static String fresh(Source source, String line, int index, int repetition) {
        return switch (source) {
            case PE -> {
                int separator = line.indexOf(';');
                yield line.startsWith("AIS-") && separator > 0
                        ? String.format(Locale.ROOT, "AIS-%07d", index + 1) + line.substring(separator) : line;
            }
            case IMILO -> line.replace("\"prescription\":{\"id\":\"", "\"prescription\":{\"id\":\"R" + repetition + "-");
            case OUIFORM -> line.replace("{\"id\":\"", "{\"id\":\"R" + repetition + "-");
        };
    }

    private static void createTopics(EmbeddedKafkaBroker broker, TopicCatalogue topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            Set<NewTopic> all = topics.topics().stream()
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1)
                            .configs(Map.of("cleanup.policy", t.cleanupPolicy().kafkaName())))
                    .collect(Collectors.toSet());
            admin.createTopics(all).all().get();
            // a fresh topic accepts writes once its leader is known
            Set<String> names = topics.topics().stream().map(Topic::name).collect(Collectors.toSet());
            while (admin.describeTopics(names).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream()).anyMatch(p -> p.leader() == null)) {
                Thread.onSpinWait();
            }
        }
    }
}
