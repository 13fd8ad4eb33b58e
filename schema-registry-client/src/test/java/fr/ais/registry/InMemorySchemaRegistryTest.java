package fr.ais.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The in-memory registry behaves as the real one: sequential ids, versions, BACKWARD by default. */
class InMemorySchemaRegistryTest {

    private static final Schema V1 = fr.ais.registry.test.v1.Greeting.getClassSchema();
    private static final Schema V2 = fr.ais.registry.test.v2.Greeting.getClassSchema();
    private static final Schema BROKEN = fr.ais.registry.test.broken.Greeting.getClassSchema();

    @Test
    void sequentialIdsOnePerDistinctSchema() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

        assertThat(registry.register("a-value", V1)).isEqualTo(1);
        assertThat(registry.register("a-value", V1)).as("same schema again").isEqualTo(1);
        assertThat(registry.register("b-value", V1)).as("same schema, other subject").isEqualTo(1);
        assertThat(registry.register("a-value", V2)).isEqualTo(2);
        assertThat(registry.latest("a-value")).isEqualTo(new RegisteredSchema("a-value", 2, 2, V2));
        assertThat(registry.lookup("a-value", V1)).isEqualTo(new RegisteredSchema("a-value", 1, 1, V1));
        assertThat(registry.getById(2)).isEqualTo(V2);
    }

    @Test
    void backwardByDefaultRefusesANewRequiredFieldWithoutDefault() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        registry.register("a-value", V1);

        assertThat(registry.testCompatibility("a-value", V2)).isTrue();
        assertThat(registry.testCompatibility("a-value", BROKEN)).isFalse();
        assertThatThrownBy(() -> registry.register("a-value", BROKEN))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("language");
    }

    @Test
    void perSubjectLevelOverridesGlobal() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        registry.register("a-value", V1);
        registry.setCompatibility("a-value", CompatibilityLevel.NONE);

        assertThat(registry.register("a-value", BROKEN)).isEqualTo(2);
        assertThat(registry.getCompatibility("other")).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void missingThingsAreTypedErrors() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

        assertThatThrownBy(() -> registry.latest("none")).isInstanceOf(SubjectNotFoundException.class);
        assertThatThrownBy(() -> registry.getById(1)).isInstanceOf(SchemaNotFoundException.class);
        registry.register("a", V1);
        assertThatThrownBy(() -> registry.lookup("a", V2)).isInstanceOf(SchemaNotFoundException.class);
    }

    @Test
    void aJournalToldEveryChangeBeforeItAppliesRebuildsTheSameRegistry() {
        List<InMemorySchemaRegistry.Change> journal = new ArrayList<>();
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry(journal::add);
        registry.register("a-value", V1);
        registry.register("a-value", V1);
        registry.setCompatibility("a-value", CompatibilityLevel.NONE);
        registry.register("a-value", BROKEN);
        registry.setGlobalCompatibility(CompatibilityLevel.FULL);

        assertThat(journal).hasSize(4);
        InMemorySchemaRegistry rebuilt = new InMemorySchemaRegistry();
        journal.forEach(rebuilt::replay);
        assertThat(rebuilt.versionNumbers("a-value")).containsExactly(1, 2);
        assertThat(rebuilt.latest("a-value")).isEqualTo(registry.latest("a-value"));
        assertThat(rebuilt.ownCompatibility("a-value")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(rebuilt.getGlobalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
        assertThat(rebuilt.register("b-value", V2)).as("ids go on after the replayed ones").isEqualTo(3);
    }

    @Test
    void aChangeTheJournalRefusesIsNotApplied() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry(change -> {
            throw new IllegalStateException("log unavailable");
        });

        assertThatThrownBy(() -> registry.register("a-value", V1)).hasMessage("log unavailable");
        assertThatThrownBy(() -> registry.latest("a-value")).isInstanceOf(SubjectNotFoundException.class);
    }
}
