package fr.ais.consolidation.topology;

import fr.ais.schemas.PrescriptionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Larger random histories of the property test's shape, for integration tests and benchmarks. */
public final class TestHistories {

    private TestHistories() {
    }

    /**
     * The accepted events of a generated year, read with the connectors' own formats, each with the
     * next position of its source as the connector runtime assigns it.
     */
    public static List<PrescriptionEvent> read(fr.ais.synthetic.GeneratedDataSet data,
            fr.ais.ingest.Pseudonymizer pseudonymizer) throws java.io.IOException {
        return read(data.peFile(), data.imiloFile(), data.ouiformFile(), pseudonymizer);
    }

    /** The accepted events of three source exports, as {@link #read(fr.ais.synthetic.GeneratedDataSet, fr.ais.ingest.Pseudonymizer)}. */
    public static List<PrescriptionEvent> read(java.nio.file.Path pe, java.nio.file.Path imilo, java.nio.file.Path ouiform,
            fr.ais.ingest.Pseudonymizer pseudonymizer) throws java.io.IOException {
        List<PrescriptionEvent> events = new ArrayList<>();
        events.addAll(read(new fr.ais.ingest.pe.PeFormat(), pe, pseudonymizer));
        events.addAll(read(new fr.ais.ingest.imilo.ImiloFormat(), imilo, pseudonymizer));
        events.addAll(read(new fr.ais.ingest.ouiform.OuiFormFormat(), ouiform, pseudonymizer));
        return events;
    }

    private static List<PrescriptionEvent> read(fr.ais.ingest.SourceFormat format, java.nio.file.Path file,
            fr.ais.ingest.Pseudonymizer pseudonymizer) throws java.io.IOException {
        List<PrescriptionEvent> accepted = new ArrayList<>();
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file);
             fr.ais.ingest.RecordReader reader = format.open(in, new fr.ais.ingest.ReadContext(
                     file.getFileName().toString(), java.nio.charset.StandardCharsets.UTF_8, pseudonymizer))) {
            long position = 0;
            for (fr.ais.ingest.ParsedRecord r = reader.next(); r != null; r = reader.next()) {
                if (r instanceof fr.ais.ingest.ParsedRecord.Accepted a) {
                    a.event().setSourcePosition(++position);
                    accepted.add(a.event());
                }
            }
        }
        return accepted;
    }

    /**
     * {@code versions} random versions, deterministic for a seed, with about three versions per
     * source record and a few people per session, so that groups, moves and ties still happen.
     */
    public static List<PrescriptionEvent> random(int versions, long seed) {
        Random random = new Random(seed);
        List<List<Integer>> genomes = new ArrayList<>();
        for (int i = 0; i < versions; i++) {
            List<Integer> genome = new ArrayList<>();
            for (int g = 0; g < 12; g++) {
                genome.add(random.nextInt(1_000_000));
            }
            genomes.add(genome);
        }
        int keys = Math.max(4, versions / 9);
        return OrderIndependencePropertyTest.decode(genomes,
                new OrderIndependencePropertyTest.Shape(keys, Math.max(2, keys / 2), Math.max(4, keys)));
    }
}
