package fr.ais.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.cli.AisCommandHelpTest.Run;
import fr.ais.cli.pipeline.Connection;
import fr.ais.consolidation.app.BoundedRocksDbConfig;
import fr.ais.consolidation.app.ConsolidationApp;
import fr.ais.consolidation.app.StreamsAppConfig;
import fr.ais.consolidation.progress.ProgressCalculator;
import fr.ais.consolidation.serving.ServingConfig;
import fr.ais.ingest.PseudonymKey;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.ingest.publish.IngestSettings;
import fr.ais.ingest.ouiform.api.OuiFormApiConfig;
import fr.ais.localstack.LocalStack;
import fr.ais.registry.RegistryClientConfig;
import fr.ais.schemas.IdentifierType;
import fr.ais.schemas.ProgressStatus;
import fr.ais.settings.Flags;
import fr.ais.settings.Setting;
import fr.ais.settings.Settings;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mounted config file reaches every setting (issue 15): with AIS_CONFIG_FILE the whole environment,
 * each setting the file gives takes effect on what the commands build from the settings.
 */
class ConfigurationFileTest {

    private static final String KEY = "a pseudonym key from the file only";

    @TempDir
    Path dir;

    private Path file;
    private Settings settings;

    @BeforeEach
    void setUp() throws IOException {
        Path token = Files.writeString(dir.resolve("ouiform-token"), "token-from-a-mounted-secret\n");
        file = Files.writeString(dir.resolve("ais.properties"), String.join("\n",
                "kafka.bootstrap.servers=kafka-1:9093,kafka-2:9093",
                "topic.namespace=region52.",
                "topic.replication.factor=3",
                "kafka.client.security.protocol=SASL_SSL",
                "kafka.client.sasl.jaas.config=PlainLoginModule required password=\"jaas\";",
                "schema.registry.url=https://registry.example:8443/apis/ccompat/v7",
                "schema.registry.user=ais",
                "schema.registry.password=registry-password",
                "schema.registry.truststore=/etc/ais/registry-ca.jks",
                "schema.registry.truststore.password=truststore-password",
                "schema.registry.truststore.type=JKS",
                "pseudonym.key=" + KEY,
                "ingest.transaction.records=2000",
                "ouiform.api.url=https://ouiform.example/",
                "ouiform.token.file=" + token,
                "streams.application.id=ais-consolidation-52",
                "streams.state.dir=/var/lib/ais/streams",
                "streams.threads=3",
                "streams.commit.interval.ms=250",
                "streams.replay.commit.interval.ms=2500",
                "streams.rocksdb.block.cache.bytes=134217728",
                "streams.rocksdb.write.buffer.bytes=16777216",
                "streams.recent.sessions=500",
                "streams.standby.replicas=1",
                "streams.instance.id=consolidation-0",
                "progress.as.of=2021-10-15",
                "progress.on.track.threshold=1.5",
                "progress.at.risk.threshold=1.2",
                "progress.refresh.interval.ms=5000",
                "serving.host=0.0.0.0",
                "serving.port=9443",
                "serving.token=serving-token",
                "connector.metrics.host=0.0.0.0",
                "serving.advertised.host=ais-consolidation-0.ais-consolidation",
                "serving.tls.keystore=/etc/ais/serving.p12",
                "serving.tls.keystore.password=serving-keystore-password",
                "serving.tls.keystore.type=JKS",
                "stack.data.dir=/var/lib/ais/stack",
                "stack.broker.port=19092",
                "stack.registry.port=18081",
                "stack.registry.host=0.0.0.0") + "\n", StandardCharsets.UTF_8);
        settings = AisSettings.resolve(environment(), Flags.none());
    }

    private Map<String, String> environment() {
        return Map.of("AIS_CONFIG_FILE", file.toString());
    }

    @Test
    void the_file_sets_every_setting_of_every_module() throws IOException {
        Properties given = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            given.load(in);
        }
        Set<String> keys = given.stringPropertyNames().stream().map(k -> k.replaceAll("\\.file$", ""))
                .collect(Collectors.toSet());

        assertThat(keys).as("a setting this test does not set through the file")
                .containsAll(AisSettings.GROUPS.stream().flatMap(g -> g.settings().stream()).map(Setting::name).toList());
        assertThat(settings.describe()).allSatisfy(row -> assertThat(row.origin())
                .isIn(Settings.Origin.FILE, Settings.Origin.SECRET_FILE));
    }

    @Test
    void ais_config_shows_them_all_from_the_file_secrets_masked() {
        Run run = AisCommandHelpTest.run(environment(), "config");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("settings file: " + file)
                .containsPattern("streams.threads +3 +file +AIS_STREAMS_THREADS")
                .containsPattern("progress.as.of +2021-10-15 +file")
                .containsPattern("kafka.client.security.protocol +SASL_SSL +file +AIS_KAFKA_CLIENT_SECURITY_PROTOCOL")
                .containsPattern("kafka.client.sasl.jaas.config +\\*\\*\\*\\* +file")
                .containsPattern("ouiform.token +\\*\\*\\*\\* +secret_file")
                .doesNotContain("registry-password", "truststore-password", "serving-token", "serving-keystore-password", KEY, "jaas\"",
                        "token-from-a-mounted-secret");
    }

    @Test
    void the_cluster_clients_and_topics_follow_the_file() {
        Connection connection = Connection.from(settings);

        assertThat(connection.clientProperties()).containsAllEntriesOf(Map.of(
                "bootstrap.servers", "kafka-1:9093,kafka-2:9093", "security.protocol", "SASL_SSL",
                "sasl.jaas.config", "PlainLoginModule required password=\"jaas\";"));
        assertThat(connection.catalogue().namespace()).isEqualTo("region52.");
        assertThat(connection.replicationFactor()).isEqualTo(3);
    }

    @Test
    void the_registry_client_follows_the_file() {
        RegistryClientConfig registry = Connection.from(settings).registry();

        assertThat(registry.baseUrl()).isEqualTo(URI.create("https://registry.example:8443/apis/ccompat/v7"));
        assertThat(registry.username()).isEqualTo("ais");
        assertThat(registry.password()).isEqualTo("registry-password");
        assertThat(registry.trustStore()).isEqualTo(Path.of("/etc/ais/registry-ca.jks"));
        assertThat(registry.trustStorePassword()).isEqualTo("truststore-password");
        assertThat(registry.trustStoreType()).isEqualTo("JKS");
    }

    @Test
    void the_consolidation_s_streams_progress_and_serving_follow_the_file() {
        ConsolidateCommand.Configured run = ConsolidateCommand.Configured.from(settings, Clock.systemUTC());

        Properties streams = ConsolidationApp.streamsProperties(run.streams());
        assertThat(streams).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "ais-consolidation-52")
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, Path.of("/var/lib/ais/streams").toString())
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 3)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 250L)
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
                .containsEntry(BoundedRocksDbConfig.BLOCK_CACHE_BYTES, 134217728L)
                .containsEntry(BoundedRocksDbConfig.WRITE_BUFFER_BYTES, 16777216L)
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1)
                .containsEntry("bootstrap.servers", "kafka-1:9093,kafka-2:9093")
                .containsEntry("security.protocol", "SASL_SSL");

        // the topology's own setting reaches it through its config, not the Streams properties
        assertThat(run.streams().recentSessions()).isEqualTo(500);
        assertThat(run.streams().standbyReplicas()).isEqualTo(1);
        assertThat(run.streams().instanceId()).isEqualTo("consolidation-0");
        assertThat(streams).containsEntry("main.consumer.group.instance.id", "ais-consolidation-52-consolidation-0");

        assertThat(run.progress().asOf().get()).isEqualTo(LocalDate.of(2021, 10, 15));
        assertThat(run.progress().refreshInterval()).isEqualTo(Duration.ofSeconds(5));
        ProgressCalculator calculator = run.progress().calculator();
        assertThat(calculator.status(new BigDecimal("1.5"))).isEqualTo(ProgressStatus.ON_TRACK);
        assertThat(calculator.status(new BigDecimal("1.3"))).isEqualTo(ProgressStatus.AT_RISK);
        assertThat(calculator.status(new BigDecimal("1.1"))).isEqualTo(ProgressStatus.BEHIND);

        // a local run (ais replay, ais demo) takes the same settings, with the replay's commit interval
        StreamsAppConfig local = StreamsAppConfig.forLocalRun(settings, "ais-run", Map.of(), Path.of("/tmp/run"));
        assertThat(local.commitInterval()).isEqualTo(Duration.ofMillis(2500));
        assertThat(local.streamThreads()).isEqualTo(3);
        assertThat(local.recentSessions()).isEqualTo(500);

        assertThat(run.serving().host()).isEqualTo("0.0.0.0");
        assertThat(run.serving().port()).isEqualTo(9443);
        assertThat(run.serving().token()).isEqualTo("serving-token");
        assertThat(run.serving().advertisedHost()).isEqualTo("ais-consolidation-0.ais-consolidation");
        assertThat(run.serving().tls()).isEqualTo(new ServingConfig.Tls(Path.of("/etc/ais/serving.p12"),
                "serving-keystore-password", "JKS"));
    }

    @Test
    void the_stack_follows_the_file() {
        assertThat(LocalStack.Config.from(settings))
                .isEqualTo(new LocalStack.Config(Path.of("/var/lib/ais/stack"), 19092, 18081, "0.0.0.0"));
    }

    @Test
    void the_connectors_pseudonym_key_and_the_ouiform_api_follow_the_file() {
        Pseudonymizer pseudonymizer = PseudonymKey.from(settings);
        assertThat(pseudonymizer.pseudonymise(IdentifierType.DE, "1234567A")).isEqualTo(
                new Pseudonymizer(KEY.getBytes(StandardCharsets.UTF_8)).pseudonymise(IdentifierType.DE, "1234567A"));

        assertThat(IngestSettings.from(settings).transactionRecords()).isEqualTo(2000);

        OuiFormApiConfig api = OuiFormApiConfig.from(settings);
        assertThat(api.baseUrl()).isEqualTo(URI.create("https://ouiform.example/"));
        assertThat(api.token()).isEqualTo("token-from-a-mounted-secret");
    }
}
