package fr.ais.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.cli.pipeline.Pipeline;
import fr.ais.ingest.SourceFormat;
import fr.ais.schemas.Source;
import org.junit.jupiter.api.Test;

/** The command line finds one format per source on its class path, as the connector modules declare them. */
class SourceFormatDiscoveryTest {

    @Test
    void every_source_has_exactly_one_format() {
        assertThat(SourceFormat.all()).extracting(SourceFormat::source).containsExactly(Source.values());
        for (Source source : Source.values()) {
            assertThat(Pipeline.formatOf(source).source()).isEqualTo(source);
            assertThat(Pipeline.formatOf(source).connectorName())
                    .isEqualTo("ingest-" + source.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
