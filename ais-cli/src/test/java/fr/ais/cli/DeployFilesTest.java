package fr.ais.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.platform.connection.KafkaConnection;
import fr.ais.platform.topics.TopicAdmin;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.settings.Setting;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The deploy files are generated from the topic catalogue, and name only settings: they cannot drift. */
class DeployFilesTest {

    @Test
    void deploy_topics_script_is_what_the_catalogue_generates() throws IOException {
        String committed = Files.readString(Path.of("../deploy/topics.sh"), StandardCharsets.UTF_8);
        assertThat(committed)
                .as("deploy/topics.sh differs from the catalogue: regenerate it with"
                        + " ./ais topics --print-script --replication-factor 3 > deploy/topics.sh")
                .isEqualTo(TopicAdmin.kafkaTopicsScript(TopicCatalogue.DEFAULT.topics(), 3));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"connector.env.example", "consolidation.env.example", "consolidation.properties.example",
            "kubernetes/base/config/consolidation.properties", "kubernetes/base/config/connector.properties",
            "kubernetes/base/config/kafka-client.env", "compose/kafka-client.env"})
    void deploy_examples_name_only_settings(String example) throws IOException {
        List<Setting<?>> settings = AisSettings.GROUPS.stream().flatMap(g -> g.settings().stream()).toList();
        Set<String> known = new HashSet<>();
        boolean environment = example.endsWith(".env.example") || example.endsWith(".env");
        for (Setting<?> setting : settings) {
            String name = environment ? setting.environmentVariable() : setting.name();
            known.add(name);
            if (setting.isSecret()) {
                known.add(environment ? name + "_FILE" : name + ".file");
            }
        }
        String passThrough = environment ? KafkaConnection.CLIENT.environmentPrefix()
                : KafkaConnection.CLIENT.prefix() + ".";
        Properties keys = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("../deploy", example), StandardCharsets.UTF_8)) {
            keys.load(in);
        }

        assertThat(keys.stringPropertyNames()).isNotEmpty()
                .allSatisfy(key -> assertThat(known.contains(key) || key.startsWith(passThrough))
                        .as(key + " in deploy/" + example + " is no setting").isTrue());
    }
}
