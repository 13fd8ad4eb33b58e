package fr.ais.kafka.embedded.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension gives every test the same JVM-wide broker and names no other test gets. */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaBrokerExtensionIT {

    @Test
    void tests_get_a_reachable_broker_and_unique_names(TestKafka kafka) throws Exception {
        String topic = kafka.uniqueName("topic");
        assertThat(kafka.uniqueName("topic")).isNotEqualTo(topic);
        assertThat(kafka.newStateDir()).isEmptyDirectory().isNotEqualTo(kafka.newStateDir());
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get();
            // the broker's metadata cache learns of the new topic a moment after the controller
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(admin.listTopics().names().get()).contains(topic));
        }
    }
}
