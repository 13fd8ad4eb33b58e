package fr.ais.consolidation.progress;

import fr.ais.schemas.AggregateKey;
import fr.ais.schemas.MonthlyActuals;
import fr.ais.schemas.Progress;
import fr.ais.schemas.ProgressStatus;
import fr.ais.schemas.RegionYearKey;
import fr.ais.schemas.Target;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * SPEC §5 progress maths. The cumulative target through month m is
 * {@code cible_annuelle × (w1+…+wm) / (w1+…+w12)}, uniform when the profile is empty.
 *
 * <p>Computed in decimals, not in binary floating point: the targets file's numbers are decimals, and a
 * ratio exactly at a threshold (3 entries against 10 × 4/12) must take that threshold's status, where
 * doubles give 0.8999999999999999 and BEHIND. Targets and ratios are carried to 34 significant digits
 * and published as the nearest double.
 *
 * <p>When the cumulative target is 0 (a profile that expects nothing yet), the ratio is undefined:
 * it is left empty and the status is ON_TRACK, since nothing was due.
 */
public final class ProgressCalculator {

    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private final BigDecimal onTrack;
    private final BigDecimal atRisk;

    /** @param onTrack ratio at or above which a region is ON_TRACK; @param atRisk likewise AT_RISK */
    public ProgressCalculator(double onTrack, double atRisk) {
        if (!thresholdsInOrder(onTrack, atRisk)) {
            throw new IllegalArgumentException("the AT_RISK threshold must not exceed the ON_TRACK one");
        }
        this.onTrack = BigDecimal.valueOf(onTrack);
        this.atRisk = BigDecimal.valueOf(atRisk);
    }

    /** Ratio at or above which a region is ON_TRACK. */
    public double onTrack() {
        return onTrack.doubleValue();
    }

    /** Ratio at or above which a region is AT_RISK. */
    public double atRisk() {
        return atRisk.doubleValue();
    }

    /** The rule between the two thresholds: AT_RISK lies between BEHIND and ON_TRACK. */
    public static boolean thresholdsInOrder(double onTrack, double atRisk) {
        return atRisk <= onTrack;
    }

    /** The cumulative target as a fraction: annual target × weights so far, over all the weights. */
    private record Share(BigDecimal dueSoFar, BigDecimal allWeights) {

        BigDecimal target() {
            return dueSoFar.divide(allWeights, PRECISION);
        }

        /** actual / target from the exact fraction, not from a rounded target; null when the target is 0. */
        BigDecimal ratio(long actual) {
            return dueSoFar.signum() == 0 ? null
                    : BigDecimal.valueOf(actual).multiply(allWeights).divide(dueSoFar, PRECISION);
        }
    }

    private static Share share(Target target, int month) {
        // valueOf: the decimal the targets file wrote, not the binary double's expansion
        BigDecimal annual = BigDecimal.valueOf(target.getAnnualTarget());
        List<Double> profile = target.getMonthlyProfile();
        if (profile.isEmpty()) {
            return new Share(annual.multiply(BigDecimal.valueOf(month)), BigDecimal.valueOf(12));
        }
        BigDecimal all = sum(profile);
        if (all.signum() == 0) {
            return new Share(BigDecimal.ZERO, BigDecimal.ONE); // the targets file refuses it; nothing is due
        }
        return new Share(annual.multiply(sum(profile.subList(0, month))), all);
    }

    private static BigDecimal sum(List<Double> weights) {
        BigDecimal total = BigDecimal.ZERO;
        for (double w : weights) {
            total = total.add(BigDecimal.valueOf(w));
        }
        return total;
    }

    /** The cumulative target through {@code month}, to 34 significant digits. */
    public static BigDecimal cumulativeTarget(Target target, int month) {
        return share(target, month).target();
    }

    /** actual / cumulative target, from the target's exact fraction; null when the target is 0. */
    public static BigDecimal ratio(long actual, Target target, int month) {
        return share(target, month).ratio(actual);
    }

    public ProgressStatus status(BigDecimal ratio) {
        if (ratio == null || ratio.compareTo(onTrack) >= 0) {
            return ProgressStatus.ON_TRACK;
        }
        return ratio.compareTo(atRisk) >= 0 ? ProgressStatus.AT_RISK : ProgressStatus.BEHIND;
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
        Share share = share(target, month);
        BigDecimal ratio = share.ratio(actual);
        return Progress.newBuilder()
                .setRegion(target.getRegion())
                .setYear(target.getYear())
                .setMonth(month)
                .setObjective(target.getObjective())
                .setActualCumulative(actual)
                .setTargetCumulative(share.target().doubleValue())
                .setRatio(ratio == null ? null : ratio.doubleValue())
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

    /**
     * The progress rows of one region and year: each of its targets (one per objective) against the
     * region and year's actuals. What the progress stage publishes whenever either side changes.
     */
    public List<Progress> rowsOf(List<Target> targets, MonthlyActuals actuals, LocalDate asOf) {
        List<Progress> rows = new ArrayList<>();
        for (Target target : targets) {
            rows.addAll(progress(target, actuals, asOf));
        }
        return rows;
    }

    /**
     * Every progress row of {@code targets} against the aggregate rows: the actuals and the targets gathered
     * per region and year as the progress stage gathers them, then {@link #rowsOf(List, MonthlyActuals,
     * LocalDate)} for each, so the exports and the running pipeline give the same rows.
     */
    public List<Progress> rowsOf(Map<AggregateKey, Long> aggregates, Collection<Target> targets, LocalDate asOf) {
        Map<RegionYearKey, MonthlyActuals> actuals = MonthlyActualsMath.perRegionYear(aggregates);
        List<Progress> rows = new ArrayList<>();
        RegionYearTargetsMath.perRegionYear(targets).forEach((regionYear, ofRegionYear) -> rows.addAll(
                rowsOf(ofRegionYear, actuals.getOrDefault(regionYear, MonthlyActualsMath.none()), asOf)));
        return rows;
    }

    /** A month stays provisional until the end of the second following month (rétro-saisie). */
    public static boolean provisional(YearMonth month, LocalDate asOf) {
        return !asOf.isAfter(month.plusMonths(2).atEndOfMonth());
    }

    /**
     * The latest closed month at {@code asOf}: the month before the as-of month. The month alerts compare
     * (SPEC §5), which the dashboard and the gauges show as "the month just ended"; still provisional.
     */
    public static YearMonth latestClosedMonth(LocalDate asOf) {
        return YearMonth.from(asOf).minusMonths(1);
    }

    /** The latest month no longer {@link #provisional} at {@code asOf}: the last settled month. */
    public static YearMonth latestSettledMonth(LocalDate asOf) {
        YearMonth month = latestClosedMonth(asOf);
        while (provisional(month, asOf)) {
            month = month.minusMonths(1);
        }
        return month;
    }
}
