package fr.ais.consolidation.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ais.settings.Flags;
import fr.ais.settings.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServingConfigTest {

    private static Settings settings(Map<String, String> environment) {
        return Settings.resolve(List.of(ServingConfig.SETTINGS), environment, Flags.none());
    }

    @Test
    void the_advertised_host_is_the_bind_host_by_default() {
        assertThat(new ServingConfig("127.0.0.1", 0, null).advertisedHost()).isEqualTo("127.0.0.1");
        assertThat(new ServingConfig("api.internal", 0, null).advertisedHost()).isEqualTo("api.internal");
    }

    @Test
    void application_server_is_never_a_wildcard_address() {
        for (String wildcard : List.of("0.0.0.0", "::")) {
            assertThat(new ServingConfig(wildcard, 8088, null).advertisedHost())
                    .isNotBlank().isNotIn("0.0.0.0", "::", "[::]");
            assertThatThrownBy(() -> new ServingConfig("127.0.0.1", 8088, null, wildcard, null))
                    .hasMessageContaining("advertised host");
        }
        assertThat(settings(Map.of("AIS_SERVING_HOST", "0.0.0.0", "AIS_SERVING_ADVERTISED_HOST",
                "ais-consolidation-1.ais-consolidation")).get(ServingConfig.ADVERTISED_HOST))
                .isEqualTo("ais-consolidation-1.ais-consolidation");
        assertThatThrownBy(() -> settings(Map.of("AIS_SERVING_ADVERTISED_HOST", "0.0.0.0")))
                .hasMessageContaining("serving.advertised.host");
    }

    @Test
    void a_concrete_port_keeps_the_advertised_host_and_the_tls_key_store() {
        ServingConfig.Tls tls = new ServingConfig.Tls(Path.of("serving.p12"), "secret", null);
        ServingConfig config = new ServingConfig("0.0.0.0", 0, "t", "pod-1.svc", tls);

        ServingConfig concrete = Serving.withConcretePort(config);

        assertThat(concrete.port()).isPositive();
        assertThat(concrete.advertisedHost()).isEqualTo("pod-1.svc");
        assertThat(concrete.tls()).isEqualTo(tls);
        assertThat(concrete.scheme()).isEqualTo("https");
        assertThat(tls.type()).isEqualTo("PKCS12");
    }

    @Test
    void the_key_store_password_and_token_are_never_printed() {
        ServingConfig config = new ServingConfig("127.0.0.1", 1, "the-token", null,
                new ServingConfig.Tls(Path.of("s.p12"), "the-password", "PKCS12"));
        assertThat(config.toString()).doesNotContain("the-token", "the-password");
    }

    @Test
    void only_a_non_loopback_bind_is_beyond_loopback() {
        assertThat(new ServingConfig("127.0.0.1", 1, null).bindsBeyondLoopback()).isFalse();
        assertThat(new ServingConfig("localhost", 1, null).bindsBeyondLoopback()).isFalse();
        assertThat(new ServingConfig("0.0.0.0", 1, null).bindsBeyondLoopback()).isTrue();
    }
}
