package fr.ais.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each compatibility level accepts, judged by Avro's SchemaCompatibility as the real registries do. */
class CompatibilityLevelTest {

    private static final Schema V1 = fr.ais.registry.test.v1.Greeting.getClassSchema();
    private static final Schema V2 = fr.ais.registry.test.v2.Greeting.getClassSchema();
    /** V1 plus a required field without default: new readers cannot read old data, old readers ignore the field. */
    private static final Schema REQUIRED_ADDED = fr.ais.registry.test.broken.Greeting.getClassSchema();

    @ParameterizedTest(name = "{0}: optional field added {1}, required field added {2}")
    @CsvSource({
        "NONE,                true, true",
        "BACKWARD,            true, false",
        "BACKWARD_TRANSITIVE, true, false",
        "FORWARD,             true, true",
        "FORWARD_TRANSITIVE,  true, true",
        "FULL,                true, false",
        "FULL_TRANSITIVE,     true, false",
    })
    void levels(CompatibilityLevel level, boolean optionalAdded, boolean requiredAdded) {
        assertThat(level.incompatibilities(V2, List.of(V1)).isEmpty()).isEqualTo(optionalAdded);
        assertThat(level.incompatibilities(REQUIRED_ADDED, List.of(V1)).isEmpty()).isEqualTo(requiredAdded);
    }

    /** Reads v1 data (note defaults to 0) but not v2 data, whose note is a string. */
    private static final Schema NOTE_AS_INT = new Schema.Parser().parse("""
            {"type":"record","name":"Greeting","namespace":"fr.ais.registry.test.v3","fields":[
              {"name":"name","type":"string"},{"name":"count","type":"int"},
              {"name":"note","type":"int","default":0}]}""");

    @ParameterizedTest(name = "{0} after [v2, v1]: accepted {1}")
    @CsvSource({
        "BACKWARD,            true",
        "BACKWARD_TRANSITIVE, false",
    })
    void transitiveLevelsCheckEveryEarlierVersion(CompatibilityLevel level, boolean accepted) {
        assertThat(level.incompatibilities(NOTE_AS_INT, List.of(V2, V1)).isEmpty()).isEqualTo(accepted);
    }
}
