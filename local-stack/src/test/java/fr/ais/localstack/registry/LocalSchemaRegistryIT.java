package fr.ais.localstack.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ais.localstack.junit.LocalStackExtension;
import fr.ais.localstack.junit.TestStack;
import fr.ais.localstack.test.v1.Greeting;
import fr.ais.registry.CompatibilityLevel;
import fr.ais.registry.IncompatibleSchemaException;
import fr.ais.registry.RegisteredSchema;
import fr.ais.registry.RestSchemaRegistryClient;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The local registry on a real broker: compatibility refused with 409, schemas kept on the topic across a restart. */
@ExtendWith(LocalStackExtension.class)
class LocalSchemaRegistryIT {

    @Test
    void anIncompatibleSchemaIsRefusedWith409(TestStack stack) {
        var client = new RestSchemaRegistryClient(stack.registryUrl());
        String subject = stack.uniqueName("greetings") + "-value";
        client.register(subject, Greeting.getClassSchema());

        assertThatThrownBy(() -> client.register(subject, fr.ais.localstack.test.broken.Greeting.getClassSchema()))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("language");
        assertThat(client.latest(subject).version()).isEqualTo(1);
    }

    @Test
    void aRestartOnTheSameBrokerKeepsSchemasAndIds(TestStack stack) throws Exception {
        String topic = stack.uniqueName("_schemas");
        String subject = "greetings-value";
        int v1;
        int v2;
        try (LocalSchemaRegistry first = LocalSchemaRegistry.start(stack.bootstrapServers(), topic, 0)) {
            var client = new RestSchemaRegistryClient(first.url());
            v1 = client.register(subject, Greeting.getClassSchema());
            v2 = client.register(subject, fr.ais.localstack.test.v2.Greeting.getClassSchema());
            client.setCompatibility(subject, CompatibilityLevel.FULL);
        }

        try (LocalSchemaRegistry second = LocalSchemaRegistry.start(stack.bootstrapServers(), topic, 0)) {
            var client = new RestSchemaRegistryClient(second.url());
            assertThat(client.getById(v1)).isEqualTo(Greeting.getClassSchema());
            assertThat(client.latest(subject))
                    .isEqualTo(new RegisteredSchema(subject, v2, 2, fr.ais.localstack.test.v2.Greeting.getClassSchema()));
            assertThat(client.register(subject, Greeting.getClassSchema())).as("same id again").isEqualTo(v1);
            assertThat(client.getCompatibility(subject)).isEqualTo(CompatibilityLevel.FULL);
        }

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()).hasSize(1);
        }
    }
}
