package fr.ais.consolidation.progress;

import fr.ais.schemas.AgeBand;
import fr.ais.schemas.MonthlyActuals;
import fr.ais.schemas.Network;
import fr.ais.schemas.Objective;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The monthly actuals of one region and year per objective scope (SPEC §5): GLOBAL counts every
 * network under 30, PE the network PE under 30, ML the network ML aged 16 to 25.
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
