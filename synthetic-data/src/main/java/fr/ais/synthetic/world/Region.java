package fr.ais.synthetic.world;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the 18 regions with its figures from the annex of the DGEFP instruction (SPEC §2), which size the
 * synthetic population and the targets.
 *
 * @param code            INSEE region code
 * @param entries2019     2019 training entries of 16-29 year olds: the region's weight in the population
 * @param share2629Pct    share of those entries aged 26-29, in percent
 * @param target20212022  total target 2021-2022
 */
public record Region(String code, int entries2019, int share2629Pct, int target20212022) {

    private static final String ANNEX = "annexe-2021.csv";

    /** The 18 regions in the annex's row order (a stable order, so generation does not depend on hashing). */
    public static List<Region> fromAnnex() {
        try (InputStream in = Region.class.getResourceAsStream(ANNEX)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ANNEX);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Region> regions = new ArrayList<>();
            reader.readLine(); // header
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(";");
                regions.add(new Region(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[4])));
            }
            return List.copyOf(regions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
