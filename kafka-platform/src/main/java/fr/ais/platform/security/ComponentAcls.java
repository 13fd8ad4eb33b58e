package fr.ais.platform.security;

import static org.apache.kafka.common.acl.AclOperation.ALTER;
import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DELETE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.IDEMPOTENT_WRITE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import fr.ais.platform.topics.Topic;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.schemas.Source;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What one component may do on the cluster: its principal and its ACLs, every one an ALLOW from any
 * host, generated from the topic catalogue (the single source of what each component touches).
 *
 * <p>Only what each component does is granted, with the fewest operations the authorizer needs
 * (READ, WRITE and DELETE imply DESCRIBE). No component has a consumer group but the consolidation:
 * the connectors' checkpoint reads, the exports and the registry read their topics by assignment.
 *
 * @param component what runs
 * @param userName  its user name (SCRAM user, certificate common name)
 * @param bindings  its ACLs
 */
public record ComponentAcls(Component component, String userName, List<AclBinding> bindings) {

    public ComponentAcls {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(userName, "userName");
        bindings = List.copyOf(bindings);
    }

    /** The principal, as the authorizer names it ({@code User:ais-ingest-pe}). */
    public String principal() {
        return "User:" + userName;
    }

    /**
     * Whether these ACLs allow {@code operation} on a resource, as the standard authorizer decides it:
     * literal or prefix match, READ, WRITE, DELETE and ALTER implying DESCRIBE.
     */
    public boolean allows(AclOperation operation, ResourceType type, String name) {
        return bindings.stream().anyMatch(b -> b.pattern().resourceType() == type
                && matches(b.pattern(), name) && implies(b.entry().operation(), operation));
    }

    private static boolean matches(ResourcePattern pattern, String name) {
        return pattern.patternType() == PatternType.PREFIXED ? name.startsWith(pattern.name())
                : pattern.name().equals(name) || pattern.name().equals(ResourcePattern.WILDCARD_RESOURCE);
    }

    private static boolean implies(AclOperation granted, AclOperation asked) {
        if (granted == asked || granted == AclOperation.ALL) {
            return true;
        }
        return switch (asked) {
            case DESCRIBE -> granted == READ || granted == WRITE || granted == DELETE || granted == ALTER;
            case DESCRIBE_CONFIGS -> granted == AclOperation.ALTER_CONFIGS;
            default -> false;
        };
    }

    /**
     * Every component's principal and ACLs, in {@link Component} order.
     *
     * @param catalogue     the topics, under their namespace (which also prefixes the user names)
     * @param applicationId the consolidation's Kafka Streams application id: its consumer group, and
     *                      the prefix of its internal topics and transactional ids
     */
    public static List<ComponentAcls> forAll(TopicCatalogue catalogue, String applicationId) {
        return Arrays.stream(Component.values()).map(c -> of(c, catalogue, applicationId)).toList();
    }

    /** The principal and ACLs of one component. */
    public static ComponentAcls of(Component component, TopicCatalogue catalogue, String applicationId) {
        Objects.requireNonNull(catalogue, "catalogue");
        if (Objects.requireNonNull(applicationId, "applicationId").isBlank()) {
            throw new IllegalArgumentException("the application id is blank");
        }
        Builder acls = new Builder(component.principal(catalogue));
        switch (component) {
            case PE_CONNECTOR, IMILO_CONNECTOR, OUIFORM_CONNECTOR -> {
                acls.topic(catalogue, TopicCatalogue.eventsOf(sourceOf(component)), WRITE);
                acls.topic(catalogue, TopicCatalogue.DEAD_LETTERS, WRITE);
                // its checkpoints are written in the transaction of the records they cover, and read to resume
                acls.topic(catalogue, TopicCatalogue.CONNECTOR_CHECKPOINTS, READ, WRITE);
                acls.literal(ResourceType.TRANSACTIONAL_ID, component.transactionalId(catalogue), WRITE, DESCRIBE);
                acls.idempotentWrite();
            }
            case TARGETS_LOADER -> {
                acls.topic(catalogue, TopicCatalogue.TARGETS, WRITE);
                acls.literal(ResourceType.TRANSACTIONAL_ID, component.transactionalId(catalogue), WRITE, DESCRIBE);
                acls.idempotentWrite();
            }
            case CONSOLIDATION -> {
                for (Source source : Source.values()) {
                    acls.topic(catalogue, TopicCatalogue.eventsOf(source), READ);
                }
                acls.topic(catalogue, TopicCatalogue.DEAD_LETTERS, READ);
                acls.topic(catalogue, TopicCatalogue.TARGETS, READ);
                for (Topic<?, ?> output : List.of(TopicCatalogue.CONSOLIDATED, TopicCatalogue.AGGREGATES,
                        TopicCatalogue.QUALITY, TopicCatalogue.PROGRESS, TopicCatalogue.ALERTS)) {
                    acls.topic(catalogue, output, WRITE);
                }
                // its changelog and repartition topics, <application.id>-<name>: Streams creates them,
                // checks their configs, and purges the repartition topics (delete records)
                acls.prefixed(ResourceType.TOPIC, internalPrefix(applicationId), CREATE, READ, WRITE, DELETE,
                        DESCRIBE_CONFIGS);
                acls.literal(ResourceType.GROUP, applicationId, READ);
                // exactly-once v2: one transactional id per stream thread, <application.id>-<process>-<thread>
                acls.prefixed(ResourceType.TRANSACTIONAL_ID, internalPrefix(applicationId), WRITE, DESCRIBE);
                acls.idempotentWrite();
            }
            case EXPORTER -> {
                for (Topic<?, ?> output : List.of(TopicCatalogue.AGGREGATES, TopicCatalogue.QUALITY,
                        TopicCatalogue.TARGETS, TopicCatalogue.DEAD_LETTERS)) {
                    acls.topic(catalogue, output, READ);
                }
            }
            case REGISTRY -> {
                // it creates its schemas topic when missing
                acls.literal(ResourceType.TOPIC, catalogue.schemasTopic(), CREATE, READ, WRITE);
                acls.idempotentWrite();
            }
            case ADMIN -> {
                acls.prefixed(ResourceType.TOPIC, catalogue.namespace() + TopicCatalogue.NAME_PREFIX, CREATE,
                        DESCRIBE, DESCRIBE_CONFIGS);
                acls.literal(ResourceType.TOPIC, catalogue.schemasTopic(), CREATE, DESCRIBE, DESCRIBE_CONFIGS);
                // ACLs and SCRAM credentials are cluster resources: ais acls needs to alter and describe them
                acls.literal(ResourceType.CLUSTER, CLUSTER_NAME, DESCRIBE, ALTER);
            }
            default -> throw new IllegalStateException("no ACLs for " + component);
        }
        return new ComponentAcls(component, component.userName(catalogue), acls.bindings);
    }

    /** The name of the one cluster resource. */
    static final String CLUSTER_NAME = "kafka-cluster";

    /** What a Streams application's internal topics and transactional ids start with. */
    public static String internalPrefix(String applicationId) {
        return applicationId + "-";
    }

    private static Source sourceOf(Component connector) {
        return Arrays.stream(Source.values()).filter(s -> Component.connectorOf(s) == connector).findFirst()
                .orElseThrow();
    }

    private static final class Builder {
        private final String principal;
        private final List<AclBinding> bindings = new ArrayList<>();

        Builder(String principal) {
            this.principal = principal;
        }

        void topic(TopicCatalogue catalogue, Topic<?, ?> template, AclOperation... operations) {
            literal(ResourceType.TOPIC, catalogue.topic(template).name(), operations);
        }

        void idempotentWrite() {
            // implied by WRITE on a topic since Kafka 3.0 (KIP-679); granted for older brokers and to say it
            literal(ResourceType.CLUSTER, CLUSTER_NAME, IDEMPOTENT_WRITE);
        }

        void literal(ResourceType type, String name, AclOperation... operations) {
            add(new ResourcePattern(type, name, PatternType.LITERAL), operations);
        }

        void prefixed(ResourceType type, String prefix, AclOperation... operations) {
            add(new ResourcePattern(type, prefix, PatternType.PREFIXED), operations);
        }

        private void add(ResourcePattern pattern, AclOperation... operations) {
            for (AclOperation operation : operations) {
                bindings.add(new AclBinding(pattern,
                        new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
            }
        }
    }
}
