package fr.ais.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.cli.AisCommandHelpTest.Run;
import fr.ais.cli.pipeline.Connection;
import fr.ais.localstack.junit.LocalStackExtension;
import fr.ais.localstack.junit.TestStack;
import fr.ais.settings.Flags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A failure says what went wrong in the terms of the command line, and what to do (issue 14). */
@ExtendWith(LocalStackExtension.class)
class FailureMessagesIT {

    private static final String HEADER = "id_ais;type_mouvement;date_mouvement;identifiant_de;date_naissance;"
            + "numero_session;siret_organisme;date_entree;date_fin;code_region_formation;code_structure_prescripteur;"
            + "type_prescripteur;code_region_prescripteur;financeur";

    @TempDir
    Path dir;

    private static Map<String, String> environment(TestStack stack, String namespace) {
        return Map.of("AIS_KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                "AIS_SCHEMA_REGISTRY_URL", stack.registryUrl(), "AIS_TOPIC_NAMESPACE", namespace,
                "AIS_PSEUDONYM_KEY", "integration test pseudonym key");
    }

    @Test
    void an_unusable_file_is_named_once(TestStack stack) throws Exception {
        String namespace = stack.uniqueName("messages") + ".";
        Connection.from(AisSettings.resolve(environment(stack, namespace), Flags.none())).ensureTopics();
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");

        Run run = AisCommandHelpTest.run(environment(stack, namespace), "ingest", "pe", empty.toString());

        assertThat(run.code()).isEqualTo(AisCommand.FAILURE);
        assertThat(run.err().strip()).startsWith("ais: empty.csv: the file is empty; expected a header line")
                .doesNotContain("empty.csv: empty.csv");
    }

    @Test
    void publishing_before_the_topics_schemas_are_registered_says_to_run_ais_topics(TestStack stack) throws Exception {
        // the topics exist, their schemas do not: writers never register them outside the embedded stack
        String namespace = stack.newCatalogue().namespace();
        Path pe = Files.writeString(dir.resolve("pe.csv"), HEADER + "\n"
                + "AIS-1;CREATION;04/03/2021 10:15:30;1234567A;17/05/2003;SE-1;;15/03/2021;;52;;PE;52;\n");

        Run run = AisCommandHelpTest.run(environment(stack, namespace), "ingest", "pe", pe.toString());

        assertThat(run.code()).isEqualTo(AisCommand.FAILURE);
        assertThat(run.err()).contains("ais: the registry at " + stack.registryUrl()
                        + " has not got the schemas of the topics")
                .contains("run `ais topics` first, which creates the topics and registers their schemas");
    }

    @Test
    void ingesting_before_the_topics_exist_says_so_at_once_and_to_run_ais_topics(TestStack stack) throws Exception {
        String namespace = stack.uniqueName("no-topics") + ".";
        Path pe = Files.writeString(dir.resolve("pe.csv"), HEADER + "\n"
                + "AIS-1;CREATION;04/03/2021 10:15:30;1234567A;17/05/2003;SE-1;;15/03/2021;;52;;PE;52;\n");

        Run run = AisCommandHelpTest.run(environment(stack, namespace), "ingest", "pe", pe.toString());

        assertThat(run.code()).isEqualTo(AisCommand.FAILURE);
        assertThat(run.err()).contains("ais: the topic " + namespace + "ais.connector-checkpoints does not exist at "
                        + stack.bootstrapServers())
                .contains("run `ais topics` first") // not a metadata wait running out as a bare timeout
                .doesNotContain("no answer from the Kafka cluster");
    }
}
