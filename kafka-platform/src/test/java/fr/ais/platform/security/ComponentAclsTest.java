package fr.ais.platform.security;

import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.IDEMPOTENT_WRITE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ais.platform.topics.Topic;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.schemas.Source;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class ComponentAclsTest {

    private static final TopicCatalogue TOPICS = TopicCatalogue.withNamespace("it-7.");
    private static final String APP = "it-7.ais-consolidation";
    private static final Map<Component, ComponentAcls> ACLS = ComponentAcls.forAll(TOPICS, APP).stream()
            .collect(Collectors.toMap(ComponentAcls::component, Function.identity()));

    private static String name(Topic<?, ?> template) {
        return TOPICS.topic(template).name();
    }

    private static boolean may(Component component, org.apache.kafka.common.acl.AclOperation op, Topic<?, ?> topic) {
        return ACLS.get(component).allows(op, ResourceType.TOPIC, name(topic));
    }

    @Test
    void one_principal_per_component_named_after_it_under_the_namespace() {
        assertThat(ACLS).containsOnlyKeys(Component.values());
        assertThat(ACLS.values()).extracting(ComponentAcls::principal).doesNotHaveDuplicates()
                .contains("User:ais-it-7.ingest-pe", "User:ais-it-7.consolidation", "User:ais-it-7.admin");
        assertThat(ComponentAcls.forAll(TopicCatalogue.DEFAULT, "ais-consolidation"))
                .extracting(ComponentAcls::userName)
                .containsExactly("ais-ingest-pe", "ais-ingest-imilo", "ais-ingest-ouiform", "ais-targets-loader",
                        "ais-consolidation", "ais-exporter", "ais-schema-registry", "ais-admin");
        ACLS.values().forEach(acls -> assertThat(acls.bindings()).allSatisfy(b -> {
            assertThat(b.entry().principal()).isEqualTo(acls.principal());
            assertThat(b.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW);
            assertThat(b.entry().host()).isEqualTo("*");
        }));
    }

    @Test
    void every_connector_writes_its_own_event_topic_dead_letters_and_checkpoints_and_nothing_else() {
        for (Source source : Source.values()) {
            Component connector = Component.connectorOf(source);
            assertThat(writtenTopics(connector)).containsExactlyInAnyOrder(name(TopicCatalogue.eventsOf(source)),
                    name(TopicCatalogue.DEAD_LETTERS), name(TopicCatalogue.CONNECTOR_CHECKPOINTS));
            assertThat(readTopics(connector)).containsExactly(name(TopicCatalogue.CONNECTOR_CHECKPOINTS));
            assertThat(ACLS.get(connector).allows(WRITE, ResourceType.TRANSACTIONAL_ID, "ais-it-7." + connector.id()))
                    .isTrue();
            assertThat(ACLS.get(connector).allows(IDEMPOTENT_WRITE, ResourceType.CLUSTER, "kafka-cluster")).isTrue();
        }
    }

    @Test
    void the_pe_connector_cannot_write_the_imilo_topic_nor_read_the_aggregates() {
        assertThat(may(Component.PE_CONNECTOR, WRITE, TopicCatalogue.IMILO_EVENTS)).isFalse();
        assertThat(may(Component.PE_CONNECTOR, READ, TopicCatalogue.AGGREGATES)).isFalse();
        assertThat(may(Component.PE_CONNECTOR, DESCRIBE, TopicCatalogue.AGGREGATES)).isFalse();
        assertThat(ACLS.get(Component.PE_CONNECTOR).allows(WRITE, ResourceType.TRANSACTIONAL_ID, "ais-it-7.ingest-imilo"))
                .isFalse();
    }

    @Test
    void the_exporter_cannot_write_anywhere_and_has_no_group_nor_transaction() {
        assertThat(ACLS.get(Component.EXPORTER).bindings()).allSatisfy(b -> {
            assertThat(b.entry().operation()).isEqualTo(READ);
            assertThat(b.pattern().resourceType()).isEqualTo(ResourceType.TOPIC);
            assertThat(b.pattern().patternType()).isEqualTo(PatternType.LITERAL);
        });
        assertThat(readTopics(Component.EXPORTER)).containsExactlyInAnyOrder(name(TopicCatalogue.AGGREGATES),
                name(TopicCatalogue.QUALITY), name(TopicCatalogue.TARGETS), name(TopicCatalogue.DEAD_LETTERS));
    }

    @Test
    void the_consolidation_reads_the_events_and_cannot_write_them() {
        for (Source source : Source.values()) {
            assertThat(may(Component.CONSOLIDATION, READ, TopicCatalogue.eventsOf(source))).isTrue();
            assertThat(may(Component.CONSOLIDATION, WRITE, TopicCatalogue.eventsOf(source))).isFalse();
        }
        assertThat(may(Component.CONSOLIDATION, WRITE, TopicCatalogue.DEAD_LETTERS)).isFalse();
        assertThat(may(Component.CONSOLIDATION, WRITE, TopicCatalogue.TARGETS)).isFalse();
        assertThat(writtenTopics(Component.CONSOLIDATION)).contains(name(TopicCatalogue.CONSOLIDATED),
                name(TopicCatalogue.AGGREGATES), name(TopicCatalogue.QUALITY), name(TopicCatalogue.PROGRESS),
                name(TopicCatalogue.ALERTS));
    }

    @Test
    void the_streams_internal_topics_group_and_transactional_ids_are_granted_by_the_application_id_only() {
        ComponentAcls streams = ACLS.get(Component.CONSOLIDATION);
        String changelog = APP + "-consolidated-prescriptions-store-changelog";
        assertThat(streams.allows(CREATE, ResourceType.TOPIC, changelog)).isTrue();
        assertThat(streams.allows(WRITE, ResourceType.TOPIC, APP + "-alerts-by-region-repartition")).isTrue();
        // another application whose id merely starts with this one's
        assertThat(streams.allows(WRITE, ResourceType.TOPIC, APP + "2-alerts-by-region-repartition")).isFalse();
        assertThat(streams.allows(READ, ResourceType.GROUP, APP)).isTrue();
        assertThat(streams.allows(READ, ResourceType.GROUP, APP + "-other")).isFalse();
        assertThat(streams.allows(WRITE, ResourceType.TRANSACTIONAL_ID, APP + "-3f1c-0")).isTrue();
        assertThat(streams.allows(CREATE, ResourceType.TOPIC, name(TopicCatalogue.AGGREGATES))).isFalse();
    }

    @Test
    void only_the_admin_creates_catalogue_topics_and_only_the_consolidation_has_a_consumer_group() {
        for (Topic<?, ?> topic : TOPICS.topics()) {
            assertThat(ACLS.values().stream().filter(a -> a.allows(CREATE, ResourceType.TOPIC, topic.name())))
                    .extracting(ComponentAcls::component).containsExactly(Component.ADMIN);
        }
        assertThat(ACLS.values().stream().flatMap(a -> a.bindings().stream())
                .filter(b -> b.pattern().resourceType() == ResourceType.GROUP))
                .allSatisfy(b -> assertThat(b.entry().principal()).isEqualTo("User:ais-it-7.consolidation"));
        assertThat(ACLS.get(Component.REGISTRY).allows(WRITE, ResourceType.TOPIC, "it-7._schemas")).isTrue();
        assertThat(ACLS.get(Component.REGISTRY).allows(WRITE, ResourceType.TOPIC, "_schemas")).isFalse();
    }

    @Test
    void every_topic_of_the_catalogue_is_written_by_some_component() {
        List<String> written = ACLS.values().stream().flatMap(a -> a.bindings().stream())
                .filter(b -> b.entry().operation() == WRITE).map(b -> b.pattern().name()).toList();
        assertThat(written).containsAll(TOPICS.topics().stream().map(Topic::name).toList());
    }

    @Test
    void a_blank_application_id_is_refused() {
        assertThatThrownBy(() -> ComponentAcls.forAll(TOPICS, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kafka_acls_commands_say_the_same_as_the_bindings() {
        List<String> pe = KafkaAclsScript.commands(ACLS.get(Component.PE_CONNECTOR));
        assertThat(pe).contains(
                "kafka-acls.sh --bootstrap-server \"$BOOTSTRAP\" --command-config \"$ADMIN_CONFIG\" --add"
                        + " --allow-principal 'User:ais-it-7.ingest-pe' --operation Read --operation Write"
                        + " --topic 'it-7.ais.connector-checkpoints'",
                "kafka-acls.sh --bootstrap-server \"$BOOTSTRAP\" --command-config \"$ADMIN_CONFIG\" --add"
                        + " --allow-principal 'User:ais-it-7.ingest-pe' --operation IdempotentWrite --cluster");
        assertThat(KafkaAclsScript.commands(ACLS.get(Component.CONSOLIDATION))).anySatisfy(c -> assertThat(c)
                .endsWith("--operation Write --operation Describe --transactional-id 'it-7.ais-consolidation-'"
                        + " --resource-pattern-type prefixed"));
        long bindings = ACLS.values().stream().mapToLong(a -> a.bindings().size()).sum();
        long operationsInScript = KafkaAclsScript.of(ComponentAcls.forAll(TOPICS, APP)).lines()
                .filter(l -> l.startsWith("kafka-acls.sh")).mapToLong(l -> l.split("--operation ", -1).length - 1).sum();
        assertThat(operationsInScript).isEqualTo(bindings);
    }

    private static List<String> writtenTopics(Component component) {
        return topicsWith(component, WRITE);
    }

    private static List<String> readTopics(Component component) {
        return topicsWith(component, READ);
    }

    private static List<String> topicsWith(Component component, org.apache.kafka.common.acl.AclOperation op) {
        return ACLS.get(component).bindings().stream()
                .filter(b -> b.pattern().resourceType() == ResourceType.TOPIC && b.entry().operation() == op)
                .map(AclBinding::pattern).map(p -> p.name()).toList();
    }
}
