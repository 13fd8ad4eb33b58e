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

    /*
     * Calibrated on generated data so that the consolidated figures (not the ground truth) land around the targets,
     * some regions ahead and some behind: prescriptions the sources fail to link are counted twice (GLOBAL, ML up),
     * and PE prescriptions whose prescriber field is empty stay unattributed (PE down).
     */
    private static final double GLOBAL_CALIBRATION = 1.18;
    private static final double PE_CALIBRATION = 0.84;
    private static final double ML_CALIBRATION = 1.2;

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
        double scale = totalGlobal / annualAnnex;

        List<Region> regions = population.regions().stream()
                .sorted((a, b) -> a.code().compareTo(b.code())).toList();
        int rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (Region region : regions) {
                Counts c = truth.get(region.code());
                // the annex's ambition for the region relative to its real entries
                double ambition = region.target20212022() / 2.0 * scale / Math.max(1, c.global);
                long global = target(c.global * ambition * GLOBAL_CALIBRATION, random);
                long pe = target(c.pe * ambition * PE_CALIBRATION, random);
                long ml = target(c.ml * ambition * ML_CALIBRATION, random);
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

    private static long target(double expected, SplittableRandom random) {
        return Math.max(1, Math.round(expected * (0.85 + 0.3 * random.nextDouble())));
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
