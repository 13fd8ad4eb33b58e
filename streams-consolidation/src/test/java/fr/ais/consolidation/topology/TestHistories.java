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
