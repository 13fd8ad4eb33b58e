package fr.ais.kafka.embedded.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The second backend, Apache Kafka's own image through Testcontainers: the same broker contract
 * where Docker exists; skipped (not failed) where it does not, as on this project's CI.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerBrokerIT {

    @Test
    void the_container_broker_accepts_topics() throws Exception {
        KafkaBrokerExtension.ContainerBroker broker = new KafkaBrokerExtension.ContainerBroker();
        try {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(Set.of(new NewTopic("container-topic", 1, (short) 1))).all().get();
                assertThat(admin.listTopics().names().get()).contains("container-topic");
            }
        } finally {
            broker.close();
        }
    }
}
