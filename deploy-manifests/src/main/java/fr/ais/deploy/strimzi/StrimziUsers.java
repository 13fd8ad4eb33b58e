package fr.ais.deploy.strimzi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ais.platform.security.ComponentAcls;
import fr.ais.platform.topics.TopicCatalogue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * One Strimzi {@code KafkaUser} per component of the ACL model ({@link ComponentAcls}): a SCRAM-SHA-512 user
 * (the User Operator writes its password and JAAS line into a Secret of the same name) with exactly the
 * component's ACLs, for the {@code simple} authorizer. The ACLs on one resource are written as one rule with
 * their operations, as Strimzi lists them.
 */
public final class StrimziUsers {

    private StrimziUsers() {
    }

    public static List<ObjectNode> of(TopicCatalogue catalogue, String applicationId, String cluster) {
        return ComponentAcls.forAll(catalogue, applicationId).stream().map(c -> kafkaUser(c, cluster)).toList();
    }

    static ObjectNode kafkaUser(ComponentAcls component, String cluster) {
        ObjectNode resource = StrimziResources.resource("KafkaUser", component.userName(), cluster);
        ((ObjectNode) resource.get("metadata")).putObject("annotations")
                .put("ais.fr/component", component.component().description());
        ObjectNode spec = resource.putObject("spec");
        spec.putObject("authentication").put("type", "scram-sha-512");
        ObjectNode authorization = spec.putObject("authorization");
        authorization.put("type", "simple");
        ArrayNode acls = authorization.putArray("acls");
        Map<String, ObjectNode> byResource = new LinkedHashMap<>();
        for (AclBinding binding : component.bindings()) {
            if (binding.entry().permissionType() != AclPermissionType.ALLOW) {
                throw new IllegalArgumentException("the ACL model only allows: " + binding);
            }
            ResourcePattern pattern = binding.pattern();
            String key = pattern.resourceType() + "|" + pattern.name() + "|" + pattern.patternType() + "|"
                    + binding.entry().host();
            ObjectNode rule = byResource.computeIfAbsent(key, k -> {
                ObjectNode r = acls.addObject();
                ObjectNode res = r.putObject("resource");
                res.put("type", resourceType(pattern.resourceType()));
                if (pattern.resourceType() != ResourceType.CLUSTER) {
                    res.put("name", pattern.name());
                    res.put("patternType", pattern.patternType() == PatternType.PREFIXED ? "prefix" : "literal");
                }
                r.put("type", "allow");
                r.put("host", binding.entry().host());
                r.putArray("operations");
                return r;
            });
            ((ArrayNode) rule.get("operations")).add(operation(binding.entry().operation()));
        }
        return resource;
    }

    private static String resourceType(ResourceType type) {
        return switch (type) {
            case TOPIC -> "topic";
            case GROUP -> "group";
            case CLUSTER -> "cluster";
            case TRANSACTIONAL_ID -> "transactionalId";
            default -> throw new IllegalArgumentException("no Strimzi ACL resource for " + type);
        };
    }

    /** Kafka's operation in Strimzi's spelling: IDEMPOTENT_WRITE becomes IdempotentWrite. */
    static String operation(AclOperation operation) {
        StringBuilder name = new StringBuilder();
        for (String part : operation.name().split("_")) {
            name.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }
}
