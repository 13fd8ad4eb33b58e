package fr.ais.consolidation.progress;

import fr.ais.schemas.Network;
import fr.ais.schemas.Source;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * The completion estimate of provisional months (ML entries are typed up to two months late). For each
 * source, the lag distribution observed on settled months: how many days after the end of its entry month
 * a record was first keyed in (0 when it was there by the month's end). A closed month seen {@code d} days
 * after its end holds the share {@code F(d)} of its records that came within {@code d} days; its completed
 * figure is {@code observed / F(d)}. Each network's entries are completed with the lags of the source that
 * records that network (ML: I-Milo, OTHER: OuiForm, PE and UNKNOWN: the PE export, whose empty prescriber
 * type makes UNKNOWN).
 *
 * <p>Only the latest twelve settled months are read, so that the distribution follows how sources work now.
 * Alerts never use it: they compare the observed figures (SPEC §5).
 */
public final class LateEntries {

    /** How many settled months the distribution is read from. */
    public static final int SETTLED_MONTHS_READ = 12;
    private static final MathContext PRECISION = MathContext.DECIMAL128;

    /** A source record: its entry date and the day its first version was keyed in. */
    public record Arrival(Source source, LocalDate entryDate, LocalDate firstKeyedIn) {

        /** Days after the end of the entry month the record was first keyed in; 0 when by the month's end. */
        public long lagDays() {
            return Math.max(0, ChronoUnit.DAYS.between(YearMonth.from(entryDate).atEndOfMonth(), firstKeyedIn));
        }
    }

    /** Sorted lags (days) of the settled records of one source. */
    public record Lags(Source source, long[] sortedDays) {

        public int observations() {
            return sortedDays.length;
        }

        /** Share of the records that came within {@code days} of the end of their month; 1 when none observed. */
        public BigDecimal arrivedWithin(long days) {
            if (sortedDays.length == 0) {
                return BigDecimal.ONE;
            }
            int within = 0;
            while (within < sortedDays.length && sortedDays[within] <= days) {
                within++;
            }
            return BigDecimal.valueOf(within).divide(BigDecimal.valueOf(sortedDays.length), PRECISION);
        }

        /** The lag at or below which {@code share} of the records came (e.g. 0.9: the 90th percentile). */
        public long percentile(double share) {
            if (sortedDays.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(share * sortedDays.length) - 1;
            return sortedDays[Math.max(0, Math.min(sortedDays.length - 1, index))];
        }
    }

    private final LocalDate asOf;
    private final Map<Source, Lags> lags = new EnumMap<>(Source.class);

    private LateEntries(LocalDate asOf, Map<Source, long[]> days) {
        this.asOf = asOf;
        for (Source source : Source.values()) {
            long[] sorted = days.getOrDefault(source, new long[0]).clone();
            Arrays.sort(sorted);
            lags.put(source, new Lags(source, sorted));
        }
    }

    /** The lags of the records of the latest {@value #SETTLED_MONTHS_READ} settled months at {@code asOf}. */
    public static LateEntries observedOn(Collection<Arrival> arrivals, LocalDate asOf) {
        YearMonth newest = ProgressCalculator.latestSettledMonth(asOf);
        YearMonth oldest = newest.minusMonths(SETTLED_MONTHS_READ - 1);
        Map<Source, long[]> days = new EnumMap<>(Source.class);
        Map<Source, Integer> sizes = new EnumMap<>(Source.class);
        for (Arrival a : arrivals) {
            YearMonth month = YearMonth.from(a.entryDate());
            if (!month.isBefore(oldest) && !month.isAfter(newest) && !a.firstKeyedIn().isAfter(asOf)) {
                long[] sofar = days.computeIfAbsent(a.source(), s -> new long[16]);
                int n = sizes.merge(a.source(), 1, Integer::sum);
                if (n > sofar.length) {
                    sofar = Arrays.copyOf(sofar, sofar.length * 2);
                    days.put(a.source(), sofar);
                }
                sofar[n - 1] = a.lagDays();
            }
        }
        days.replaceAll((source, all) -> Arrays.copyOf(all, sizes.get(source)));
        return new LateEntries(asOf, days);
    }

    public LocalDate asOf() {
        return asOf;
    }

    public Lags lags(Source source) {
        return lags.get(source);
    }

    /** The source whose lags complete a network's entries. */
    public static Source recordedBy(Network network) {
        return switch (network) {
            case ML -> Source.IMILO;
            case OTHER -> Source.OUIFORM;
            case PE, UNKNOWN -> Source.PE;
        };
    }

    /** Days from the end of {@code month} to the as-of date; negative for the as-of month or later. */
    public long daysSinceEnd(YearMonth month) {
        return ChronoUnit.DAYS.between(month.atEndOfMonth(), asOf);
    }

    /**
     * The share of {@code network}'s entries of {@code month} expected to be in by the as-of date: 1 for a
     * settled month, {@code F(d)} for a closed provisional one. Not defined for the as-of month (it is not
     * over): null.
     */
    public BigDecimal expectedShareIn(Network network, YearMonth month) {
        long days = daysSinceEnd(month);
        if (days < 0) {
            return null;
        }
        if (!ProgressCalculator.provisional(month, asOf)) {
            return BigDecimal.ONE;
        }
        return lags.get(recordedBy(network)).arrivedWithin(days);
    }

    /** {@code observed / F(d)}: the month's entries once the late ones are in; the observed figure when F is 0. */
    public BigDecimal completed(long observed, Network network, YearMonth month) {
        BigDecimal share = expectedShareIn(network, month);
        if (share == null || share.signum() == 0) {
            return BigDecimal.valueOf(observed);
        }
        return BigDecimal.valueOf(observed).divide(share, PRECISION);
    }
}
