package fr.ais.consolidation.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ais.consolidation.topology.StoreNames;
import fr.ais.kafka.embedded.junit.KafkaBrokerExtension;
import fr.ais.kafka.embedded.junit.TestKafka;
import fr.ais.registry.AvroSerdeFactory;
import fr.ais.registry.InMemorySchemaRegistry;
import fr.ais.registry.WireFormatSerdeFactory;
import fr.ais.schemas.AgeBand;
import fr.ais.schemas.ConsolidatedPrescription;
import fr.ais.schemas.ConsolidatedPrescriptionKey;
import fr.ais.schemas.GroupMember;
import fr.ais.schemas.Network;
import fr.ais.schemas.Source;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Interactive queries across two instances of one application on a real broker: whole-store
 * queries merge every instance's share exactly once, and a prescription is found on the instance
 * that owns its key, whichever instance is asked.
 */
@ExtendWith(KafkaBrokerExtension.class)
class InteractiveFigureQueriesIT {

    private static final String TOKEN = "peer-token";
    private static final int PARTITIONS = 4;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private record Instance(KafkaStreams streams, ApiServer server, ConsolidationMetrics metrics,
            InteractiveFigureQueries queries) {
    }

    @Test
    void whole_store_queries_merge_every_instance_and_a_key_is_read_where_it_lives(TestKafka kafka) throws Exception {
        String deadLetters = kafka.uniqueName("dead-letters");
        String consolidated = kafka.uniqueName("consolidated");
        String applicationId = kafka.uniqueName("serving-it");
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            admin.createTopics(List.of(new NewTopic(deadLetters, PARTITIONS, (short) 1),
                    new NewTopic(consolidated, PARTITIONS, (short) 1))).all().get();
        }
        AvroSerdeFactory serdes = new WireFormatSerdeFactory(new InMemorySchemaRegistry(), true);
        Serde<ConsolidatedPrescriptionKey> keySerde = serdes.forKeys(ConsolidatedPrescriptionKey.class);
        Serde<ConsolidatedPrescription> valueSerde = serdes.forValues(ConsolidatedPrescription.class);

        // 12 reasons counted 1..12 times; 10 prescriptions
        Map<String, Long> expectedCounts = new HashMap<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props(kafka),
                new StringSerializer(), new StringSerializer())) {
            for (int reason = 1; reason <= 12; reason++) {
                String key = "PE|REASON_" + reason;
                expectedCounts.put(key, (long) reason);
                for (int i = 0; i < reason; i++) {
                    producer.send(new ProducerRecord<>(deadLetters, key, "x"));
                }
            }
        }
        try (KafkaProducer<ConsolidatedPrescriptionKey, ConsolidatedPrescription> producer = new KafkaProducer<>(
                props(kafka), keySerde.serializer(), valueSerde.serializer())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(consolidated, new ConsolidatedPrescriptionKey("g-" + i),
                        prescription("g-" + i)));
            }
        }

        Topology topology = topology(deadLetters, consolidated, keySerde, valueSerde);
        Instance a = start(kafka, applicationId, topology, keySerde);
        Instance b = start(kafka, applicationId, topology(deadLetters, consolidated, keySerde, valueSerde), keySerde);

        // both instances own partitions and have read everything
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(a.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(b.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(a.streams().streamsMetadataForStore(StoreNames.DEAD_LETTER_COUNTS)).hasSize(2);
            assertThat(countsFrom(a, "/api/dead-letters")).isEqualTo(spelledAsTheExports(expectedCounts));
        });

        Map<String, Long> localA = countsFrom(a, "/internal/dead-letters");
        Map<String, Long> localB = countsFrom(b, "/internal/dead-letters");
        assertThat(localA).isNotEmpty();
        assertThat(localB).isNotEmpty();
        assertThat(localA.keySet()).doesNotContainAnyElementsOf(localB.keySet());
        Map<String, Long> union = new HashMap<>(localA);
        union.putAll(localB);
        assertThat(union).isEqualTo(expectedCounts);
        assertThat(countsFrom(b, "/api/dead-letters")).isEqualTo(spelledAsTheExports(expectedCounts));

        int remoteFromA = 0;
        for (int i = 0; i < 10; i++) {
            String groupId = "g-" + i;
            for (Instance asked : List.of(a, b)) {
                HttpResponse<String> response = get(asked, "/api/prescriptions/" + groupId);
                assertThat(response.statusCode()).as(groupId).isEqualTo(200);
                assertThat(json.readTree(response.body()).get("sessionNumber").asText()).isEqualTo("S-" + groupId);
            }
            if (get(a, "/internal/prescriptions/" + groupId).statusCode() == 404) {
                remoteFromA++;
            }
        }
        assertThat(remoteFromA).as("prescriptions A had to ask B for").isBetween(1, 9);
        assertThat(get(a, "/api/prescriptions/g-unknown").statusCode()).isEqualTo(404);

        // the late-entry lags (issue 18) read the consolidated prescriptions of every instance, with their members
        List<FigureQueries.EntryRow> entries = a.queries().entries("2021-01", "2021-03");
        assertThat(entries).hasSize(10).allSatisfy(e -> {
            assertThat(e.entryDate()).isEqualTo("2021-03-15");
            assertThat(e.members()).isNotEmpty();
        });
        assertThat(json.readTree(get(a, "/internal/entries?from=2021-01&to=2021-03").body()).size()
                + json.readTree(get(b, "/internal/entries?from=2021-01&to=2021-03").body()).size()).isEqualTo(10);
        assertThat(b.queries().entries("2021-04", "2021-12")).as("out of the months asked").isEmpty();

        // metrics: Kafka Streams' own, and each instance reports only the dead letters it holds
        String scrapeA = get(a, "/metrics").body();
        assertThat(scrapeA).contains("kafka_stream_thread_").contains("kafka_stream_alive_stream_threads");
        localA.forEach((key, count) -> assertThat(scrapeA).contains("ais_dead_letters{reason=\"" + key.substring(3)
                + "\",source=\"PE\"} " + count.doubleValue()));
        localB.keySet().forEach(key -> assertThat(scrapeA).doesNotContain("reason=\"" + key.substring(3) + "\""));
    }

    /** The public API spells the sources as rejected.csv does ("pe"); the /internal rows keep the enum's name. */
    private static Map<String, Long> spelledAsTheExports(Map<String, Long> counts) {
        Map<String, Long> spelled = new HashMap<>();
        counts.forEach((k, n) -> spelled.put(k.toLowerCase(java.util.Locale.ROOT).substring(0, k.indexOf('|'))
                + k.substring(k.indexOf('|')), n));
        return spelled;
    }

    private Map<String, Long> countsFrom(Instance instance, String path) throws Exception {
        HttpResponse<String> response = get(instance, path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode row : json.readTree(response.body())) {
            counts.put(row.get("source").asText() + "|" + row.get("reason").asText(), row.get("count").asLong());
        }
        return counts;
    }

    private HttpResponse<String> get(Instance instance, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(instance.server().url() + path))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private Instance start(TestKafka kafka, String applicationId, Topology topology,
            Serde<ConsolidatedPrescriptionKey> keySerde) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Properties props = props(kafka);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, kafka.newStateDir().toString());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:" + port);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        KafkaStreams streams = new KafkaStreams(topology, props);
        open.add(streams);
        InteractiveFigureQueries queries = new InteractiveFigureQueries(streams, new HostInfo("127.0.0.1", port),
                keySerde.serializer(), new PeerClient(TOKEN, Duration.ofSeconds(5)), null);
        ConsolidationMetrics metrics = new ConsolidationMetrics().bindStreams(streams).bindQueries(queries);
        open.add(metrics);
        ApiServer server = new ApiServer(new ServingConfig("127.0.0.1", port, TOKEN), queries, metrics).start();
        open.add(server);
        streams.start();
        return new Instance(streams, server, metrics, queries);
    }

    private static Topology topology(String deadLetters, String consolidated,
            Serde<ConsolidatedPrescriptionKey> keySerde, Serde<ConsolidatedPrescription> valueSerde) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(deadLetters, Consumed.with(Serdes.String(), Serdes.String()).withName("dead-letters-source"))
                .groupByKey(Grouped.with("dead-letters-by-reason", Serdes.String(), Serdes.String()))
                .count(Named.as("dead-letter-count"), Materialized.as(StoreNames.DEAD_LETTER_COUNTS));
        builder.table(consolidated, Consumed.with(keySerde, valueSerde).withName("consolidated-source"),
                Materialized.as(StoreNames.CONSOLIDATED));
        return builder.build();
    }

    private static Properties props(TestKafka kafka) {
        Properties props = new Properties();
        props.putAll(kafka.clientProperties());
        return props;
    }

    private static ConsolidatedPrescription prescription(String groupId) {
        return ConsolidatedPrescription.newBuilder()
                .setGroupId(groupId).setSessionNumber("S-" + groupId).setEntryDate(LocalDate.of(2021, 3, 15))
                .setMonth("2021-03").setAgeAtEntry(20).setAgeBand(AgeBand.AGE_16_25).setNetwork(Network.ML)
                .setRegion("84").setFlags(List.of()).setRepresentatives(List.of())
                .setMembers(List.of(new GroupMember(Source.IMILO, "M-" + groupId, true)))
                .build();
    }
}
