package fr.ais.settings;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One setting: a name ({@code kafka.bootstrap.servers}, the key in {@code AIS_CONFIG_FILE}), the
 * environment variable that sets it ({@code AIS_KAFKA_BOOTSTRAP_SERVERS}), a doc, a default (null:
 * required), a parser and a validator. Secrets are also read from the file named by
 * {@code <VARIABLE>_FILE}, and are never printed. A module declares its settings in its
 * {@link SettingGroup}.
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
        if (!name.matches("[a-z0-9]+(\\.[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a setting name is dot-separated lower-case words: " + name);
        }
        this.name = name;
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
        return new Setting<>(name, doc, Integer.toString(defaultValue), s -> whole(s, Integer::valueOf), v -> true, null,
                false);
    }

    public static Setting<Long> longValue(String name, long defaultValue, String doc) {
        return new Setting<>(name, doc, Long.toString(defaultValue), s -> whole(s, Long::valueOf), v -> true, null, false);
    }

    /** A decimal number as written ({@code 0.9}): no {@code NaN}, infinity, hexadecimal or {@code 1f}. */
    public static Setting<Double> decimal(String name, double defaultValue, String doc) {
        return new Setting<>(name, doc, Double.toString(defaultValue), Setting::decimalNumber, v -> true, null, false);
    }

    public static Setting<Path> path(String name, String defaultValue, String doc) {
        return new Setting<>(name, doc, defaultValue, Path::of, v -> true, null, false);
    }

    /** An optional value: empty (the default) is {@link Optional#empty()}, anything else is parsed. */
    public static <T> Setting<Optional<T>> optional(String name, Function<String, T> parser, String doc) {
        return new Setting<>(name, doc, "", s -> s.isEmpty() ? Optional.empty() : Optional.of(parser.apply(s)),
                v -> true, null, false);
    }

    /** An optional date, {@code yyyy-MM-dd} exactly (no signed or five-digit year). */
    public static Setting<Optional<LocalDate>> optionalDate(String name, String doc) {
        return optional(name, Setting::date, doc);
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
        return "AIS_" + name.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public String doc() {
        return doc;
    }

    /** The default as it would be written in the file; null when the setting is required. */
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
            value = parser.apply(raw.strip());
        } catch (RuntimeException e) {
            // a parser's message quotes the value: never for a secret
            throw new IllegalArgumentException("cannot be read"
                    + (secret || e.getMessage() == null ? "" : ": " + Text.escaped(e.getMessage())));
        }
        if (!validator.test(value)) {
            throw new IllegalArgumentException(rule == null ? "is not valid" : "must be " + rule);
        }
        return value;
    }

    private static <N> N whole(String text, Function<String, N> parser) {
        try {
            return parser.apply(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text.matches("[+-]?\\d+") ? "out of range" : "not a whole number");
        }
    }

    private static double decimalNumber(String text) {
        try {
            return new BigDecimal(text).doubleValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal number such as 0.9");
        }
    }

    private static LocalDate date(String text) {
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new IllegalArgumentException("not a date YYYY-MM-DD");
        }
        return LocalDate.parse(text);
    }

    @Override
    public String toString() {
        return name;
    }
}
