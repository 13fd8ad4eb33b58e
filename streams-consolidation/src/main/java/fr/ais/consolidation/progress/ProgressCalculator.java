package fr.ais.consolidation.progress;

import fr.ais.schemas.ProgressStatus;
import fr.ais.schemas.Target;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * SPEC §5 progress maths. The cumulative target through month m is
 * {@code cible_annuelle × (w1+…+wm) / (w1+…+w12)}, uniform when the profile is empty.
 *
 * <p>When the cumulative target is 0 (a profile that expects nothing yet), the ratio is undefined:
 * it is left empty and the status is ON_TRACK, since nothing was due.
 */
public final class ProgressCalculator {

    private final double onTrack;
    private final double atRisk;

    /** @param onTrack ratio at or above which a region is ON_TRACK; @param atRisk likewise AT_RISK */
    public ProgressCalculator(double onTrack, double atRisk) {
        if (atRisk > onTrack) {
            throw new IllegalArgumentException("the AT_RISK threshold must not exceed the ON_TRACK one");
        }
        this.onTrack = onTrack;
        this.atRisk = atRisk;
    }

    public static double cumulativeTarget(Target target, int month) {
        List<Double> profile = target.getMonthlyProfile();
        if (profile.isEmpty()) {
            return target.getAnnualTarget() * month / 12.0;
        }
        double total = profile.stream().mapToDouble(Double::doubleValue).sum();
        double through = profile.subList(0, month).stream().mapToDouble(Double::doubleValue).sum();
        return target.getAnnualTarget() * through / total;
    }

    /** actual / target, or null when the target is 0. */
    public static Double ratio(long actual, double target) {
        return target == 0 ? null : actual / target;
    }

    public ProgressStatus status(Double ratio) {
        if (ratio == null || ratio >= onTrack) {
            return ProgressStatus.ON_TRACK;
        }
        return ratio >= atRisk ? ProgressStatus.AT_RISK : ProgressStatus.BEHIND;
    }

    /** A month stays provisional until the end of the second following month (rétro-saisie). */
    public static boolean provisional(YearMonth month, LocalDate asOf) {
        return !asOf.isAfter(month.plusMonths(2).atEndOfMonth());
    }
}
