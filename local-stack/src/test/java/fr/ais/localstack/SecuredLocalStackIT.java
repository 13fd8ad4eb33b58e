package fr.ais.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.platform.security.Component;
import fr.ais.platform.security.ComponentAcls;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.RestSchemaRegistryClient;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ais stack --secure: every principal with its generated ACLs, the registry as its own, a config file per component. */
class SecuredLocalStackIT {

    @TempDir
    Path dir;

    @Test
    void the_secured_stack_grants_every_component_its_acls_and_gives_it_a_config_file() throws Exception {
        try (SecuredLocalStack stack = SecuredLocalStack.start(LocalStack.Config.onFreePorts(dir), "ais-consolidation")) {
            assertThat(stack.configFiles()).containsOnlyKeys(Component.values());
            Properties pe = new Properties();
            try (Reader in = Files.newBufferedReader(stack.configFiles().get(Component.PE_CONNECTOR))) {
                pe.load(in);
            }
            assertThat(pe).containsEntry("kafka.bootstrap.servers", stack.saslSslBootstrapServers())
                    .containsEntry("kafka.client.security.protocol", "SASL_SSL")
                    .containsEntry("schema.registry.url", stack.registryUrl());
            assertThat(pe.getProperty("kafka.client.sasl.jaas.config")).contains("username=\"ais-ingest-pe\"");

            // the registry started as its principal: it created its topic and answers
            assertThat(new RestSchemaRegistryClient(stack.registryUrl()).getGlobalCompatibility()).isNotNull();
            Map<String, Object> admin = new HashMap<>();
            Properties adminFile = new Properties();
            try (Reader in = Files.newBufferedReader(stack.configFiles().get(Component.ADMIN))) {
                adminFile.load(in);
            }
            adminFile.stringPropertyNames().stream().filter(k -> k.startsWith("kafka.")).forEach(k -> admin.put(
                    k.equals("kafka.bootstrap.servers") ? "bootstrap.servers" : k.substring("kafka.client.".length()),
                    adminFile.getProperty(k)));
            try (Admin client = Admin.create(admin)) {
                long expected = ComponentAcls.forAll(TopicCatalogue.DEFAULT, "ais-consolidation").stream()
                        .mapToLong(c -> c.bindings().size()).sum();
                assertThat(client.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS)).hasSize(
                        (int) expected);
                assertThat(client.listTopics().names().get(30, TimeUnit.SECONDS)).contains("_schemas");
            }
        }
    }
}
