package fr.ais.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** For any record: the wire format starts with 0 and the id, reads back equal, and old readers read new data. */
class WireFormatRoundTripPropertyTest {

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final WireFormatSerdeFactory factory = new WireFormatSerdeFactory(registry, true);

    @Property(tries = 300)
    void anyRecordReadsBackEqualAndAsTheOlderVersion(@ForAll String name, @ForAll int count, @ForAll String note,
            @ForAll boolean withNote, @ForAll @IntRange(min = 1, max = 3) int topicNumber) {
        String topic = "topic-" + topicNumber;
        var v2 = factory.forValues(fr.ais.registry.test.v2.Greeting.class);
        var record = new fr.ais.registry.test.v2.Greeting(name, count, withNote ? note : null);

        byte[] bytes = v2.serializer().serialize(topic, record);

        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registry.latest(topic + "-value").id());
        assertThat(v2.deserializer().deserialize(topic, bytes)).isEqualTo(record);
        assertThat(factory.forValues(fr.ais.registry.test.v1.Greeting.class).deserializer().deserialize(topic, bytes))
                .isEqualTo(new fr.ais.registry.test.v1.Greeting(name, count));
    }
}
