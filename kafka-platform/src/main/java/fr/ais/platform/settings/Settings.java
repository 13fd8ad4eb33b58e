package fr.ais.platform.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * Resolved, validated settings. Each value comes from, in this order of precedence: a command-line
 * flag, the environment variable ({@code AIS_…}), the optional properties file (named by
 * {@code AIS_CONFIG_FILE}, keys are the settings' names), then the default. Every problem is
 * collected and reported at once. Secrets are never part of any printed form.
 */
public final class Settings {

    /** Where a value came from. */
    public enum Origin { FLAG, ENVIRONMENT, SECRET_FILE, FILE, DEFAULT }

    /** One line of {@code ais config}. */
    public record Row(String name, String environmentVariable, String value, Origin origin, String doc) {
    }

    private static final String MASK = "****";

    private final Map<Setting<?>, Object> values;
    private final Map<Setting<?>, Origin> origins;

    private Settings(Map<Setting<?>, Object> values, Map<Setting<?>, Origin> origins) {
        this.values = values;
        this.origins = origins;
    }

    /**
     * @param definitions the settings to resolve
     * @param environment the process environment (a map, so tests need not touch the real one)
     * @param flags       values given on the command line, by setting name
     * @param crossChecks checks across settings, each with the message shown when it fails
     */
    public static Settings resolve(Collection<Setting<?>> definitions, Map<String, String> environment,
            Map<String, String> flags, Map<Predicate<Settings>, String> crossChecks) {
        Properties file = new Properties();
        List<String> problems = new ArrayList<>();
        String fileName = environment.get("AIS_CONFIG_FILE");
        if (fileName != null && !fileName.isBlank()) {
            try (var in = Files.newBufferedReader(Path.of(fileName), StandardCharsets.UTF_8)) {
                file.load(in);
            } catch (IOException e) {
                problems.add("AIS_CONFIG_FILE: cannot read " + fileName + ": " + e.getMessage());
            }
        }
        Map<Setting<?>, Object> values = new LinkedHashMap<>();
        Map<Setting<?>, Origin> origins = new HashMap<>();
        for (Setting<?> setting : definitions) {
            String env = setting.environmentVariable();
            String raw;
            Origin origin;
            if (flags.containsKey(setting.name())) {
                raw = flags.get(setting.name());
                origin = Origin.FLAG;
            } else if (environment.containsKey(env)) {
                raw = environment.get(env);
                origin = Origin.ENVIRONMENT;
            } else if (setting.isSecret() && environment.containsKey(env + "_FILE")) {
                try {
                    raw = Files.readString(Path.of(environment.get(env + "_FILE")), StandardCharsets.UTF_8).strip();
                    origin = Origin.SECRET_FILE;
                } catch (IOException e) {
                    problems.add(setting.name() + " (" + env + "_FILE): cannot read the file: " + e.getMessage());
                    continue;
                }
            } else if (file.containsKey(setting.name())) {
                raw = file.getProperty(setting.name());
                origin = Origin.FILE;
            } else {
                raw = setting.defaultValue();
                origin = Origin.DEFAULT;
            }
            if (raw == null) {
                problems.add(setting.name() + " (" + env + (setting.isSecret() ? " or " + env + "_FILE" : "")
                        + ") is required: " + setting.doc());
                continue;
            }
            try {
                values.put(setting, setting.parse(raw));
                origins.put(setting, origin);
            } catch (IllegalArgumentException e) {
                problems.add(setting.name() + " (" + env + ") = '" + (setting.isSecret() ? MASK : raw) + "' "
                        + e.getMessage());
            }
        }
        Settings settings = new Settings(values, origins);
        if (problems.isEmpty()) {
            crossChecks.forEach((check, message) -> {
                if (!check.test(settings)) {
                    problems.add(message);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return settings;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        if (!values.containsKey(setting)) {
            throw new IllegalArgumentException("setting " + setting.name() + " was not resolved");
        }
        return (T) values.get(setting);
    }

    /** Every setting with its effective value (secrets masked) and origin. */
    public List<Row> describe() {
        List<Row> rows = new ArrayList<>();
        values.forEach((setting, value) -> rows.add(new Row(setting.name(), setting.environmentVariable(),
                setting.isSecret() ? MASK : String.valueOf(value), origins.get(setting), setting.doc())));
        return rows;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Settings[");
        describe().forEach(r -> s.append(r.name()).append('=').append(r.value()).append(' '));
        return s.append(']').toString();
    }
}
