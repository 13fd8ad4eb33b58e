package fr.ais.kafka.embedded.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secured embedded broker: SASL_SSL with SCRAM-SHA-512 and mutual TLS, deny by default, admin super user. */
class SecuredKafkaBrokerIT {

    @TempDir
    static Path dir;
    private static SecuredKafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = SecuredKafkaBroker.start(dir.resolve("kafka"), dir.resolve("security"), "it-admin", List.of("it-user"));
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static Map<String, Object> quick(Map<String, Object> client) {
        Map<String, Object> p = new HashMap<>(client);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        return p;
    }

    @Test
    void the_admin_is_a_super_user_on_both_listeners() throws Exception {
        try (Admin admin = Admin.create(broker.saslSslClient("it-admin"))) {
            admin.createTopics(List.of(new NewTopic("secured-it", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (Admin admin = Admin.create(broker.mtlsClient("it-admin"))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("secured-it");
        }
    }

    @Test
    void a_principal_with_no_acl_gets_nothing_on_either_listener() throws Exception {
        for (Map<String, Object> client : List.of(broker.saslSslClient("it-user"), broker.mtlsClient("it-user"))) {
            try (Admin user = Admin.create(quick(client))) {
                assertThat(user.listTopics().names().get(30, TimeUnit.SECONDS)).isEmpty();
                assertThatThrownBy(() -> user.createTopics(List.of(new NewTopic("not-allowed", 1, (short) 1))).all()
                        .get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    @Test
    void a_wrong_scram_password_or_no_client_certificate_is_refused() {
        Map<String, Object> wrongPassword = quick(broker.saslSslClient("it-user"));
        wrongPassword.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule"
                + " required username=\"it-user\" password=\"guessed\";");
        try (Admin user = Admin.create(wrongPassword)) {
            assertThatThrownBy(() -> user.listTopics().names().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
        Map<String, Object> noCertificate = quick(broker.mtlsClient("it-user"));
        noCertificate.remove(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG);
        noCertificate.remove(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG);
        noCertificate.remove(SslConfigs.SSL_KEY_PASSWORD_CONFIG);
        noCertificate.remove(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG);
        try (Admin user = Admin.create(noCertificate)) {
            assertThatThrownBy(() -> user.listTopics().names().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SslAuthenticationException.class);
        }
    }

    @Test
    void client_property_files_are_written_for_each_user_readable_by_the_owner_only() throws Exception {
        Path file = broker.clientFile("it-user", false);
        assertThat(file).exists();
        assertThat(Files.readString(file)).contains("security.protocol=SASL_SSL", "SCRAM-SHA-512");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(broker.clientFile("it-user", true)).exists();
    }
}
