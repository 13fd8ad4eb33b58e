package fr.ais.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ais.cli.AisCommandHelpTest.Run;
import fr.ais.cli.alerts.AlertLogTest;
import fr.ais.cli.pipeline.Connection;
import fr.ais.localstack.junit.LocalStackExtension;
import fr.ais.localstack.junit.TestStack;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.schemas.Alert;
import fr.ais.schemas.AlertKey;
import fr.ais.schemas.AlertKind;
import fr.ais.schemas.Objective;
import fr.ais.schemas.ProgressStatus;
import fr.ais.settings.Flags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code ais alerts} reads ais.alerts on a real broker: the history, or the open alerts only, and follows it. */
@ExtendWith(LocalStackExtension.class)
class AlertsCommandIT {

    @TempDir
    Path dir;

    @Test
    void ais_alerts_prints_the_history_and_with_open_only_the_regions_whose_latest_alert_is_raised(TestStack stack)
            throws Exception {
        String namespace = stack.uniqueName("alerts") + ".";
        Map<String, String> environment = Map.of("AIS_KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                "AIS_SCHEMA_REGISTRY_URL", stack.registryUrl(), "AIS_TOPIC_NAMESPACE", namespace);
        Connection connection = Connection.from(AisSettings.resolve(environment, Flags.none()));
        connection.ensureTopics();
        String topic = connection.catalogue().topic(TopicCatalogue.ALERTS).name();
        var serdes = stack.serdes();
        try (KafkaProducer<AlertKey, Alert> producer = new KafkaProducer<>(stack.clientProperties(),
                serdes.forKeys(AlertKey.class).serializer(), serdes.forValues(Alert.class).serializer())) {
            for (var e : List.of(
                    AlertLogTest.alert("2026-11-01T08:00:00Z", "84", Objective.GLOBAL, AlertKind.RAISED, ProgressStatus.ON_TRACK, ProgressStatus.AT_RISK),
                    AlertLogTest.alert("2026-11-02T08:00:00Z", "11", Objective.ML, AlertKind.RAISED, null, ProgressStatus.BEHIND),
                    AlertLogTest.alert("2026-11-03T08:00:00Z", "84", Objective.GLOBAL, AlertKind.CLEARED, ProgressStatus.AT_RISK, ProgressStatus.ON_TRACK))) {
                producer.send(new ProducerRecord<>(topic, null, e.at().toEpochMilli(),
                        new AlertKey(e.alert().getRegion(), e.alert().getObjective()), e.alert())).get();
            }
        }

        Run history = AisCommandHelpTest.run(environment, "alerts");
        assertThat(history.code()).as(history.err()).isZero();
        assertThat(history.out().lines()).containsExactly(
                "2026-11-01T08:00:00Z RAISED  84 GLOBAL 2026-10 ON_TRACK -> AT_RISK ratio 0.8513 (850 / 998.50)",
                "2026-11-02T08:00:00Z RAISED  11 ML     2026-10 (none) -> BEHIND ratio 0.8513 (850 / 998.50)",
                "2026-11-03T08:00:00Z CLEARED 84 GLOBAL 2026-10 AT_RISK -> ON_TRACK ratio 0.8513 (850 / 998.50)");

        Run open = AisCommandHelpTest.run(environment, "alerts", "--open");
        assertThat(open.out().lines()).singleElement().asString().contains("RAISED  11 ML");

        Run none = AisCommandHelpTest.run(environment, "alerts", "--open", "--region", "84");
        assertThat(none.out().strip()).isEqualTo("no open alert");

        assertThat(AisCommandHelpTest.run(environment, "alerts", "--objective", "NOPE").code()).isEqualTo(2);

        // --follow, in a process of its own as an operator runs it: the open alerts, then each new one, until a signal
        Path output = dir.resolve("follow.txt");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), AisCommand.class.getName(),
                "alerts", "--follow", "--open").redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process follower = builder.start();
        try {
            await().atMost(Duration.ofMinutes(1)).until(() -> Files.readString(output).contains("following " + topic));
            assertThat(Files.readString(output)).contains("RAISED  11 ML");
            var raised = AlertLogTest.alert("2026-11-04T08:00:00Z", "93", Objective.PE, AlertKind.RAISED,
                    ProgressStatus.ON_TRACK, ProgressStatus.AT_RISK);
            try (KafkaProducer<AlertKey, Alert> producer = new KafkaProducer<>(stack.clientProperties(),
                    serdes.forKeys(AlertKey.class).serializer(), serdes.forValues(Alert.class).serializer())) {
                producer.send(new ProducerRecord<>(topic, null, raised.at().toEpochMilli(),
                        new AlertKey("93", Objective.PE), raised.alert())).get();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(output).contains(
                    "2026-11-04T08:00:00Z RAISED  93 PE     2026-10 ON_TRACK -> AT_RISK"));
        } finally {
            follower.destroy(); // SIGTERM, as Ctrl-C
            assertThat(follower.waitFor(30, TimeUnit.SECONDS)).as("stops on a signal").isTrue();
        }
    }
}
