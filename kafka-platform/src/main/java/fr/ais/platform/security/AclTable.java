package fr.ais.platform.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;

/** The generated ACLs as a Markdown section, for docs/security.md (a test keeps the doc equal to it). */
public final class AclTable {

    private AclTable() {
    }

    /** One table per principal: each resource pattern and the operations allowed on it. */
    public static String markdown(List<ComponentAcls> components) {
        StringBuilder md = new StringBuilder();
        for (ComponentAcls component : components) {
            md.append("#### `").append(component.principal()).append("`\n\n")
                    .append(capitalised(component.component().description())).append(".\n\n")
                    .append("| resource | pattern | name | operations |\n")
                    .append("|---|---|---|---|\n");
            Map<ResourcePattern, List<AclOperation>> byResource = new LinkedHashMap<>();
            for (AclBinding binding : component.bindings()) {
                byResource.computeIfAbsent(binding.pattern(), p -> new java.util.ArrayList<>())
                        .add(binding.entry().operation());
            }
            byResource.forEach((pattern, operations) -> md.append("| ")
                    .append(resourceName(pattern))
                    .append(" | ").append(pattern.patternType() == PatternType.PREFIXED ? "prefix" : "literal")
                    .append(" | `").append(pattern.name()).append("` | ")
                    .append(operations.stream().map(KafkaAclsScript::operationName).collect(Collectors.joining(", ")))
                    .append(" |\n"));
            md.append('\n');
        }
        return md.toString();
    }

    private static String resourceName(ResourcePattern pattern) {
        return switch (pattern.resourceType()) {
            case TOPIC -> "topic";
            case GROUP -> "group";
            case TRANSACTIONAL_ID -> "transactional id";
            case CLUSTER -> "cluster";
            default -> pattern.resourceType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
