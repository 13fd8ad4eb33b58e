package fr.ais.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.cli.AisCommandHelpTest.Run;
import fr.ais.platform.connection.KafkaConnection;
import fr.ais.settings.Setting;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The settings cases of the bad-input corpus (src/test/resources/bad-settings, README there): each
 * reported clearly, every problem at once, exit code 2, secrets never echoed (issue 14).
 */
class BadSettingsCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/bad-settings");

    @Test
    void the_corpus_has_at_least_15_cases() throws IOException {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(15);
    }

    @TestFactory
    Stream<DynamicTest> every_bad_setting_is_reported_clearly_all_at_once_secrets_never_shown() throws IOException {
        return cases().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private static List<Path> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static void check(Path dir) throws IOException {
        String caseDir = dir.toAbsolutePath().toString();
        Map<String, String> environment = new LinkedHashMap<>();
        Path file = dir.resolve("ais.properties").toAbsolutePath();
        if (Files.exists(file)) {
            environment.put("AIS_CONFIG_FILE", file.toString());
        }
        Properties env = load(dir.resolve("env.properties"));
        env.stringPropertyNames().forEach(k -> environment.put(k, env.getProperty(k).replace("${case}", caseDir)));
        List<String> expected = lines(dir.resolve("expected.txt")).stream()
                .map(l -> "  - " + l.replace("${file}", file.toString()).replace("${case}", caseDir)).toList();

        Run run = AisCommandHelpTest.run(environment, "config");

        assertThat(run.code()).isEqualTo(AisCommand.USAGE);
        assertThat(run.out()).as("no settings printed").doesNotContain("SETTING ");
        List<String> printed = run.err().lines().toList();
        assertThat(printed.get(0)).isEqualTo("ais: " + expected.size() + " setting(s) wrong:");
        assertThat(printed.subList(1, printed.size())).containsExactlyElementsOf(expected);
        for (String secret : secretsGiven(environment, file)) {
            assertThat(run.err() + run.out()).as("a secret value is echoed").doesNotContain(secret);
        }
    }

    /** The values of the case's secrets: secret settings and their files, secret client properties, never-shown.txt. */
    private static List<String> secretsGiven(Map<String, String> environment, Path file) throws IOException {
        List<String> secrets = new ArrayList<>(lines(file.getParent().resolve("never-shown.txt")));
        Properties properties = Files.exists(file) ? load(file) : new Properties();
        for (Setting<?> setting : AisSettings.GROUPS.stream().flatMap(g -> g.settings().stream())
                .filter(Setting::isSecret).toList()) {
            secrets.add(environment.get(setting.environmentVariable()));
            secrets.add(properties.getProperty(setting.name()));
            String secretFile = environment.get(setting.environmentVariable() + "_FILE");
            if (secretFile != null && Files.exists(Path.of(secretFile))) {
                secrets.add(Files.readString(Path.of(secretFile)).strip());
            }
        }
        environment.forEach((variable, value) -> {
            if (variable.startsWith(KafkaConnection.CLIENT.environmentPrefix()) && KafkaConnection.CLIENT.isSecret(
                    variable.substring(KafkaConnection.CLIENT.environmentPrefix().length()).toLowerCase(java.util.Locale.ROOT).replace('_', '.'))) {
                secrets.add(value);
            }
        });
        properties.stringPropertyNames().stream()
                .filter(k -> k.startsWith(KafkaConnection.CLIENT.prefix() + ".")
                        && KafkaConnection.CLIENT.isSecret(k.substring(KafkaConnection.CLIENT.prefix().length() + 1)))
                .forEach(k -> secrets.add(properties.getProperty(k)));
        return secrets.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    private static Properties load(Path path) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(path)) {
            try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                return new Properties(); // the case's file is meant to be unreadable
            }
        }
        return properties;
    }

    private static List<String> lines(Path path) throws IOException {
        return Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
    }
}
