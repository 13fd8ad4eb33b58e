package fr.ais.benchmarks;

import fr.ais.consolidation.app.ConsolidationApp;
import fr.ais.consolidation.app.StreamsAppConfig;
import fr.ais.consolidation.rules.ConsolidationRules;
import fr.ais.consolidation.rules.Deltas;
import fr.ais.consolidation.topology.ConsolidationConfig;
import fr.ais.consolidation.topology.ConsolidationTopology;
import fr.ais.kafka.embedded.EmbeddedKafkaBroker;
import fr.ais.kafka.embedded.EmbeddedKafkaConfig;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.AvroSerdeFactory;
import fr.ais.registry.InMemorySchemaRegistry;
import fr.ais.registry.WireFormatSerdeFactory;
import fr.ais.schemas.AggregateKey;
import fr.ais.schemas.AggregateValue;
import fr.ais.schemas.ConsolidatedPrescription;
import fr.ais.schemas.PersonId;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.SourceRecordKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.Topology;

/**
 * Goal 4 of issue 19: in a steady state, a single late record published → its updated row on the aggregates
 * topic, as a read-committed reporting tool sees it. The consolidation first catches up on a generated year;
 * then records are published one by one, {@code bench.latency.gap.ms} apart (default 50), each a new
 * prescription of its own (new source key, session and person, copied from a generated one) whose aggregate
 * row is known from the rules; a record's latency ends when its row's count on the aggregates topic reaches
 * the count it makes. The rows are taken in turn, so a row changes again only after many others.
 * Usage: {@code java -cp ... fr.ais.benchmarks.LatencyBenchmark [people] [records]} (default 2,000 and 1,000);
 * the {@code bench.*} settings of {@link ConsolidationBenchmark} apply (e.g. {@code bench.commit.ms}).
 */
public final class LatencyBenchmark {

    private LatencyBenchmark() {
    }

    /** A record sent, the count its row reaches with it, and when it was sent. */
    private record Pending(int index, long targetCount, long sentNanos) {
    }

    public static void main(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        long gapNanos = Duration.ofMillis(Long.getLong("bench.latency.gap.ms", 50)).toNanos();
        Path work = Files.createTempDirectory("ais-bench-latency-");
        AvroSerdeFactory serdes = new WireFormatSerdeFactory(new InMemorySchemaRegistry(), true);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.inDirectory(work.resolve("kafka")));
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            TopicCatalogue topics = TopicCatalogue.withNamespace("latency.");
            ConsolidationBenchmark.createTopics(broker, topics);
            List<PrescriptionEvent> year = ConsolidationBenchmark.events(work.resolve("data"), people);
            ConsolidationBenchmark.publish(broker, topics, serdes, year);
            Topology topology = ConsolidationTopology.build(new ConsolidationConfig(topics), serdes);
            StreamsAppConfig config = ConsolidationBenchmark.streamsConfig(broker, "latency",
                    Files.createDirectories(work.resolve("state")));
            try (ConsolidationApp app = new ConsolidationApp(topology, config)) {
                long start = System.nanoTime();
                app.start(Duration.ofMinutes(2));
                ConsolidationBenchmark.awaitCaughtUp(admin, "latency", topology, app::failure);
                System.out.printf("caught up on %d events in %.1f s; commit interval %d ms; %d records %d ms apart%n",
                        year.size(), (System.nanoTime() - start) / 1e9, config.commitInterval().toMillis(), records,
                        gapNanos / 1_000_000);
                long[] latencies = measure(broker, topics, serdes, templates(year), records, gapNanos);
                report(latencies, config.commitInterval());
                if (app.failure() != null) {
                    throw new IllegalStateException("the consolidation failed during the run", app.failure());
                }
            }
        }
    }

    /** One generated record per aggregate row, with the row it alone makes a prescription in. */
    private static Map<AggregateKey, PrescriptionEvent> templates(List<PrescriptionEvent> year) {
        Map<AggregateKey, PrescriptionEvent> byRow = new LinkedHashMap<>();
        for (PrescriptionEvent e : year) {
            rowOf(e).ifPresent(row -> byRow.putIfAbsent(row, e));
        }
        return byRow;
    }

    /** The row a record counts in when it is its session's only member, if it counts at all. */
    private static Optional<AggregateKey> rowOf(PrescriptionEvent e) {
        List<ConsolidatedPrescription> alone = ConsolidationRules.consolidate(e.getSessionNumber(), List.of(e));
        return alone.size() == 1 ? Optional.of(Deltas.aggregateKey(alone.get(0))) : Optional.empty();
    }

    /** The template as a new prescription of a new person in a new session, in the template's row. */
    private static PrescriptionEvent late(PrescriptionEvent template, int index) {
        List<PersonId> persons = new ArrayList<>();
        for (PersonId id : template.getPersonIds()) {
            persons.add(new PersonId(id.getType(), String.format(Locale.ROOT, "%064x", 0xA15L << 40 | index)));
        }
        return PrescriptionEvent.newBuilder(template)
                .setSourceKey("LATE-" + index)
                .setSessionNumber("LATE-SESSION-" + index)
                .setPersonIds(persons)
                .setVersionTimestamp(Instant.now())
                .setSourcePosition(1_000_000_000L + index)
                .build();
    }

    private static long[] measure(EmbeddedKafkaBroker broker, TopicCatalogue topics, AvroSerdeFactory serdes,
            Map<AggregateKey, PrescriptionEvent> templates, int records, long gapNanos) {
        List<AggregateKey> rows = new ArrayList<>(templates.keySet());
        String aggregates = topics.topic(TopicCatalogue.AGGREGATES).name();
        Map<String, Object> consumerProps = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        Map<String, Object> producerProps = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 0);
        long[] latencies = new long[records];
        try (KafkaConsumer<AggregateKey, AggregateValue> consumer = new KafkaConsumer<>(consumerProps,
                     serdes.forKeys(AggregateKey.class).deserializer(), serdes.forValues(AggregateValue.class).deserializer());
             KafkaProducer<SourceRecordKey, PrescriptionEvent> producer = new KafkaProducer<>(producerProps,
                     serdes.forKeys(SourceRecordKey.class).serializer(), serdes.forValues(PrescriptionEvent.class).serializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(aggregates).stream()
                    .map(p -> new TopicPartition(aggregates, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<AggregateKey, Long> counts = new HashMap<>();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> counts.put(r.key(), r.value() == null ? 0 : r.value().getPrescriptions()));
            }
            Map<AggregateKey, Long> expected = new HashMap<>(counts);
            Map<AggregateKey, ArrayDeque<Pending>> pending = new HashMap<>();
            int sent = 0;
            int seen = 0;
            long nextSend = System.nanoTime();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (seen < records) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + seen + " of " + records + " records reached the aggregates");
                }
                if (sent < records && System.nanoTime() >= nextSend) {
                    AggregateKey row = rows.get(sent % rows.size());
                    PrescriptionEvent event = late(templates.get(row), sent);
                    long target = expected.merge(row, 1L, Long::sum);
                    long now = System.nanoTime();
                    producer.send(new ProducerRecord<>(topics.topic(TopicCatalogue.eventsOf(event.getSource())).name(),
                            null, event.getVersionTimestamp().toEpochMilli(),
                            new SourceRecordKey(event.getSource(), event.getSourceKey()), event));
                    pending.computeIfAbsent(row, r -> new ArrayDeque<>()).add(new Pending(sent, target, now));
                    sent++;
                    nextSend = now + gapNanos;
                }
                for (ConsumerRecord<AggregateKey, AggregateValue> r : consumer.poll(Duration.ofMillis(5))) {
                    long now = System.nanoTime();
                    long count = r.value() == null ? 0 : r.value().getPrescriptions();
                    ArrayDeque<Pending> waiting = pending.getOrDefault(r.key(), new ArrayDeque<>());
                    while (!waiting.isEmpty() && waiting.peek().targetCount() <= count) {
                        Pending done = waiting.poll();
                        latencies[done.index()] = now - done.sentNanos();
                        seen++;
                    }
                }
            }
        }
        return latencies;
    }

    private static void report(long[] nanos, Duration commitInterval) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "latency (publish → aggregate row read committed), %d records, commit interval %d ms:"
                        + " p50 %.0f ms | p90 %.0f ms | p99 %.0f ms | max %.0f ms | mean %.0f ms%n",
                sorted.length, commitInterval.toMillis(), percentile(sorted, 50), percentile(sorted, 90),
                percentile(sorted, 99), sorted[sorted.length - 1] / 1e6,
                java.util.Arrays.stream(sorted).average().orElse(0) / 1e6);
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
