package fr.ais.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Serde of a generated Avro record type in Confluent's wire format, byte for byte: magic byte {@code 0},
 * the writer schema's registry id as 4 bytes big-endian, then the Avro binary encoding of the record.
 *
 * <p>Subjects follow the TopicNameStrategy: {@code <topic>-key} or {@code <topic>-value}.
 * With auto-registration the record's own schema is registered and written. Without it (production:
 * schemas are registered by the deployment, not by applications) the subject's latest registered schema is
 * the writer schema: the record is converted to it, and serialization fails clearly if the registered
 * schema cannot represent records of this class.
 *
 * <p>Reading resolves the writer schema (fetched by id) to the generated class's schema, so records written
 * with an older or newer compatible version both read. {@code null} is a tombstone both ways.
 */
public final class WireFormatSerde<T extends SpecificRecord> implements Serializer<T>, Deserializer<T>, Serde<T> {

    /** First byte of every Confluent wire-format payload. */
    public static final byte MAGIC_BYTE = 0;
    static final int HEADER_SIZE = 5;

    private final SchemaRegistry registry;
    private final Class<T> type;
    private final boolean isKey;
    private final boolean autoRegister;
    private final SpecificData model;
    private final Schema readerSchema;
    private final Map<String, Writer<T>> writersByTopic = new ConcurrentHashMap<>();
    private final Map<Integer, DatumReader<T>> readersById = new ConcurrentHashMap<>();

    public WireFormatSerde(SchemaRegistry registry, Class<T> type, boolean isKey, boolean autoRegister) {
        this.registry = registry;
        this.type = type;
        this.isKey = isKey;
        this.autoRegister = autoRegister;
        this.model = SpecificData.getForClass(type);
        this.readerSchema = model.getSchema(type);
    }

    /** The TopicNameStrategy subject of a topic's keys or values. */
    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        Writer<T> writer = writersByTopic.computeIfAbsent(topic, this::writerFor);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(128);
            out.write(writer.header);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            if (writer.conversion == null) {
                writer.ownWriter.write(record, encoder);
            } else {
                // write with the class's schema, then resolve that to the registered one
                ByteArrayOutputStream own = new ByteArrayOutputStream(128);
                writer.ownWriter.write(record, EncoderFactory.get().directBinaryEncoder(own, null));
                GenericRecord converted = writer.conversion.read(null,
                        DecoderFactory.get().binaryDecoder(own.toByteArray(), null));
                writer.registeredWriter.write(converted, encoder);
            }
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot serialize " + type.getSimpleName() + " for topic " + topic
                    + " with schema id " + writer.id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < HEADER_SIZE) {
            throw new SerializationException("record of topic " + topic + " has " + data.length
                    + " bytes: too short for the Confluent wire format (magic byte + 4-byte schema id)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        byte magic = buffer.get();
        if (magic != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "unknown magic byte 0x%02x in a record of topic %s: not the Confluent wire format (expected 0x00)",
                    magic, topic));
        }
        int id = buffer.getInt();
        DatumReader<T> reader;
        try {
            reader = readersById.computeIfAbsent(id,
                    i -> new SpecificDatumReader<>(registry.getById(i), readerSchema, model));
        } catch (SchemaRegistryException e) {
            throw new SerializationException("cannot read a record of topic " + topic + ": writer schema id " + id
                    + " not available from the registry: " + e.getMessage(), e);
        }
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, HEADER_SIZE, data.length - HEADER_SIZE, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot read a record of topic " + topic + " written with schema id " + id
                    + " as " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    private Writer<T> writerFor(String topic) {
        String subject = subject(topic, isKey);
        SpecificDatumWriter<T> own = new SpecificDatumWriter<>(readerSchema, model);
        try {
            if (autoRegister) {
                return new Writer<>(registry.register(subject, readerSchema), own, null, null);
            }
            RegisteredSchema latest = registry.latest(subject);
            Schema registered = latest.schema();
            if (SchemaNormalization.parsingFingerprint64(registered) == SchemaNormalization.parsingFingerprint64(readerSchema)) {
                return new Writer<>(latest.id(), own, null, null);
            }
            var check = SchemaCompatibility.checkReaderWriterCompatibility(registered, readerSchema).getResult();
            if (check.getCompatibility() != SchemaCompatibilityType.COMPATIBLE) {
                throw new SerializationException("records of " + type.getName() + " cannot be written with the latest schema"
                        + " registered under subject " + subject + " (id " + latest.id() + ", version " + latest.version()
                        + "): " + check.getIncompatibilities().stream()
                                .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")").toList()
                        + "; register the new schema first");
            }
            return new Writer<>(latest.id(), own, new GenericDatumReader<>(readerSchema, registered),
                    new GenericDatumWriter<>(registered));
        } catch (SchemaRegistryException e) {
            throw new SerializationException("cannot get the writer schema of subject " + subject
                    + (autoRegister ? " (auto-registering " : " (looking up the registered latest for ")
                    + type.getName() + "): " + e.getMessage(), e);
        }
    }

    /** How records of one topic are written: under which id, and converted to the registered schema if it differs. */
    private static final class Writer<T> {
        final int id;
        final byte[] header;
        final SpecificDatumWriter<T> ownWriter;
        final GenericDatumReader<GenericRecord> conversion;
        final GenericDatumWriter<GenericRecord> registeredWriter;

        Writer(int id, SpecificDatumWriter<T> ownWriter, GenericDatumReader<GenericRecord> conversion,
                GenericDatumWriter<GenericRecord> registeredWriter) {
            this.id = id;
            this.header = ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(id).array();
            this.ownWriter = ownWriter;
            this.conversion = conversion;
            this.registeredWriter = registeredWriter;
        }
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // configured at construction: the registry and the key/value side are given by the factory
    }

    @Override
    public void close() {
        // the registry client is shared and owned by whoever made the factory
    }
}
