package fr.ais.consolidation.progress;

import fr.ais.schemas.Target;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Where a region will end the year at its current pace: the cumulative figure through the latest closed
 * month divided by the share of the annual target due by then (the monthly profile, uniform when empty),
 * that is the pace against the profile carried to December: {@code cumulative × (w1+…+w12) / (w1+…+wm)}.
 * Given the observed cumulative it is the observed projection; given the cumulative completed for late
 * entries ({@link LateEntries}), the completed one.
 */
public final class YearEndProjection {

    /** The method, in the words the dashboard shows. */
    public static final String METHOD_FR = "Projection = réalisé cumulé à fin du dernier mois écoulé, divisé par la "
            + "part de la cible annuelle attendue à cette date (profil mensuel des cibles) : le rythme actuel "
            + "prolongé jusqu'en décembre. La projection complétée part du réalisé augmenté des saisies tardives "
            + "attendues des mois provisoires, estimées réseau par réseau d'après les délais de saisie observés sur "
            + "les douze derniers mois consolidés.";

    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private YearEndProjection() {
    }

    /** The year-end figure at the pace of {@code cumulative} through {@code month}; null when nothing is due yet. */
    public static BigDecimal yearEnd(BigDecimal cumulative, Target target, int month) {
        BigDecimal due = ProgressCalculator.cumulativeTarget(target, month);
        if (due.signum() == 0) {
            return null;
        }
        BigDecimal annual = BigDecimal.valueOf(target.getAnnualTarget());
        return cumulative.multiply(annual).divide(due, PRECISION);
    }
}
