package fr.ais.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ais.cli.pipeline.Connection;
import fr.ais.localstack.junit.LocalStackExtension;
import fr.ais.localstack.junit.TestStack;
import fr.ais.platform.connection.KafkaConnection;
import fr.ais.platform.topics.Topic;
import fr.ais.platform.topics.TopicAdmin;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.CompatibilityLevel;
import fr.ais.registry.RegistryClientConfig;
import fr.ais.registry.RestSchemaRegistryClient;
import fr.ais.registry.WireFormatSerde;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Topic creation is idempotent, verifies what exists, reports every drift at once, and never alters. */
@ExtendWith(LocalStackExtension.class)
class TopicAdminIT {

    @Test
    void creating_the_catalogue_twice_creates_nothing_the_second_time(TestStack stack) {
        TopicCatalogue catalogue = TopicCatalogue.withNamespace(stack.uniqueName("admin") + ".");
        try (Admin admin = Admin.create(stack.clientProperties())) {
            TopicAdmin topics = new TopicAdmin(admin, 1);

            TopicAdmin.Report first = topics.ensure(catalogue.topics());
            TopicAdmin.Report second = topics.ensure(catalogue.topics());

            assertThat(first.created()).hasSize(catalogue.topics().size());
            assertThat(second.created()).isEmpty();
            assertThat(second.verified()).hasSize(catalogue.topics().size());
            assertThat(second.hasDrift()).isFalse();
        }
    }

    @Test
    void ais_topics_sets_backward_compatibility_on_every_subject_it_registers_whatever_the_registry_default(
            TestStack stack) {
        TopicCatalogue catalogue = TopicCatalogue.withNamespace(stack.uniqueName("compat") + ".");
        RestSchemaRegistryClient registry = new RestSchemaRegistryClient(stack.registryUrl());
        CompatibilityLevel global = registry.getGlobalCompatibility();
        // as Apicurio's ccompat API leaves a new subject: no check at all
        registry.setGlobalCompatibility(CompatibilityLevel.NONE);
        try {
            new Connection(new KafkaConnection(stack.clientProperties(), catalogue, 1),
                    RegistryClientConfig.of(stack.registryUrl())).ensureTopics();

            for (Topic<?, ?> topic : catalogue.topics()) {
                for (boolean key : new boolean[] {true, false}) {
                    assertThat(registry.getCompatibility(WireFormatSerde.subject(topic.name(), key)))
                            .as(topic.name() + (key ? " key" : " value")).isEqualTo(CompatibilityLevel.BACKWARD);
                }
            }
        } finally {
            registry.setGlobalCompatibility(global);
        }
    }

    @Test
    void a_topic_that_differs_from_the_catalogue_is_reported_and_left_alone(TestStack stack) throws Exception {
        TopicCatalogue catalogue = TopicCatalogue.withNamespace(stack.uniqueName("drift") + ".");
        String aggregates = catalogue.topic(TopicCatalogue.AGGREGATES).name();
        String events = catalogue.topic(TopicCatalogue.PE_EVENTS).name();
        try (Admin admin = Admin.create(stack.clientProperties())) {
            admin.createTopics(Set.of(
                    new NewTopic(aggregates, 2, (short) 1).configs(Map.of("cleanup.policy", "delete")),
                    new NewTopic(events, 4, (short) 1).configs(Map.of("cleanup.policy", "compact")))).all().get();

            TopicAdmin.Report report = new TopicAdmin(admin, 1).ensure(catalogue.topics());

            assertThat(report.drifts()).containsExactlyInAnyOrder(
                    events + ": cleanup.policy=compact, the catalogue says delete",
                    aggregates + ": 2 partitions, the catalogue says 4",
                    aggregates + ": cleanup.policy=delete, the catalogue says compact");
            assertThatThrownBy(report::requireNoDrift).hasMessageContaining("nothing was changed");
            assertThat(admin.describeTopics(Set.of(aggregates)).allTopicNames().get().get(aggregates).partitions())
                    .hasSize(2);
        }
    }
}
