package fr.ais.consolidation.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.InMemorySchemaRegistry;
import fr.ais.registry.WireFormatSerdeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;

/**
 * Pins the topology: processor, store and internal topic names are part of the deployed state
 * (changelogs, repartition topics), so renaming one is a migration, never an accident.
 */
class TopologyDescriptionTest {

    private static final Path PINNED = Path.of("src/test/resources/topology.txt");

    @Test
    void the_topology_description_is_the_pinned_one() throws IOException {
        String described = ConsolidationTopology.build(new ConsolidationConfig(TopicCatalogue.DEFAULT),
                new WireFormatSerdeFactory(new InMemorySchemaRegistry(), true)).describe().toString();
        if (Boolean.getBoolean("pin.topology")) {
            Files.writeString(PINNED, described, StandardCharsets.UTF_8);
        }
        assertThat(described)
                .as("topology changed: review the names, then re-pin with -Dpin.topology=true")
                .isEqualTo(Files.readString(PINNED, StandardCharsets.UTF_8));
    }

    @Test
    void an_internal_resource_left_unnamed_is_refused() {
        StreamsBuilder builder = ConsolidationTopology.newBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()).withName("in"))
                .groupByKey()
                .count();

        assertThatThrownBy(builder::build).hasMessageContaining("has not been named");
    }
}
