package fr.ais.settings;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Resolved, validated settings: the one way every command and module reads its settings. Each value
 * comes from, in this order of precedence:
 * <ol>
 * <li>a command-line flag ({@link Flags});</li>
 * <li>its environment variable ({@code AIS_…}), or for a secret the file named by {@code AIS_…_FILE};</li>
 * <li>the properties file named by {@code AIS_CONFIG_FILE} (keys are the settings' names; a secret may
 * instead name a file with {@code <name>.file});</li>
 * <li>the default.</li>
 * </ol>
 * Every problem is collected and reported at once: values that cannot be read or break their rule,
 * keys of the file that are not settings (with the closest name), keys set twice, and the rules across
 * settings whose settings are valid. Secrets are never part of a message or of a printed form.
 */
public final class Settings {

    /** The variable naming the properties file. */
    public static final String CONFIG_FILE = "AIS_CONFIG_FILE";
    private static final String FILE_SUFFIX = "_FILE";
    private static final String MASK = "****";
    private static final String NOT_SET = "not set";

    /** Where a value came from. */
    public enum Origin { FLAG, ENVIRONMENT, SECRET_FILE, FILE, DEFAULT }

    /** One line of {@code ais config}: the value as given (a secret masked, an empty value "not set"). */
    public record Row(String name, String environmentVariable, String value, Origin origin, String doc) {
    }

    /** A raw value and where it came from ({@code label}: the flag, variable or file, as messages name it). */
    private record Raw(String value, Origin origin, String label) {
    }

    private final Map<Setting<?>, Object> values;
    private final Map<Setting<?>, Raw> raws;
    private final Map<PassThrough, Map<String, Raw>> passedThrough;

    private Settings(Map<Setting<?>, Object> values, Map<Setting<?>, Raw> raws,
            Map<PassThrough, Map<String, Raw>> passedThrough) {
        this.values = values;
        this.raws = raws;
        this.passedThrough = passedThrough;
    }

    /**
     * Resolves the settings of {@code groups}.
     *
     * @param environment the process environment (a map, so tests need not touch the real one)
     * @param flags       values given on the command line
     * @throws InvalidSettingsException listing every problem
     */
    public static Settings resolve(Collection<SettingGroup> groups, Map<String, String> environment, Flags flags) {
        List<String> problems = new ArrayList<>();
        ConfigFile file = ConfigFile.read(environment.get(CONFIG_FILE), problems);
        Map<Setting<?>, Object> values = new LinkedHashMap<>();
        Map<Setting<?>, Raw> raws = new LinkedHashMap<>();
        Map<PassThrough, Map<String, Raw>> passedThrough = new LinkedHashMap<>();
        Set<String> known = new LinkedHashSet<>();
        List<PassThrough> prefixes = new ArrayList<>();
        for (SettingGroup group : groups) {
            for (Setting<?> setting : group.settings()) {
                if (!known.add(setting.name())) {
                    throw new IllegalArgumentException("setting " + setting.name() + " is declared twice");
                }
                if (setting.isSecret()) {
                    known.add(setting.name() + ".file");
                }
                Raw raw = rawValue(setting, environment, flags, file, problems);
                if (raw == null) {
                    continue;
                }
                if (raw.value() == null) {
                    problems.add(setting.name() + " (" + setting.environmentVariable()
                            + (setting.isSecret() ? " or " + setting.environmentVariable() + FILE_SUFFIX : "")
                            + ") is required: " + setting.doc());
                    continue;
                }
                try {
                    values.put(setting, setting.parse(raw.value()));
                    raws.put(setting, raw);
                } catch (IllegalArgumentException e) {
                    problems.add(setting.name() + " (" + raw.label() + ") = '"
                            + (setting.isSecret() ? MASK : Text.escaped(raw.value())) + "' " + e.getMessage());
                }
            }
            for (PassThrough passThrough : group.passThroughs()) {
                prefixes.add(passThrough);
                passedThrough.put(passThrough, passThrough(passThrough, environment, file, problems));
            }
        }
        file.unknownKeys(known, prefixes).forEach(key -> problems.add(key + " (" + file.name + ") is not a setting"
                + Suggestion.closest(key, known).map(name -> "; did you mean " + name + "?").orElse("")));
        Settings settings = new Settings(values, raws, passedThrough);
        for (SettingGroup group : groups) {
            for (SettingGroup.Check check : group.checks()) {
                if (values.keySet().containsAll(check.reads()) && !check.holds().test(settings)) {
                    problems.add(check.message());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return settings;
    }

    /** The defaults of {@code groups}, as if nothing were set. */
    public static Settings defaults(SettingGroup... groups) {
        return resolve(List.of(groups), Map.of(), Flags.none());
    }

    /** The setting's raw value and origin; null when it could not be read (the problem is added). */
    private static Raw rawValue(Setting<?> setting, Map<String, String> environment, Flags flags, ConfigFile file,
            List<String> problems) {
        String env = setting.environmentVariable();
        Flags.Flag flag = flags.of(setting);
        if (flag != null) {
            return new Raw(flag.value(), Origin.FLAG, flag.option());
        }
        if (environment.containsKey(env)) {
            return new Raw(environment.get(env), Origin.ENVIRONMENT, env);
        }
        if (setting.isSecret() && environment.containsKey(env + FILE_SUFFIX)) {
            return secretFile(setting, environment.get(env + FILE_SUFFIX), env + FILE_SUFFIX, problems);
        }
        if (file.has(setting.name())) {
            return new Raw(file.get(setting.name()), Origin.FILE, file.name);
        }
        if (setting.isSecret() && file.has(setting.name() + ".file")) {
            return secretFile(setting, file.get(setting.name() + ".file"), file.name + " " + setting.name() + ".file",
                    problems);
        }
        return new Raw(setting.defaultValue(), Origin.DEFAULT, "default");
    }

    private static Raw secretFile(Setting<?> setting, String path, String label, List<String> problems) {
        try {
            return new Raw(Files.readString(Path.of(path.strip()), StandardCharsets.UTF_8).strip(), Origin.SECRET_FILE,
                    label);
        } catch (NoSuchFileException e) {
            problems.add(setting.name() + " (" + label + "): no such file " + Text.escaped(path));
        } catch (IOException | RuntimeException e) {
            problems.add(setting.name() + " (" + label + "): cannot read the file " + Text.escaped(path) + ": " + e);
        }
        return null;
    }

    /** The properties under a prefix, from the environment then the file; names checked. */
    private static Map<String, Raw> passThrough(PassThrough passThrough, Map<String, String> environment,
            ConfigFile file, List<String> problems) {
        Map<String, Raw> properties = new TreeMap<>();
        file.keysUnder(passThrough.prefix() + ".").forEach(key -> properties.put(
                key.substring(passThrough.prefix().length() + 1), new Raw(file.get(key), Origin.FILE, file.name)));
        new TreeMap<>(environment).forEach((variable, value) -> {
            if (variable.startsWith(passThrough.environmentPrefix())) {
                properties.put(passThrough.propertyOfVariable(variable), new Raw(value, Origin.ENVIRONMENT, variable));
            }
        });
        properties.entrySet().removeIf(property -> {
            String problem = passThrough.problemWith(property.getKey());
            if (problem != null) {
                Raw raw = property.getValue();
                problems.add((raw.origin() == Origin.ENVIRONMENT ? raw.label() + " (" + passThrough.key(
                        Text.escaped(property.getKey())) + ")" : passThrough.key(Text.escaped(property.getKey()))
                        + " (" + raw.label() + ")") + " " + problem);
            }
            return problem != null;
        });
        return properties;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        if (!values.containsKey(setting)) {
            throw new IllegalArgumentException("setting " + setting.name() + " was not resolved");
        }
        return (T) values.get(setting);
    }

    /** The properties passed through under {@code passThrough}'s prefix, by property name. */
    public Map<String, String> get(PassThrough passThrough) {
        Map<String, Raw> properties = passedThrough.get(passThrough);
        if (properties == null) {
            throw new IllegalArgumentException("pass-through " + passThrough + " was not resolved");
        }
        Map<String, String> out = new TreeMap<>();
        properties.forEach((property, raw) -> out.put(property, raw.value()));
        return out;
    }

    /** Every setting with its effective value (secrets masked) and origin, then the properties passed through. */
    public List<Row> describe() {
        List<Row> rows = new ArrayList<>();
        raws.forEach((setting, raw) -> rows.add(new Row(setting.name(), setting.environmentVariable(),
                shown(raw.value(), setting.isSecret()), raw.origin(), setting.doc())));
        passedThrough.forEach((passThrough, properties) -> properties.forEach((property, raw) -> rows.add(new Row(
                passThrough.key(property), passThrough.environmentVariable(property),
                shown(raw.value(), passThrough.isSecret(property)), raw.origin(), passThrough.doc()))));
        return rows;
    }

    private static String shown(String raw, boolean secret) {
        String value = raw.strip();
        if (value.isEmpty()) {
            return NOT_SET;
        }
        return secret ? MASK : Text.escaped(value);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Settings[");
        describe().forEach(r -> s.append(r.name()).append('=').append(r.value()).append(' '));
        return s.append(']').toString();
    }

    /** The properties file of {@code AIS_CONFIG_FILE}: strict UTF-8 (a leading BOM allowed), no key twice. */
    private static final class ConfigFile {

        final String name;
        private final Map<String, String> entries;

        private ConfigFile(String name, Map<String, String> entries) {
            this.name = name;
            this.entries = entries;
        }

        static ConfigFile read(String fileName, List<String> problems) {
            if (fileName == null || fileName.isBlank()) {
                return new ConfigFile(CONFIG_FILE, Map.of());
            }
            String name = Text.escaped(fileName);
            String text;
            try {
                byte[] bytes = Files.readAllBytes(Path.of(fileName.strip()));
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (NoSuchFileException e) {
                problems.add(CONFIG_FILE + ": no such file " + name);
                return new ConfigFile(name, Map.of());
            } catch (CharacterCodingException e) {
                problems.add(CONFIG_FILE + ": " + name + " is not UTF-8 text (saved as ISO-8859-1? save it as UTF-8)");
                return new ConfigFile(name, Map.of());
            } catch (IOException | RuntimeException e) {
                problems.add(CONFIG_FILE + ": cannot read " + name + ": " + e);
                return new ConfigFile(name, Map.of());
            }
            // an editor's byte order mark is no part of the first key
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            Map<String, String> entries = new LinkedHashMap<>();
            Set<String> twice = new LinkedHashSet<>();
            Properties properties = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    if (entries.put((String) key, (String) value) != null) {
                        twice.add((String) key);
                    }
                    return super.put(key, value);
                }
            };
            try {
                properties.load(new StringReader(text));
            } catch (IOException | IllegalArgumentException e) { // a malformed \\uXXXX escape
                problems.add(CONFIG_FILE + ": " + name + " is not a properties file: " + e.getMessage());
                return new ConfigFile(name, Map.of());
            }
            twice.forEach(key -> problems.add(Text.escaped(key) + " (" + name + ") is set more than once"));
            return new ConfigFile(name, entries);
        }

        boolean has(String key) {
            return entries.containsKey(key);
        }

        String get(String key) {
            return entries.get(key);
        }

        List<String> keysUnder(String prefix) {
            return entries.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
        }

        /** The keys that are no setting nor under a pass-through prefix, escaped for messages. */
        List<String> unknownKeys(Set<String> known, List<PassThrough> prefixes) {
            return entries.keySet().stream()
                    .filter(k -> !known.contains(k))
                    .filter(k -> prefixes.stream().noneMatch(p -> k.startsWith(p.prefix() + ".")))
                    .map(Text::escaped)
                    .toList();
        }
    }

    /** The setting a mistyped key most likely meant. */
    static final class Suggestion {

        private Suggestion() {
        }

        static Optional<String> closest(String key, Collection<String> names) {
            // AIS_STREAMS_THREADS written in the file instead of streams.threads
            String asName = key.toLowerCase(Locale.ROOT).replace('_', '.');
            if (asName.startsWith("ais.") && names.contains(asName.substring(4))) {
                return Optional.of(asName.substring(4));
            }
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String name : names) {
                int d = distance(asName, name);
                if (d < bestDistance) {
                    best = name;
                    bestDistance = d;
                }
            }
            return bestDistance <= Math.max(2, key.length() / 5) ? Optional.ofNullable(best) : Optional.empty();
        }

        /** Levenshtein distance. */
        static int distance(String a, String b) {
            int[] previous = new int[b.length() + 1];
            int[] current = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                previous[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                current[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                    current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                }
                int[] swap = previous;
                previous = current;
                current = swap;
            }
            return previous[b.length()];
        }
    }
}
