package fr.ais.consolidation.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ais.consolidation.export.Exports;
import fr.ais.consolidation.progress.ProgressCalculator;
import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.consolidation.topology.ConsolidationConfig;
import fr.ais.consolidation.topology.ConsolidationTopology;
import fr.ais.consolidation.topology.ReferenceConsolidation;
import fr.ais.ingest.targets.TargetsLoader;
import fr.ais.localstack.junit.LocalStackExtension;
import fr.ais.localstack.junit.TestStack;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.platform.topics.TopicSnapshot;
import fr.ais.schemas.AggregateKey;
import fr.ais.schemas.AggregateValue;
import fr.ais.schemas.Alert;
import fr.ais.schemas.AlertKey;
import fr.ais.schemas.AlertKind;
import fr.ais.schemas.Objective;
import fr.ais.schemas.Progress;
import fr.ais.schemas.ProgressKey;
import fr.ais.schemas.Target;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.SourceRecordKey;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The consolidation on a real broker with exactly-once v2: restarts, state loss and several
 * instances give the figures of SPEC §4, as computed by the reference reading of the rules.
 */
@ExtendWith(LocalStackExtension.class)
class ConsolidationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private TestStack stack;
    private TopicCatalogue topics;
    private String applicationId;
    private List<PrescriptionEvent> history;
    private ProgressSettings progress = ProgressSettings.defaults();

    @BeforeEach
    void setUp(TestStack stack) {
        this.stack = stack;
        this.topics = stack.newCatalogue();
        this.applicationId = stack.uniqueName("consolidation");
        this.history = fr.ais.consolidation.topology.TestHistories.random(600, 42);
    }

    @Test
    void an_uninterrupted_run_gives_the_figures_of_the_rules() {
        publish(history);
        try (ConsolidationApp app = startApp(stack.newStateDir())) {
            awaitCaughtUp(app);
        }
        assertThat(aggregatesTopic()).isEqualTo(expected());
    }

    @Test
    void a_restart_on_the_same_state_dir_in_the_middle_of_the_stream_gives_the_same_figures() {
        Path stateDir = stack.newStateDir();
        publish(history.subList(0, history.size() / 2));
        try (ConsolidationApp app = startApp(stateDir)) {
            awaitCaughtUp(app);
        }
        publish(history.subList(history.size() / 2, history.size()));
        try (ConsolidationApp app = startApp(stateDir)) {
            awaitCaughtUp(app);
        }
        assertThat(aggregatesTopic()).isEqualTo(expected());
    }

    @Test
    void a_restore_from_the_changelogs_on_an_empty_state_dir_gives_the_same_figures() {
        publish(history.subList(0, history.size() / 2));
        try (ConsolidationApp app = startApp(stack.newStateDir())) {
            awaitCaughtUp(app);
        }
        // the machine is lost: a new state dir, rebuilt from the changelogs, then the rest arrives
        publish(history.subList(history.size() / 2, history.size()));
        try (ConsolidationApp app = startApp(stack.newStateDir())) {
            awaitCaughtUp(app);
        }
        assertThat(aggregatesTopic()).isEqualTo(expected());
    }

    @Test
    void two_instances_sharing_the_work_give_the_same_figures() {
        try (ConsolidationApp first = startApp(stack.newStateDir());
             ConsolidationApp second = startApp(stack.newStateDir())) {
            publish(history);
            awaitCaughtUp(first);
        }
        assertThat(aggregatesTopic()).isEqualTo(expected());
    }

    @Test
    void progress_follows_the_export_maths_and_a_restore_raises_no_alert_again() {
        Map<String, Long> expected = expected();
        int lastYear = expected.keySet().stream().mapToInt(k -> Integer.parseInt(k.split(";")[1].substring(0, 4)))
                .max().orElseThrow();
        LocalDate asOf = LocalDate.of(lastYear + 1, 1, 15);
        progress = new ProgressSettings(new ProgressCalculator(1.0, 0.9), () -> asOf, Duration.ofMillis(200));
        // targets out of reach: every region and objective of the last year is BEHIND in December
        List<Target> targets = new ArrayList<>();
        new java.util.TreeSet<>(expected.keySet().stream().map(k -> k.split(";")[0] + ";" + k.split(";")[1]
                .substring(0, 4)).toList()).forEach(regionYear -> {
                    for (Objective objective : Objective.values()) {
                        targets.add(new Target(Integer.parseInt(regionYear.split(";")[1]), regionYear.split(";")[0],
                                objective, 1_000_000.0, List.of()));
                    }
                });
        long expectedAlerts = targets.stream().filter(t -> t.getYear() == lastYear).count();
        TargetsLoader.publish(targets, topics, stack.serdes(), Map.of("bootstrap.servers", stack.bootstrapServers()));
        publish(history);

        try (ConsolidationApp app = startApp(stack.newStateDir())) {
            awaitCaughtUp(app);
            await().atMost(TIMEOUT).until(() -> alertsTopic().size() == expectedAlerts);
        }
        Map<AggregateKey, Long> aggregates = new HashMap<>();
        TopicSnapshot.table(Map.of("bootstrap.servers", stack.bootstrapServers()),
                        topics.topic(TopicCatalogue.AGGREGATES).name(),
                        stack.serdes().forKeys(AggregateKey.class).deserializer(),
                        stack.serdes().forValues(AggregateValue.class).deserializer())
                .forEach((k, v) -> aggregates.put(k, v.getPrescriptions()));
        assertThat(Exports.progressRows(TopicSnapshot.table(Map.of("bootstrap.servers", stack.bootstrapServers()),
                        topics.topic(TopicCatalogue.PROGRESS).name(),
                        stack.serdes().forKeys(ProgressKey.class).deserializer(),
                        stack.serdes().forValues(Progress.class).deserializer()).values()))
                .isEqualTo(Exports.progress(aggregates, targets, asOf, progress.calculator()));

        // the machine is lost: the alert states come back from the changelogs, so nothing is raised twice
        try (ConsolidationApp app = startApp(stack.newStateDir())) {
            awaitCaughtUp(app);
            await().during(Duration.ofSeconds(2)).atMost(TIMEOUT)
                    .until(() -> alertsTopic().size() == expectedAlerts);
        }
        assertThat(alertsTopic()).allSatisfy(alert -> assertThat(alert.getKind()).isEqualTo(AlertKind.RAISED));
    }

    private List<Alert> alertsTopic() {
        List<Alert> alerts = new ArrayList<>();
        TopicSnapshot.read(Map.of("bootstrap.servers", stack.bootstrapServers()), topics.topic(TopicCatalogue.ALERTS).name(),
                stack.serdes().forKeys(AlertKey.class).deserializer(),
                stack.serdes().forValues(Alert.class).deserializer(), (k, v) -> alerts.add(v));
        return alerts;
    }

    private Map<String, Long> expected() {
        return ReferenceConsolidation.aggregates(ReferenceConsolidation.consolidate(history));
    }

    private Topology topology() {
        return ConsolidationTopology.build(new ConsolidationConfig(topics, progress), stack.serdes());
    }

    private ConsolidationApp startApp(Path stateDir) {
        StreamsAppConfig config = StreamsAppConfig.defaults(applicationId,
                Map.of("bootstrap.servers", stack.bootstrapServers()), stateDir);
        return new ConsolidationApp(topology(), config).start(TIMEOUT);
    }

    private void awaitCaughtUp(ConsolidationApp app) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            CatchUp catchUp = new CatchUp(admin, applicationId, CatchUp.inputTopicsOf(topology(), applicationId));
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
                    .until(() -> app.failure() == null && catchUp.caughtUp(Duration.ofSeconds(10)));
        }
        assertThat(app.failure()).isNull();
    }

    private void publish(List<PrescriptionEvent> events) {
        List<PrescriptionEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(events.size()));
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<SourceRecordKey, PrescriptionEvent> producer = new KafkaProducer<>(props,
                stack.serdes().forKeys(SourceRecordKey.class).serializer(),
                stack.serdes().forValues(PrescriptionEvent.class).serializer())) {
            for (PrescriptionEvent e : shuffled) {
                producer.send(new ProducerRecord<>(topics.topic(TopicCatalogue.eventsOf(e.getSource())).name(), null,
                        e.getVersionTimestamp().toEpochMilli(), new SourceRecordKey(e.getSource(), e.getSourceKey()), e));
            }
        }
    }

    /** The aggregates topic as a reporting tool sees it: last value per key, tombstones removing keys. */
    private Map<String, Long> aggregatesTopic() {
        Map<String, Long> rows = new TreeMap<>();
        TopicSnapshot.table(Map.of("bootstrap.servers", stack.bootstrapServers()),
                        topics.topic(TopicCatalogue.AGGREGATES).name(),
                        stack.serdes().forKeys(AggregateKey.class).deserializer(),
                        stack.serdes().forValues(AggregateValue.class).deserializer())
                .forEach((k, v) -> rows.put(k.getRegion() + ";" + k.getMonth() + ";" + k.getNetwork() + ";"
                        + k.getAgeBand(), v.getPrescriptions()));
        return rows;
    }
}
