package fr.ais.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ais.registry.RestSchemaRegistryClient;
import fr.ais.schemas.PrescriptionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The whole local stack, stopped and started again on its data directory. */
class LocalStackIT {

    @Test
    void aRestartOnTheSameDataDirectoryKeepsTheSchemas() throws Exception {
        Path dataDir = Files.createTempDirectory("ais-local-stack-it-");
        int id;
        try (LocalStack stack = LocalStack.start(LocalStack.Config.onFreePorts(dataDir))) {
            assertThat(stack.bootstrapServers()).isNotBlank();
            assertThat(stack.registryUrl()).startsWith("http://127.0.0.1:");
            id = new RestSchemaRegistryClient(stack.registryUrl()).register("events-value", PrescriptionEvent.getClassSchema());
        }

        try (LocalStack again = LocalStack.start(LocalStack.Config.onFreePorts(dataDir))) {
            var client = new RestSchemaRegistryClient(again.registryUrl());
            assertThat(client.getById(id)).isEqualTo(PrescriptionEvent.getClassSchema());
            assertThat(client.latest("events-value").id()).isEqualTo(id);
        }
    }

    @Test
    void aTakenRegistryPortIsAClearErrorAndLeavesNoBrokerRunning() throws Exception {
        Path dataDir = Files.createTempDirectory("ais-local-stack-it-");
        try (LocalStack first = LocalStack.start(LocalStack.Config.onFreePorts(dataDir.resolve("a")))) {
            int taken = Integer.parseInt(first.registryUrl().substring(first.registryUrl().lastIndexOf(':') + 1));

            assertThatThrownBy(() -> LocalStack.start(new LocalStack.Config(dataDir.resolve("b"), 0, taken)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + taken + " on 127.0.0.1 is already in use");
        }
    }
}
