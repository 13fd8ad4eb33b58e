package fr.ais.platform.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;

/**
 * The {@code kafka-acls.sh} commands equivalent to the generated ACLs, for a platform team that
 * applies ACLs itself: one command per principal and resource, every operation on it.
 */
public final class KafkaAclsScript {

    private KafkaAclsScript() {
    }

    /** A shell script adding every component's ACLs; {@code $BOOTSTRAP} and {@code $ADMIN_CONFIG} are left to set. */
    public static String of(List<ComponentAcls> components) {
        StringBuilder script = new StringBuilder()
                .append("#!/bin/sh\n")
                .append("# ACLs of the AIS pipeline's principals, generated from its topic catalogue.\n")
                .append("# BOOTSTRAP: the cluster; ADMIN_CONFIG: client properties of a principal allowed to alter ACLs.\n")
                .append("set -e\n");
        for (ComponentAcls component : components) {
            script.append("\n# ").append(component.principal()).append(": ")
                    .append(component.component().description()).append('\n');
            for (String command : commands(component)) {
                script.append(command).append('\n');
            }
        }
        return script.toString();
    }

    /** One {@code kafka-acls.sh --add} command per resource pattern of the component. */
    public static List<String> commands(ComponentAcls component) {
        Map<ResourcePattern, List<AclOperation>> byResource = new LinkedHashMap<>();
        for (AclBinding binding : component.bindings()) {
            byResource.computeIfAbsent(binding.pattern(), p -> new java.util.ArrayList<>())
                    .add(binding.entry().operation());
        }
        return byResource.entrySet().stream().map(e -> command(component.principal(), e.getKey(), e.getValue()))
                .toList();
    }

    private static String command(String principal, ResourcePattern pattern, List<AclOperation> operations) {
        String resource = switch (pattern.resourceType()) {
            case TOPIC -> "--topic '" + pattern.name() + "'";
            case GROUP -> "--group '" + pattern.name() + "'";
            case TRANSACTIONAL_ID -> "--transactional-id '" + pattern.name() + "'";
            case CLUSTER -> "--cluster";
            default -> throw new IllegalArgumentException("no kafka-acls.sh option for " + pattern.resourceType());
        };
        String patternType = pattern.patternType() == PatternType.PREFIXED ? " --resource-pattern-type prefixed" : "";
        String ops = operations.stream().map(op -> "--operation " + operationName(op)).collect(Collectors.joining(" "));
        return "kafka-acls.sh --bootstrap-server \"$BOOTSTRAP\" --command-config \"$ADMIN_CONFIG\" --add"
                + " --allow-principal '" + principal + "' " + ops + " " + resource + patternType;
    }

    /** kafka-acls.sh's spelling: IdempotentWrite, DescribeConfigs, Read… */
    static String operationName(AclOperation operation) {
        StringBuilder name = new StringBuilder();
        for (String word : operation.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }
}
