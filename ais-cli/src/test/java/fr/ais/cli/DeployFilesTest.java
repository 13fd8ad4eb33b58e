package fr.ais.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.platform.topics.TopicAdmin;
import fr.ais.platform.topics.TopicCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The deploy files are generated from the topic catalogue: they cannot drift from it. */
class DeployFilesTest {

    @Test
    void deploy_topics_script_is_what_the_catalogue_generates() throws IOException {
        String committed = Files.readString(Path.of("../deploy/topics.sh"), StandardCharsets.UTF_8);
        assertThat(committed)
                .as("deploy/topics.sh differs from the catalogue: regenerate it with"
                        + " ./ais topics --print-script --replication-factor 3 > deploy/topics.sh")
                .isEqualTo(TopicAdmin.kafkaTopicsScript(TopicCatalogue.DEFAULT.topics(), 3));
    }
}
