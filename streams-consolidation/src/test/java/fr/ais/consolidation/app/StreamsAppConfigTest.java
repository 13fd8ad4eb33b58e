package fr.ais.consolidation.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.platform.connection.KafkaConnection;
import fr.ais.settings.Flags;
import fr.ais.settings.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamsAppConfigTest {

    private static StreamsAppConfig from(Map<String, String> environment) {
        return StreamsAppConfig.from(Settings.resolve(List.of(KafkaConnection.SETTINGS, StreamsAppConfig.SETTINGS),
                environment, Flags.none()));
    }

    @Test
    void the_application_id_takes_the_topic_namespace_by_default() {
        assertThat(from(Map.of()).applicationId()).isEqualTo("ais-consolidation");
        assertThat(from(Map.of("AIS_TOPIC_NAMESPACE", "region52.")).applicationId())
                .isEqualTo("region52.ais-consolidation");
    }

    @Test
    void two_namespaced_pipelines_never_share_a_consumer_group_nor_internal_topics() {
        String a = from(Map.of("AIS_TOPIC_NAMESPACE", "a.")).applicationId();
        String b = from(Map.of("AIS_TOPIC_NAMESPACE", "b.")).applicationId();
        assertThat(a).isNotEqualTo(b);
        assertThat((a + "-x").startsWith(b + "-")).isFalse();
    }

    @Test
    void a_configured_application_id_is_kept_as_given() {
        assertThat(from(Map.of("AIS_TOPIC_NAMESPACE", "region52.", "AIS_STREAMS_APPLICATION_ID", "custom")).applicationId())
                .isEqualTo("custom");
    }
}
