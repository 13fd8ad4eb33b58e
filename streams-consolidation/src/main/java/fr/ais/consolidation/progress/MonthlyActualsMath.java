package fr.ais.consolidation.progress;

import fr.ais.schemas.AgeBand;
import fr.ais.schemas.AggregateKey;
import fr.ais.schemas.MonthlyActuals;
import fr.ais.schemas.MonthlyCount;
import fr.ais.schemas.Network;
import fr.ais.schemas.Objective;
import fr.ais.schemas.RegionYearKey;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The monthly actuals of one region and year per objective scope (SPEC §5): GLOBAL counts every
 * network under 30, PE the network PE under 30, ML the network ML aged 16 to 25. The progress stage
 * keeps them up to date row change by row change, the exports sum them from the aggregates: the same
 * functions for both.
 */
public final class MonthlyActualsMath {

    private MonthlyActualsMath() {
    }

    /** SPEC §5 scopes. */
    public static boolean inScope(Objective objective, Network network, AgeBand band) {
        boolean under30 = band != AgeBand.AGE_30_PLUS;
        return switch (objective) {
            case GLOBAL -> under30;
            case PE -> network == Network.PE && under30;
            case ML -> network == Network.ML && band == AgeBand.AGE_16_25;
        };
    }

    /** Nothing entered yet. */
    public static MonthlyActuals none() {
        List<Long> zeros = Collections.nCopies(12, 0L);
        return new MonthlyActuals(zeros, zeros, zeros);
    }

    /** The region and year an aggregate row counts in. */
    public static RegionYearKey regionYearOf(AggregateKey row) {
        return new RegionYearKey(row.getRegion(), YearMonth.parse(row.getMonth()).getYear());
    }

    /** An aggregate row as the prescriptions it adds to its region and year's actuals. */
    public static MonthlyCount countOf(AggregateKey row, long prescriptions) {
        return new MonthlyCount(YearMonth.parse(row.getMonth()).getMonthValue(), row.getNetwork(), row.getAgeBand(),
                prescriptions);
    }

    /** {@code actuals} with {@code count} added ({@code sign} 1) or retracted ({@code sign} -1). */
    public static MonthlyActuals add(MonthlyActuals actuals, MonthlyCount count, int sign) {
        return add(actuals, count.getMonth(), count.getNetwork(), count.getAgeBand(), sign * count.getPrescriptions());
    }

    /** The actuals of every region and year, from the aggregate rows (the sum of their counts). */
    public static Map<RegionYearKey, MonthlyActuals> perRegionYear(Map<AggregateKey, Long> aggregates) {
        Map<RegionYearKey, MonthlyActuals> actuals = new HashMap<>();
        aggregates.forEach((row, n) -> actuals.compute(regionYearOf(row),
                (regionYear, sofar) -> add(sofar == null ? none() : sofar, countOf(row, n), 1)));
        return actuals;
    }

    /** {@code actuals} with {@code delta} prescriptions of {@code network} and {@code band} entered in {@code month}. */
    public static MonthlyActuals add(MonthlyActuals actuals, int month, Network network, AgeBand band, long delta) {
        return new MonthlyActuals(
                plus(actuals.getGlobal(), month, inScope(Objective.GLOBAL, network, band) ? delta : 0),
                plus(actuals.getPe(), month, inScope(Objective.PE, network, band) ? delta : 0),
                plus(actuals.getMl(), month, inScope(Objective.ML, network, band) ? delta : 0));
    }

    /** Entries of the objective's scope from January through {@code month}. */
    public static long cumulative(MonthlyActuals actuals, Objective objective, int month) {
        List<Long> monthly = switch (objective) {
            case GLOBAL -> actuals.getGlobal();
            case PE -> actuals.getPe();
            case ML -> actuals.getMl();
        };
        long total = 0;
        for (int m = 0; m < month; m++) {
            total += monthly.get(m);
        }
        return total;
    }

    private static List<Long> plus(List<Long> monthly, int month, long delta) {
        if (delta == 0) {
            return monthly;
        }
        List<Long> copy = new ArrayList<>(monthly);
        copy.set(month - 1, copy.get(month - 1) + delta);
        return copy;
    }
}
