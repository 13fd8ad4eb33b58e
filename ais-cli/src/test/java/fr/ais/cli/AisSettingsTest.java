package fr.ais.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ais.consolidation.app.StreamsAppConfig;
import fr.ais.ingest.PseudonymKey;
import fr.ais.platform.connection.KafkaConnection;
import fr.ais.settings.Flags;
import fr.ais.settings.InvalidSettingsException;
import fr.ais.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's settings: precedence, validation with every error at once, secrets never shown. */
class AisSettingsTest {

    @TempDir
    Path dir;

    @Test
    void every_wrong_setting_is_reported_at_once() {
        Map<String, String> env = Map.of(
                "AIS_KAFKA_BOOTSTRAP_SERVERS", "no port here",
                "AIS_TOPIC_REPLICATION_FACTOR", "0",
                "AIS_STREAMS_THREADS", "many",
                "AIS_PROGRESS_AS_OF", "31/12/2021");

        assertThatThrownBy(() -> AisSettings.resolve(env, Flags.none()))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).hasSize(4))
                .hasMessageContaining("kafka.bootstrap.servers (AIS_KAFKA_BOOTSTRAP_SERVERS) = 'no port here' must be host:port")
                .hasMessageContaining("topic.replication.factor (AIS_TOPIC_REPLICATION_FACTOR) = '0' must be at least 1")
                .hasMessageContaining("streams.threads (AIS_STREAMS_THREADS) = 'many' cannot be read")
                .hasMessageContaining("progress.as.of (AIS_PROGRESS_AS_OF) = '31/12/2021' cannot be read");
    }

    @Test
    void a_flag_beats_the_environment_which_beats_the_file_which_beats_the_default() throws Exception {
        Path file = Files.writeString(dir.resolve("ais.properties"),
                "topic.namespace=from-file\nstreams.application.id=from-file\nstreams.threads=3\n");
        Map<String, String> env = Map.of("AIS_CONFIG_FILE", file.toString(),
                "AIS_TOPIC_NAMESPACE", "from-env", "AIS_STREAMS_APPLICATION_ID", "from-env");

        Settings settings = AisSettings.resolve(env,
                Flags.none().set(KafkaConnection.TOPIC_NAMESPACE, "--topic-namespace", "from-flag"));

        assertThat(settings.get(KafkaConnection.TOPIC_NAMESPACE)).isEqualTo("from-flag");
        assertThat(settings.get(StreamsAppConfig.APPLICATION_ID)).isEqualTo("from-env");
        assertThat(settings.get(StreamsAppConfig.THREADS)).isEqualTo(3);
        assertThat(settings.get(KafkaConnection.REPLICATION_FACTOR)).isEqualTo(1);
        assertThat(settings.describe()).filteredOn(r -> r.name().equals("streams.threads"))
                .extracting(Settings.Row::origin).containsExactly(Settings.Origin.FILE);
    }

    @Test
    void a_secret_is_read_from_its_file_and_never_shown() throws Exception {
        Path key = Files.writeString(dir.resolve("key"), "a very secret pseudonym key\n");

        Settings settings = AisSettings.resolve(Map.of("AIS_PSEUDONYM_KEY_FILE", key.toString()), Flags.none());

        assertThat(settings.get(PseudonymKey.KEY)).isEqualTo("a very secret pseudonym key");
        assertThat(settings.describe()).filteredOn(r -> r.name().equals("pseudonym.key"))
                .extracting(Settings.Row::value, Settings.Row::origin)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("****", Settings.Origin.SECRET_FILE));
        assertThat(settings.toString()).doesNotContain("very secret");
    }

    @Test
    void a_wrong_secret_is_reported_without_its_value() {
        assertThatThrownBy(() -> AisSettings.resolve(Map.of("AIS_PSEUDONYM_KEY", "short"), Flags.none()))
                .hasMessageContaining("pseudonym.key (AIS_PSEUDONYM_KEY) = '****' must be at least 16 bytes")
                .hasMessageNotContaining("short");
    }

    @Test
    void settings_are_checked_against_each_other() {
        assertThatThrownBy(() -> AisSettings.resolve(Map.of("AIS_PROGRESS_AT_RISK_THRESHOLD", "1.2"), Flags.none()))
                .hasMessageContaining("progress.at.risk.threshold must not exceed progress.on.track.threshold");
    }
}
