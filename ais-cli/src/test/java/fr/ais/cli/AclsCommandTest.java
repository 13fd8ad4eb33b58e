package fr.ais.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.cli.AisCommandHelpTest.Run;
import fr.ais.platform.security.ComponentAcls;
import fr.ais.platform.security.KafkaAclsScript;
import fr.ais.platform.topics.TopicCatalogue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ais acls --print: the kafka-acls.sh commands of the model, for the settings' namespace and application id. */
class AclsCommandTest {

    @Test
    void print_gives_the_commands_generated_for_the_namespace_and_its_default_application_id() {
        Run run = AisCommandHelpTest.run(Map.of("AIS_TOPIC_NAMESPACE", "region52."), "acls", "--print");

        assertThat(run.code()).as(run.err()).isZero();
        // (contains: logback may print its own start-up status first, in the first test of a JVM)
        assertThat(run.out()).contains(KafkaAclsScript.of(ComponentAcls.forAll(TopicCatalogue.withNamespace("region52."),
                "region52.ais-consolidation")));
        assertThat(run.out()).contains("--allow-principal 'User:ais-region52.ingest-pe' --operation Write --topic"
                + " 'region52.ais.pe.events'");
    }

    @Test
    void print_follows_a_configured_application_id() {
        Run run = AisCommandHelpTest.run(Map.of(), "acls", "--print", "--application-id", "custom-app");

        assertThat(run.out()).contains("--group 'custom-app'", "--topic 'custom-app-' --resource-pattern-type prefixed")
                .doesNotContain("ais-consolidation-");
    }
}
