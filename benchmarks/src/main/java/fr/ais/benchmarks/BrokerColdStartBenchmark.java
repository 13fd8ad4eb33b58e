package fr.ais.benchmarks;

import fr.ais.kafka.embedded.EmbeddedKafkaBroker;
import fr.ais.kafka.embedded.EmbeddedKafkaConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The embedded stack's cold start: a new data directory to the first committed transactional
 * produce, several runs, with the heap used after each. Usage: {@code BrokerColdStartBenchmark [runs]}.
 */
public final class BrokerColdStartBenchmark {

    private BrokerColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        for (int run = 1; run <= runs; run++) {
            Path dir = Files.createTempDirectory("ais-bench-broker-");
            long start = System.nanoTime();
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.inDirectory(dir.resolve("data")))) {
                long started = System.nanoTime();
                try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                    admin.createTopics(Set.of(new NewTopic("cold-start", 1, (short) 1))).all().get();
                }
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "cold-start"), new StringSerializer(), new StringSerializer())) {
                    producer.initTransactions();
                    producer.beginTransaction();
                    producer.send(new ProducerRecord<>("cold-start", "k", "v"));
                    producer.commitTransaction();
                }
                long committed = System.nanoTime();
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                System.out.printf("run %d: broker started in %.2f s, first committed transactional produce at %.2f s,"
                        + " heap used %d MiB%n", run, (started - start) / 1e9, (committed - start) / 1e9, heap >> 20);
            }
        }
    }
}
