package fr.ais.cli;

import fr.ais.cli.alerts.AlertLog;
import fr.ais.cli.pipeline.Connection;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.schemas.Alert;
import fr.ais.schemas.AlertKey;
import fr.ais.schemas.Objective;
import fr.ais.settings.Flags;
import fr.ais.settings.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Print the alerts of ais.alerts, oldest first: when, RAISED or CLEARED, region, objective, month,"
                + " previous -> current status and figures (--open: only the regions whose latest alert is RAISED,"
                + " latest first; --follow: then print new alerts as they come, until Ctrl-C).")
final class AlertsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connectionOptions;

    @Option(names = "--open", description = "Only the open alerts: raised and not cleared since.")
    boolean open;

    @Option(names = "--follow", description = "Keep reading: print each new alert as the consolidation emits it.")
    boolean follow;

    @Option(names = "--region", paramLabel = "CODE", description = "Only this region (INSEE code, e.g. 84).")
    String region;

    @Option(names = "--objective", paramLabel = "OBJ", description = "Only this objective: GLOBAL, PE or ML.")
    String objective;

    @Override
    public Integer call() {
        if (objective != null && java.util.Arrays.stream(Objective.values()).noneMatch(o -> o.name().equalsIgnoreCase(objective))) {
            throw new UsageException("unknown objective '" + objective + "': GLOBAL, PE or ML");
        }
        Settings settings = AisCommand.settings(spec, connectionOptions.addTo(Flags.none()));
        Connection connection = AisCommand.connection(spec, settings);
        AlertLog.Filter filter = new AlertLog.Filter(region, objective == null ? null : objective.toUpperCase(Locale.ROOT));
        String topic = connection.catalogue().topic(TopicCatalogue.ALERTS).name();
        Map<String, Object> props = new HashMap<>(connection.clientProperties());
        // only what committed transactions wrote: an alert of an aborted commit was never emitted
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var serdes = connection.serdes(false);
        try (KafkaConsumer<AlertKey, Alert> consumer = new KafkaConsumer<>(props,
                serdes.forKeys(AlertKey.class).deserializer(), serdes.forValues(Alert.class).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new UserException("no topic " + topic + ": run ais topics first");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            AlertLog log = new AlertLog();
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> log.add(entry(r)));
            }
            List<AlertLog.Entry> shown = open ? log.open(filter) : log.history(filter);
            shown.forEach(e -> System.out.println(AlertLog.line(e)));
            if (!follow) {
                if (shown.isEmpty()) {
                    System.out.println(open ? "no open alert" : "no alert");
                }
                return 0;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(consumer::wakeup, "ais-alerts-shutdown"));
            System.out.println("following " + topic + "; Ctrl-C stops");
            try {
                while (true) {
                    for (ConsumerRecord<AlertKey, Alert> r : consumer.poll(Duration.ofSeconds(1))) {
                        AlertLog.Entry e = entry(r);
                        if (filter.accepts(e.alert())) {
                            System.out.println(AlertLog.line(e));
                        }
                    }
                }
            } catch (WakeupException stopped) {
                return 0;
            }
        }
    }

    private static AlertLog.Entry entry(ConsumerRecord<AlertKey, Alert> record) {
        return new AlertLog.Entry(Instant.ofEpochMilli(record.timestamp()), record.value());
    }
}
