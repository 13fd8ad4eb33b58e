package fr.ais.consolidation.serving;

import fr.ais.consolidation.export.Exports;
import fr.ais.consolidation.progress.LateEntries;
import fr.ais.consolidation.progress.MonthlyActualsMath;
import fr.ais.consolidation.progress.ProgressCalculator;
import fr.ais.consolidation.progress.YearEndProjection;
import fr.ais.consolidation.serving.FigureQueries.AggregateRow;
import fr.ais.consolidation.serving.FigureQueries.ProgressRow;
import fr.ais.consolidation.serving.FigureQueries.TargetRow;
import fr.ais.schemas.AgeBand;
import fr.ais.schemas.Network;
import fr.ais.schemas.Objective;
import fr.ais.schemas.Source;
import fr.ais.schemas.Target;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pilots' view of one year (issue 18): per region and objective, where it stands on the last settled
 * month and on the month just ended (the latest closed month, the one alerts compare), the entries still
 * needed, the annual target and the year-end projection, observed and completed for late entries; per
 * month, for a region, the observed and completed entries; per source, the lags the completion reads.
 * Figures are the progress rows alerts use; decimals are strings rounded as the exports round them
 * (targets and projections to 2 places, ratios to 4).
 */
public final class SteeringView {

    /** Thresholds of the statuses, as the settings give them (the page's legend reads them). */
    public record Thresholds(String onTrack, String atRisk) {
    }

    /** The figures of one progress row. */
    public record MonthFigures(String month, boolean provisional, long actualCumulative, String targetCumulative,
            String ratio, String status, long stillNeeded) {
    }

    public record Projection(String observed, String completed) {
    }

    /**
     * @param stillNeededAnnual entries still needed by the end of the year, from the closed month's actual
     * @param completedCumulative the closed month's cumulative completed for late entries
     */
    public record Row(String region, String objective, String annualTarget, MonthFigures settled,
            MonthFigures closed, String completedCumulative, Long stillNeededAnnual, Projection projection) {
    }

    /** One month of one region and objective: its own entries (not cumulated), observed and completed. */
    public record MonthPoint(String region, String objective, String month, boolean provisional, long observed,
            String completed, String expectedShareIn) {
    }

    /**
     * The lags of one source's records or of one network's consolidated entries (what completes the figures), on
     * the settled months.
     */
    public record Lags(String of, int observations, long medianDays, long ninetiethPercentileDays,
            List<ShareIn> provisionalMonths) {
    }

    /** The share of a month's records expected to be in by the as-of date. */
    public record ShareIn(String month, long daysSinceEnd, String share) {
    }

    public record View(String asOf, int year, String settledMonth, String closedMonth, Thresholds thresholds,
            String method, List<Row> rows, List<MonthPoint> months, List<Lags> sourceLags, List<Lags> networkLags) {
    }

    private SteeringView() {
    }

    /**
     * @param region null: every region, without months; a region: its rows and its months
     */
    public static View of(int year, String region, LocalDate asOf, double onTrack, double atRisk,
            List<ProgressRow> progress, List<TargetRow> targets, List<AggregateRow> aggregates, LateEntries late) {
        int closed = monthOf(year, ProgressCalculator.latestClosedMonth(asOf));
        int settled = monthOf(year, ProgressCalculator.latestSettledMonth(asOf));
        Map<String, ProgressRow> rowsByKey = new HashMap<>();
        for (ProgressRow p : progress) {
            if (p.year() == year && (region == null || region.equals(p.region()))) {
                rowsByKey.put(p.region() + "|" + p.objective() + "|" + p.month(), p);
            }
        }
        // observed entries per region, objective, month and network
        Map<String, long[]> monthly = new HashMap<>();
        for (AggregateRow a : aggregates) {
            YearMonth month = YearMonth.parse(a.month());
            if (month.getYear() != year || (region != null && !region.equals(a.region()))) {
                continue;
            }
            Network network = Network.valueOf(a.network());
            for (Objective objective : Objective.values()) {
                if (MonthlyActualsMath.inScope(objective, network, AgeBand.valueOf(a.ageBand()))) {
                    monthly.computeIfAbsent(a.region() + "|" + objective + "|" + month.getMonthValue(),
                            k -> new long[Network.values().length])[network.ordinal()] += a.prescriptions();
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        List<MonthPoint> months = new ArrayList<>();
        List<TargetRow> ofYear = targets.stream()
                .filter(t -> t.year() == year && (region == null || region.equals(t.region())))
                .sorted(Comparator.comparing(TargetRow::region).thenComparing(TargetRow::objective)).toList();
        for (TargetRow t : ofYear) {
            Target target = new Target(t.year(), t.region(), Objective.valueOf(t.objective()), t.annualTarget(),
                    t.monthlyProfile());
            BigDecimal completedCumulative = BigDecimal.ZERO;
            int lastMonth = Math.max(closed, ProgressCalculator.lastMonth(year, asOf));
            BigDecimal completedThroughClosed = null;
            for (int m = 1; m <= lastMonth; m++) {
                long[] byNetwork = monthly.getOrDefault(t.region() + "|" + t.objective() + "|" + m,
                        new long[Network.values().length]);
                long observed = 0;
                BigDecimal completed = BigDecimal.ZERO;
                YearMonth month = YearMonth.of(year, m);
                for (Network network : Network.values()) {
                    observed += byNetwork[network.ordinal()];
                    completed = completed.add(late.completed(byNetwork[network.ordinal()], network, month));
                }
                completedCumulative = completedCumulative.add(completed);
                if (m == closed) {
                    completedThroughClosed = completedCumulative;
                }
                if (region != null) {
                    BigDecimal share = late.expectedShareIn(dominant(byNetwork), month);
                    months.add(new MonthPoint(t.region(), t.objective(), month.toString(),
                            ProgressCalculator.provisional(month, asOf), observed,
                            m > closed ? null : decimal(completed, 2),
                            share == null ? null : decimal(share, 4)));
                }
            }
            MonthFigures closedFigures = figures(rowsByKey.get(t.region() + "|" + t.objective() + "|" + closed), target);
            MonthFigures settledFigures = figures(rowsByKey.get(t.region() + "|" + t.objective() + "|" + settled), target);
            Long stillNeededAnnual = null;
            Projection projection = null;
            if (closedFigures != null) {
                stillNeededAnnual = stillNeeded(BigDecimal.valueOf(t.annualTarget()), closedFigures.actualCumulative());
                BigDecimal observedEnd = YearEndProjection.yearEnd(BigDecimal.valueOf(closedFigures.actualCumulative()),
                        target, closed);
                BigDecimal completedEnd = YearEndProjection.yearEnd(completedThroughClosed, target, closed);
                projection = new Projection(observedEnd == null ? null : decimal(observedEnd, 2),
                        completedEnd == null ? null : decimal(completedEnd, 2));
            }
            rows.add(new Row(t.region(), t.objective(), Exports.decimal(t.annualTarget(), 2), settledFigures,
                    closedFigures, completedThroughClosed == null ? null : decimal(completedThroughClosed, 2),
                    stillNeededAnnual, projection));
        }
        List<Lags> sourceLags = new ArrayList<>();
        for (Source source : Source.values()) {
            sourceLags.add(lags(source.name().toLowerCase(Locale.ROOT), late.lags(source), late, year, settled, closed));
        }
        List<Lags> networkLags = new ArrayList<>();
        for (Network network : Network.values()) {
            networkLags.add(lags(network.name(), late.lags(network), late, year, settled, closed));
        }
        return new View(asOf.toString(), year, settled == 0 ? null : YearMonth.of(year, settled).toString(),
                closed == 0 ? null : YearMonth.of(year, closed).toString(),
                new Thresholds(Exports.decimal(onTrack, 2), Exports.decimal(atRisk, 2)), YearEndProjection.METHOD_FR,
                rows, months, sourceLags, networkLags);
    }

    private static Lags lags(String of, LateEntries.Lags l, LateEntries late, int year, int settled, int closed) {
        List<ShareIn> shares = new ArrayList<>();
        for (int m = settled + 1; m <= closed; m++) {
            YearMonth month = YearMonth.of(year, m);
            shares.add(new ShareIn(month.toString(), late.daysSinceEnd(month),
                    decimal(l.arrivedWithin(late.daysSinceEnd(month)), 4)));
        }
        return new Lags(of, l.observations(), l.percentile(0.5), l.percentile(0.9), shares);
    }

    /** The month of {@code year} that {@code month} stands for: December for a later year, 0 for an earlier one. */
    private static int monthOf(int year, YearMonth month) {
        return month.getYear() > year ? 12 : month.getYear() == year ? month.getMonthValue() : 0;
    }

    /** The network with the most entries (whose source's lags the month's share shows); PE when none. */
    private static Network dominant(long[] byNetwork) {
        Network best = Network.PE;
        for (Network n : Network.values()) {
            if (byNetwork[n.ordinal()] > byNetwork[best.ordinal()]) {
                best = n;
            }
        }
        return best;
    }

    private static MonthFigures figures(ProgressRow p, Target target) {
        if (p == null) {
            return null;
        }
        return new MonthFigures(YearMonth.of(p.year(), p.month()).toString(), p.provisional(), p.actualCumulative(),
                Exports.decimal(p.targetCumulative(), 2), p.ratio() == null ? null : Exports.decimal(p.ratio(), 4),
                p.status(), stillNeeded(ProgressCalculator.cumulativeTarget(target, p.month()), p.actualCumulative()));
    }

    /** Whole entries still needed to reach {@code target}: 0 once reached. */
    static long stillNeeded(BigDecimal target, long actual) {
        return Math.max(0, target.subtract(BigDecimal.valueOf(actual)).setScale(0, RoundingMode.CEILING).longValueExact());
    }

    private static String decimal(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
}
