package fr.ais.platform.settings;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One setting: a name, the environment variable that sets it, a doc, a default (null: required), a
 * parser and a validator. Secrets are read from the variable or from a file named by
 * {@code <VARIABLE>_FILE}, and are never printed.
 *
 * @param <T> the setting's type
 */
public final class Setting<T> {

    private final String name;
    private final String doc;
    private final String defaultValue;
    private final Function<String, T> parser;
    private final Predicate<T> validator;
    private final String rule;
    private final boolean secret;

    private Setting(String name, String doc, String defaultValue, Function<String, T> parser,
            Predicate<T> validator, String rule, boolean secret) {
        this.name = Objects.requireNonNull(name);
        this.doc = Objects.requireNonNull(doc);
        this.defaultValue = defaultValue;
        this.parser = parser;
        this.validator = validator;
        this.rule = rule;
        this.secret = secret;
    }

    public static Setting<String> string(String name, String defaultValue, String doc) {
        return new Setting<>(name, doc, defaultValue, s -> s, v -> true, null, false);
    }

    public static Setting<Integer> integer(String name, int defaultValue, String doc) {
        return new Setting<>(name, doc, Integer.toString(defaultValue), Integer::valueOf, v -> true, null, false);
    }

    public static Setting<Long> longValue(String name, long defaultValue, String doc) {
        return new Setting<>(name, doc, Long.toString(defaultValue), Long::valueOf, v -> true, null, false);
    }

    public static Setting<Double> decimal(String name, double defaultValue, String doc) {
        return new Setting<>(name, doc, Double.toString(defaultValue), Double::valueOf, v -> true, null, false);
    }

    /** A setting of any type, parsed by {@code parser} (which throws on a bad value). */
    public static <T> Setting<T> of(String name, String defaultValue, Function<String, T> parser, String doc) {
        return new Setting<>(name, doc, defaultValue, parser, v -> true, null, false);
    }

    /** The same setting, valid only when {@code validator} holds; {@code rule} says what it requires. */
    public Setting<T> validatedBy(Predicate<T> newValidator, String newRule) {
        return new Setting<>(name, doc, defaultValue, parser, newValidator, newRule, secret);
    }

    /** The same setting, masked everywhere and also read from the file named by {@code <VARIABLE>_FILE}. */
    public Setting<T> secret() {
        return new Setting<>(name, doc, defaultValue, parser, validator, rule, true);
    }

    public String name() {
        return name;
    }

    /** {@code kafka.bootstrap.servers} → {@code AIS_KAFKA_BOOTSTRAP_SERVERS}. */
    public String environmentVariable() {
        return "AIS_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String doc() {
        return doc;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public boolean isSecret() {
        return secret;
    }

    /** Parses and validates a raw value; the message of the exception says what is wrong. */
    T parse(String raw) {
        T value;
        try {
            value = parser.apply(raw.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot be read" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        if (!validator.test(value)) {
            throw new IllegalArgumentException(rule == null ? "is not valid" : "must be " + rule);
        }
        return value;
    }

    @Override
    public String toString() {
        return name;
    }
}
