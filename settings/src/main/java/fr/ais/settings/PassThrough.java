package fr.ais.settings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Properties passed through as they are, under a prefix: {@code kafka.client.security.protocol} in
 * {@code AIS_CONFIG_FILE} and {@code AIS_KAFKA_CLIENT_SECURITY_PROTOCOL} in the environment both give
 * the property {@code security.protocol} (the environment wins). Which properties are secrets is the
 * owner's rule; a property that a typed setting owns is refused, naming that setting.
 */
public final class PassThrough {

    private final String prefix;
    private final String doc;
    private final Predicate<String> secret;
    private final Map<String, Setting<?>> reserved;

    private PassThrough(String prefix, String doc, Predicate<String> secret, Map<String, Setting<?>> reserved) {
        if (!prefix.matches("[a-z0-9]+(\\.[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a prefix is dot-separated lower-case words: " + prefix);
        }
        this.prefix = prefix;
        this.doc = Objects.requireNonNull(doc);
        this.secret = secret;
        this.reserved = reserved;
    }

    /** Properties under {@code prefix} (e.g. {@code kafka.client}), none of them secret. */
    public static PassThrough of(String prefix, String doc) {
        return new PassThrough(prefix, doc, p -> false, Map.of());
    }

    /** The same, masking the properties {@code secret} holds for. */
    public PassThrough secretWhen(Predicate<String> isSecret) {
        return new PassThrough(prefix, doc, isSecret, reserved);
    }

    /** The same, refusing {@code property}: {@code owner} sets it. */
    public PassThrough reserving(String property, Setting<?> owner) {
        Map<String, Setting<?>> more = new LinkedHashMap<>(reserved);
        more.put(property, owner);
        return new PassThrough(prefix, doc, secret, Map.copyOf(more));
    }

    /** {@code kafka.client}: keys of the file start with it and a dot. */
    public String prefix() {
        return prefix;
    }

    public String doc() {
        return doc;
    }

    /** {@code AIS_KAFKA_CLIENT_}. */
    public String environmentPrefix() {
        return "AIS_" + prefix.toUpperCase(Locale.ROOT).replace('.', '_') + "_";
    }

    /** {@code security.protocol} → {@code kafka.client.security.protocol}. */
    public String key(String property) {
        return prefix + "." + property;
    }

    /** {@code security.protocol} → {@code AIS_KAFKA_CLIENT_SECURITY_PROTOCOL}. */
    public String environmentVariable(String property) {
        return environmentPrefix() + property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** {@code AIS_KAFKA_CLIENT_SECURITY_PROTOCOL} → {@code security.protocol} (underscores are dots). */
    String propertyOfVariable(String variable) {
        return variable.substring(environmentPrefix().length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    public boolean isSecret(String property) {
        return secret.test(property);
    }

    /** What is wrong with the property's name, or null. */
    String problemWith(String property) {
        if (!property.matches("[a-z0-9]+([.-][a-z0-9]+)*")) {
            return "is not a property name";
        }
        Setting<?> owner = reserved.get(property);
        return owner == null ? null : "is set by " + owner.name() + " (" + owner.environmentVariable() + ")";
    }

    @Override
    public String toString() {
        return prefix + ".*";
    }
}
