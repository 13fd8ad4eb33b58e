package fr.ais.consolidation.progress;

import fr.ais.schemas.Network;
import fr.ais.schemas.Source;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The completion estimate of provisional months (ML entries are typed up to two months late). The lag of a
 * record is how many days after the end of its entry month it was first keyed in (0 when it was there by the
 * month's end); the lag of a consolidated entry is that of its earliest record, since it counts from then on.
 * On the settled months, the lags are observed per source (what each source's typing looks like) and per
 * network of the consolidated entries (what the figures feel). A closed month seen {@code d} days after its
 * end holds the share {@code F(d)} of its network's entries that came within {@code d} days; its completed
 * figure is {@code observed / F(d)}.
 *
 * <p>Per network rather than per source: an ML entry typed late in I-Milo often counts already through its
 * Pôle emploi or OuiForm record, so the I-Milo record lags overstate how late the ML figures are (on the
 * generated year they would complete October's 140 ML entries to 158 where 143 came in the end).
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

    /** A consolidated entry: its network, its entry date and the day its earliest record was first keyed in. */
    public record Entry(Network network, LocalDate entryDate, LocalDate firstKeyedIn) {

        public long lagDays() {
            return new Arrival(Source.PE, entryDate, firstKeyedIn).lagDays();
        }
    }

    /** Sorted lags (days) of the settled records of one source or the settled entries of one network. */
    public record Lags(String of, long[] sortedDays) {

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
    private final Map<Source, Lags> bySource = new EnumMap<>(Source.class);
    private final Map<Network, Lags> byNetwork = new EnumMap<>(Network.class);

    private LateEntries(LocalDate asOf, Map<Source, long[]> sourceDays, Map<Network, long[]> networkDays) {
        this.asOf = asOf;
        for (Source source : Source.values()) {
            bySource.put(source, new Lags(source.name(), sorted(sourceDays.get(source))));
        }
        for (Network network : Network.values()) {
            byNetwork.put(network, new Lags(network.name(), sorted(networkDays.get(network))));
        }
    }

    private static long[] sorted(long[] days) {
        long[] copy = days == null ? new long[0] : days.clone();
        Arrays.sort(copy);
        return copy;
    }

    /**
     * The lags of the records and of the consolidated entries of the latest {@value #SETTLED_MONTHS_READ}
     * settled months at {@code asOf}.
     */
    public static LateEntries observedOn(Collection<Arrival> records, Collection<Entry> entries, LocalDate asOf) {
        YearMonth newest = ProgressCalculator.latestSettledMonth(asOf);
        YearMonth oldest = newest.minusMonths(SETTLED_MONTHS_READ - 1);
        Map<Source, List<Long>> sourceDays = new EnumMap<>(Source.class);
        for (Arrival a : records) {
            if (read(a.entryDate(), a.firstKeyedIn(), oldest, newest, asOf)) {
                sourceDays.computeIfAbsent(a.source(), s -> new ArrayList<>()).add(a.lagDays());
            }
        }
        Map<Network, List<Long>> networkDays = new EnumMap<>(Network.class);
        for (Entry e : entries) {
            if (read(e.entryDate(), e.firstKeyedIn(), oldest, newest, asOf)) {
                networkDays.computeIfAbsent(e.network(), n -> new ArrayList<>()).add(e.lagDays());
            }
        }
        return new LateEntries(asOf, toArrays(sourceDays), toArrays(networkDays));
    }

    private static boolean read(LocalDate entry, LocalDate keyed, YearMonth oldest, YearMonth newest, LocalDate asOf) {
        YearMonth month = YearMonth.from(entry);
        return !month.isBefore(oldest) && !month.isAfter(newest) && !keyed.isAfter(asOf);
    }

    private static <K> Map<K, long[]> toArrays(Map<K, List<Long>> lists) {
        Map<K, long[]> arrays = new HashMap<>();
        lists.forEach((k, days) -> arrays.put(k, days.stream().mapToLong(Long::longValue).toArray()));
        return arrays;
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** The lags of a source's records (what its typing looks like). */
    public Lags lags(Source source) {
        return bySource.get(source);
    }

    /** The lags of a network's consolidated entries (what completes its figures). */
    public Lags lags(Network network) {
        return byNetwork.get(network);
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
        return byNetwork.get(network).arrivedWithin(days);
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
