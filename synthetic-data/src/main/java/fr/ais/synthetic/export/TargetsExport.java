package fr.ais.synthetic.export;

import fr.ais.synthetic.world.Network;
import fr.ais.synthetic.world.Population;
import fr.ais.synthetic.world.Prescription;
import fr.ais.synthetic.world.Region;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The targets file (SPEC §5) for the 18 regions: GLOBAL spread like the annex's 2021-2022 targets, scaled to the
 * synthetic population's size; PE and ML in proportion to each region's mix. The annex's targets do not follow
 * its 2019 entries (which size each region's population), so some regions end up ahead and others behind.
 */
final class TargetsExport {

    static final String HEADER = "annee;code_region;objectif;cible_annuelle;profil_mensuel";

    private TargetsExport() {
    }

    private static final class Counts {
        int global;
        int pe;
        int ml;
    }

    static int write(Path file, Population population, int year, SplittableRandom random) throws IOException {
        Map<String, Counts> truth = new TreeMap<>();
        for (Region region : population.regions()) {
            truth.put(region.code(), new Counts());
        }
        for (Prescription p : population.prescriptions()) {
            if (!p.outcome().isEntry()) {
                continue;
            }
            Counts c = truth.get(p.prescriberRegion());
            int age = p.age();
            if (age < 30) {
                c.global++;
                if (p.network() == Network.PE) {
                    c.pe++;
                }
            }
            if (p.network() == Network.ML && age >= 16 && age <= 25) {
                c.ml++;
            }
        }
        int totalGlobal = truth.values().stream().mapToInt(c -> c.global).sum();
        double annualAnnex = population.regions().stream().mapToDouble(r -> r.target20212022() / 2.0).sum();
        double scale = totalGlobal * 1.05 / annualAnnex;

        List<Region> regions = population.regions().stream()
                .sorted((a, b) -> a.code().compareTo(b.code())).toList();
        int rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (Region region : regions) {
                Counts c = truth.get(region.code());
                long global = Math.max(1, Math.round(region.target20212022() / 2.0 * scale * noise(random, 0.92, 1.08)));
                double perEntry = (double) global / Math.max(1, c.global);
                long pe = Math.max(1, Math.round(c.pe * perEntry * noise(random, 0.9, 1.15)));
                long ml = Math.max(1, Math.round(c.ml * perEntry * noise(random, 0.9, 1.15)));
                String profile = random.nextBoolean() ? profile(random) : "";
                for (String[] row : new String[][] {{"GLOBAL", Long.toString(global)}, {"PE", Long.toString(pe)},
                    {"ML", Long.toString(ml)}}) {
                    // one profile per region, or sometimes only on its GLOBAL row
                    String rowProfile = "GLOBAL".equals(row[0]) || random.nextDouble() < 0.8 ? profile : "";
                    out.write(year + ";" + region.code() + ";" + row[0] + ";" + row[1] + ";" + rowProfile);
                    out.write('\n');
                    rows++;
                }
            }
        }
        return rows;
    }

    private static double noise(SplittableRandom random, double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    /** The seasonal profile of entries, varied per region. */
    private static String profile(SplittableRandom random) {
        StringJoiner weights = new StringJoiner("|");
        for (int w : Population.SEASON) {
            weights.add(Integer.toString(Math.max(0, w + random.nextInt(3) - 1)));
        }
        return weights.toString();
    }
}
