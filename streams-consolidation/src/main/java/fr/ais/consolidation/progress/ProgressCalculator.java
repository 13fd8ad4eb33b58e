package fr.ais.consolidation.progress;

import fr.ais.schemas.MonthlyActuals;
import fr.ais.schemas.Progress;
import fr.ais.schemas.ProgressStatus;
import fr.ais.schemas.Target;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
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

    /**
     * The months a target has progress rows for at {@code asOf}: January to the as-of month in the
     * as-of year, all twelve for earlier years, none for later years.
     */
    public static int lastMonth(int year, LocalDate asOf) {
        return year < asOf.getYear() ? 12 : year == asOf.getYear() ? asOf.getMonthValue() : 0;
    }

    /** The progress of {@code target} through {@code month}, from its region and year's monthly actuals. */
    public Progress progress(Target target, MonthlyActuals actuals, int month, LocalDate asOf) {
        long actual = MonthlyActualsMath.cumulative(actuals, target.getObjective(), month);
        double cumulativeTarget = cumulativeTarget(target, month);
        Double ratio = ratio(actual, cumulativeTarget);
        return Progress.newBuilder()
                .setRegion(target.getRegion())
                .setYear(target.getYear())
                .setMonth(month)
                .setObjective(target.getObjective())
                .setActualCumulative(actual)
                .setTargetCumulative(cumulativeTarget)
                .setRatio(ratio)
                .setStatus(status(ratio))
                .setProvisional(provisional(YearMonth.of(target.getYear(), month), asOf))
                .build();
    }

    /** Every progress row of {@code target} at {@code asOf} (see {@link #lastMonth}). */
    public List<Progress> progress(Target target, MonthlyActuals actuals, LocalDate asOf) {
        List<Progress> rows = new ArrayList<>();
        for (int month = 1; month <= lastMonth(target.getYear(), asOf); month++) {
            rows.add(progress(target, actuals, month, asOf));
        }
        return rows;
    }

    /** A month stays provisional until the end of the second following month (rétro-saisie). */
    public static boolean provisional(YearMonth month, LocalDate asOf) {
        return !asOf.isAfter(month.plusMonths(2).atEndOfMonth());
    }
}
