package fr.ais.benchmarks;

import fr.ais.registry.InMemorySchemaRegistry;
import fr.ais.registry.WireFormatSerdeFactory;
import fr.ais.schemas.IdentifierType;
import fr.ais.schemas.Network;
import fr.ais.schemas.PersonId;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Throughput of the Confluent wire-format serde on realistic {@link PrescriptionEvent}s (two pseudonymised ids,
 * every optional field filled as a PE record fills them), one thread, schema ids already cached, and the size of
 * a record on the wire.
 *
 * <p>Run: {@code ./mvnw -o -q -pl benchmarks -am package -DskipTests} then
 * {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/cp.txt)" fr.ais.benchmarks.SerdeThroughputBenchmark [records] [rounds]}
 * (cp.txt from {@code ./mvnw -o -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/cp.txt}).
 */
public final class SerdeThroughputBenchmark {

    public static void main(String[] args) {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String topic = "ais.pe.events";
        var factory = new WireFormatSerdeFactory(new InMemorySchemaRegistry(), true);
        Serializer<PrescriptionEvent> serializer = factory.forValues(PrescriptionEvent.class).serializer();
        Deserializer<PrescriptionEvent> deserializer = factory.forValues(PrescriptionEvent.class).deserializer();

        List<PrescriptionEvent> events = events(records, new Random(42));
        List<byte[]> encoded = new ArrayList<>(records);
        long bytes = 0;
        for (PrescriptionEvent e : events) {
            byte[] b = serializer.serialize(topic, e);
            encoded.add(b);
            bytes += b.length;
        }
        if (!deserializer.deserialize(topic, encoded.get(0)).equals(events.get(0))) {
            throw new IllegalStateException("round trip changed the record");
        }

        System.out.printf(Locale.ROOT, "records per round: %d, mean bytes per record: %.1f (5 of them wire-format header)%n",
                records, (double) bytes / records);
        for (int round = 1; round <= rounds; round++) {
            long sink = 0;
            long t0 = System.nanoTime();
            for (PrescriptionEvent e : events) {
                sink += serializer.serialize(topic, e).length;
            }
            long t1 = System.nanoTime();
            for (byte[] b : encoded) {
                sink += deserializer.deserialize(topic, b).getAgeAtEntry();
            }
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "round %d: serialize %,.0f records/s, deserialize %,.0f records/s (checksum %d)%n",
                    round, records / ((t1 - t0) / 1e9), records / ((t2 - t1) / 1e9), sink);
        }
    }

    private static List<PrescriptionEvent> events(int count, Random random) {
        HexFormat hex = HexFormat.of();
        Instant start = Instant.parse("2025-01-06T08:00:00Z");
        List<PrescriptionEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] pseudo = new byte[32];
            random.nextBytes(pseudo);
            String de = hex.formatHex(pseudo);
            random.nextBytes(pseudo);
            String milo = hex.formatHex(pseudo);
            LocalDate entry = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365));
            events.add(PrescriptionEvent.newBuilder()
                    .setSource(Source.PE)
                    .setSourceKey(String.format(Locale.ROOT, "AIS-%09d", i))
                    .setVersionTimestamp(start.plus(i, ChronoUnit.MINUTES).plusNanos(123_000L * (i % 1000)))
                    .setSourcePosition(i)
                    .setLive(random.nextInt(10) > 0)
                    .setMovementType(random.nextBoolean() ? "CREATION" : "MODIFICATION")
                    .setStatus(null)
                    .setSessionNumber(String.format(Locale.ROOT, "S%07d", random.nextInt(5_000)))
                    .setPersonIds(List.of(new PersonId(IdentifierType.DE, de), new PersonId(IdentifierType.MILO, milo)))
                    .setEntryDate(entry)
                    .setEndDate(entry.plusDays(30 + random.nextInt(300)))
                    .setAgeAtEntry(16 + random.nextInt(10))
                    .setDeclaredNetwork(random.nextBoolean() ? Network.PE : Network.ML)
                    .setPePrescriberNotFilled(false)
                    .setPrescriberType("CONSEILLER_PE")
                    .setPrescriberRegion(String.valueOf(11 + random.nextInt(84)))
                    .setTrainingRegion(String.valueOf(11 + random.nextInt(84)))
                    .setStructureCode(String.format(Locale.ROOT, "%05d", random.nextInt(99_999)))
                    .setProviderSiret(String.format(Locale.ROOT, "%014d", Math.floorMod(random.nextLong(), 100_000_000_000_000L)))
                    .setFinancer("REGION")
                    .setSourceEventId(null)
                    .setOrigin("ais_export_2025-03-01.csv")
                    .build());
        }
        return events;
    }
}
