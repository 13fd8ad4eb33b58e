package fr.ais.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ais.registry.test.v1.Greeting;
import java.util.HexFormat;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The Confluent wire format, byte for byte, and reading across schema versions. */
class WireFormatSerdeTest {

    private static final String TOPIC = "greetings";

    /** A registry that hands out id 258 (0x00000102), to pin the id's byte order. */
    private static final class FixedIdRegistry implements SchemaRegistry {
        private final Schema schema;

        FixedIdRegistry(Schema schema) {
            this.schema = schema;
        }

        @Override public int register(String subject, Schema s) {
            assertThat(subject).isEqualTo(TOPIC + "-value");
            assertThat(s).isEqualTo(schema);
            return 258;
        }
        @Override public Schema getById(int id) {
            if (id != 258) {
                throw new SchemaNotFoundException(40403, "schema " + id + " not found");
            }
            return schema;
        }
        @Override public RegisteredSchema latest(String subject) { return new RegisteredSchema(subject, 258, 1, schema); }
        @Override public RegisteredSchema lookup(String subject, Schema s) { return latest(subject); }
        @Override public boolean testCompatibility(String subject, Schema s) { return true; }
        @Override public CompatibilityLevel getCompatibility(String subject) { return CompatibilityLevel.BACKWARD; }
        @Override public void setCompatibility(String subject, CompatibilityLevel level) { }
        @Override public CompatibilityLevel getGlobalCompatibility() { return CompatibilityLevel.BACKWARD; }
        @Override public void setGlobalCompatibility(CompatibilityLevel level) { }
    }

    @Test
    void goldenBytesOfASmallRecordWithSchemaId258() {
        var serde = new WireFormatSerde<>(new FixedIdRegistry(Greeting.getClassSchema()), Greeting.class, false, true);
        Greeting greeting = new Greeting("Hi", -2);

        byte[] bytes = serde.serialize(TOPIC, greeting);

        // Confluent wire format (docs.confluent.io, "Wire format"), then the Avro binary encoding (Avro spec):
        //   00           magic byte 0
        //   00 00 01 02  schema id 258, 4 bytes big-endian
        //   04           name: string length 2, as a zigzag varint (2 -> 4)
        //   48 69        "Hi" in UTF-8
        //   03           count: int -2, as a zigzag varint (-2 -> 3)
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("00" + "00000102" + "04" + "4869" + "03");
        assertThat(serde.deserialize(TOPIC, HexFormat.of().parseHex("0000000102044869" + "03"))).isEqualTo(greeting);
    }

    @Test
    void keysUseTheKeySubject() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        new WireFormatSerdeFactory(registry, true).forKeys(Greeting.class).serializer().serialize(TOPIC, new Greeting("a", 1));

        assertThat(registry.latest(TOPIC + "-key").schema()).isEqualTo(Greeting.getClassSchema());
        assertThatThrownBy(() -> registry.latest(TOPIC + "-value")).isInstanceOf(SubjectNotFoundException.class);
    }

    @Test
    void recordWrittenWithV1ReadsWithV2() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        var factory = new WireFormatSerdeFactory(registry, true);
        byte[] v1Bytes = factory.forValues(Greeting.class).serializer().serialize(TOPIC, new Greeting("Ana", 3));

        var read = factory.forValues(fr.ais.registry.test.v2.Greeting.class).deserializer().deserialize(TOPIC, v1Bytes);

        assertThat(read).isEqualTo(new fr.ais.registry.test.v2.Greeting("Ana", 3, null));
    }

    @Test
    void recordWrittenWithV2ReadsWithV1() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        var factory = new WireFormatSerdeFactory(registry, true);
        factory.forValues(Greeting.class).serializer().serialize(TOPIC, new Greeting("first", 0));
        byte[] v2Bytes = factory.forValues(fr.ais.registry.test.v2.Greeting.class).serializer()
                .serialize(TOPIC, new fr.ais.registry.test.v2.Greeting("Ana", 3, "hello"));

        assertThat(registry.latest(TOPIC + "-value").version()).isEqualTo(2);
        assertThat(factory.forValues(Greeting.class).deserializer().deserialize(TOPIC, v2Bytes))
                .isEqualTo(new Greeting("Ana", 3));
    }

    @Test
    void withoutAutoRegistrationTheRegisteredLatestIsTheWriterSchema() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        int v1Id = registry.register(TOPIC + "-value", Greeting.getClassSchema());
        var production = new WireFormatSerdeFactory(registry, false);

        byte[] bytes = production.forValues(fr.ais.registry.test.v2.Greeting.class).serializer()
                .serialize(TOPIC, new fr.ais.registry.test.v2.Greeting("Ana", 3, "dropped: v1 has no note"));

        assertThat(java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(v1Id);
        assertThat(HexFormat.of().formatHex(bytes, 5, bytes.length)).as("v1's encoding: name, count")
                .isEqualTo("06416e61" + "06");
        assertThat(registry.latest(TOPIC + "-value").version()).as("nothing registered").isEqualTo(1);
    }

    @Test
    void withoutAutoRegistrationAnUnwritableRecordFailsClearly() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        registry.register(TOPIC + "-value", fr.ais.registry.test.broken.Greeting.getClassSchema());
        var production = new WireFormatSerdeFactory(registry, false);

        assertThatThrownBy(() -> production.forValues(Greeting.class).serializer().serialize(TOPIC, new Greeting("a", 1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot be written with the latest schema registered under subject greetings-value")
                .hasMessageContaining("language");
    }

    @Test
    void withoutAutoRegistrationAMissingSubjectFailsClearly() {
        var production = new WireFormatSerdeFactory(new InMemorySchemaRegistry(), false);

        assertThatThrownBy(() -> production.forValues(Greeting.class).serializer().serialize(TOPIC, new Greeting("a", 1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("greetings-value")
                .hasCauseInstanceOf(SubjectNotFoundException.class);
    }

    @Test
    void unknownMagicByteIsAClearError() {
        var serde = new WireFormatSerdeFactory(new InMemorySchemaRegistry(), true).forValues(Greeting.class);

        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, HexFormat.of().parseHex("0100000001024103")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown magic byte 0x01")
                .hasMessageContaining(TOPIC);
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void unknownSchemaIdIsAClearError() {
        var serde = new WireFormatSerdeFactory(new InMemorySchemaRegistry(), true).forValues(Greeting.class);

        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, HexFormat.of().parseHex("0000000063024103")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 99");
    }

    @Test
    void nullIsATombstoneBothWays() {
        var serde = new WireFormatSerdeFactory(new InMemorySchemaRegistry(), true).forValues(Greeting.class);

        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }
}
