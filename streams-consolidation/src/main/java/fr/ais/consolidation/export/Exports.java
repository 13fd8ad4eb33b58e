package fr.ais.consolidation.export;

import fr.ais.consolidation.progress.ProgressCalculator;
import fr.ais.schemas.AgeBand;
import fr.ais.schemas.AggregateKey;
import fr.ais.schemas.Network;
import fr.ais.schemas.Progress;
import fr.ais.schemas.QualityCounts;
import fr.ais.schemas.QualityKey;
import fr.ais.schemas.RejectReason;
import fr.ais.schemas.Source;
import fr.ais.schemas.Target;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The four exports of SPEC §6, the contract with reporting tools: {@code ;}-separated, one header,
 * LF line ends, UTF-8, rows sorted by their key columns as written, months as {@code yyyy-MM},
 * decimals with a dot. Pure functions of the pipeline's tables, so they are tested byte for byte.
 */
public final class Exports {

    public static final String AGGREGATES_HEADER = "region;month;network;age_band;prescriptions";
    public static final String PROGRESS_HEADER =
            "region;year;month;objective;actual_cumulative;target_cumulative;ratio;status;provisional";
    public static final String QUALITY_HEADER =
            "region;month;pe_prescriber_not_filled;attribution_inferred;attribution_conflict;unattributed";
    public static final String REJECTED_HEADER = "source;reason;count";

    private Exports() {
    }

    /** The tables the exports are made of. */
    public record Snapshot(Map<AggregateKey, Long> aggregates, Map<QualityKey, QualityCounts> quality,
            Collection<Target> targets, Map<Source, Map<RejectReason, Long>> rejected) {
    }

    /** Writes the four files into {@code dir}. */
    public static void write(Snapshot snapshot, LocalDate asOf, ProgressCalculator calculator, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        writeFile(dir.resolve("aggregates.csv"), AGGREGATES_HEADER, aggregates(snapshot.aggregates()));
        writeFile(dir.resolve("progress.csv"), PROGRESS_HEADER,
                progress(snapshot.aggregates(), snapshot.targets(), asOf, calculator));
        writeFile(dir.resolve("quality.csv"), QUALITY_HEADER, quality(snapshot.quality()));
        writeFile(dir.resolve("rejected.csv"), REJECTED_HEADER, rejected(snapshot.rejected()));
    }

    /** Aggregates rows; zero rows left out. */
    public static List<String> aggregates(Map<AggregateKey, Long> aggregates) {
        List<String> rows = new ArrayList<>();
        aggregates.forEach((k, n) -> {
            if (n > 0) {
                rows.add(String.join(";", k.getRegion(), k.getMonth(), network(k.getNetwork()),
                        ageBand(k.getAgeBand()), Long.toString(n)));
            }
        });
        return sorted(rows, 4);
    }

    /** Quality rows; a region and month with none of the four flags is a zero row, left out. */
    public static List<String> quality(Map<QualityKey, QualityCounts> quality) {
        List<String> rows = new ArrayList<>();
        quality.forEach((k, c) -> {
            if (c.getPePrescriberNotFilled() + c.getAttributionInferred() + c.getAttributionConflict()
                    + c.getUnattributed() > 0) {
                rows.add(String.join(";", k.getRegion(), k.getMonth(), Long.toString(c.getPePrescriberNotFilled()),
                        Long.toString(c.getAttributionInferred()), Long.toString(c.getAttributionConflict()),
                        Long.toString(c.getUnattributed())));
            }
        });
        return sorted(rows, 2);
    }

    /** Dead letters per source and reason. */
    public static List<String> rejected(Map<Source, Map<RejectReason, Long>> rejected) {
        List<String> rows = new ArrayList<>();
        rejected.forEach((source, byReason) -> byReason.forEach((reason, n) -> {
            if (n > 0) {
                rows.add(source.name().toLowerCase(Locale.ROOT) + ";" + reason.name() + ";" + n);
            }
        }));
        return sorted(rows, 2);
    }

    /**
     * One row per target line and month: January to the as-of month for the as-of year, all twelve
     * months for earlier years, none for later years; zero actuals included. The rows of the running
     * pipeline's progress stage, by the same computation ({@link ProgressCalculator#rowsOf(Map, Collection,
     * LocalDate)}).
     */
    public static List<String> progress(Map<AggregateKey, Long> aggregates, Collection<Target> targets,
            LocalDate asOf, ProgressCalculator calculator) {
        return progressRows(calculator.rowsOf(aggregates, targets, asOf));
    }

    /**
     * Progress rows as written in progress.csv: the SPEC §6 columns in their order, then {@code provisional}
     * ({@code true} until the end of the second following month), last so that readers by position keep working.
     */
    public static List<String> progressRows(Collection<Progress> progress) {
        List<String> rows = new ArrayList<>();
        for (Progress p : progress) {
            rows.add(String.join(";", p.getRegion(), Integer.toString(p.getYear()),
                    YearMonth.of(p.getYear(), p.getMonth()).toString(), p.getObjective().name(),
                    Long.toString(p.getActualCumulative()), decimal(p.getTargetCumulative(), 2),
                    p.getRatio() == null ? "" : decimal(p.getRatio(), 4), p.getStatus().name(),
                    Boolean.toString(p.getProvisional())));
        }
        return sorted(rows, 4);
    }

    /** Age bands as the SPEC writes them. */
    public static String ageBand(AgeBand band) {
        return switch (band) {
            case UNDER_16 -> "UNDER_16";
            case AGE_16_25 -> "16_25";
            case AGE_26_29 -> "26_29";
            case AGE_30_PLUS -> "30_PLUS";
        };
    }

    static String network(Network network) {
        return network.name();
    }

    /** A decimal as the exports write it: rounded half up to {@code scale} places, a dot, no exponent. */
    public static String decimal(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    /** Sorted by the first {@code keyColumns} columns, each compared as written. */
    private static List<String> sorted(List<String> rows, int keyColumns) {
        rows.sort((a, b) -> {
            String[] x = a.split(";", -1);
            String[] y = b.split(";", -1);
            for (int i = 0; i < keyColumns; i++) {
                int c = x[i].compareTo(y[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        return rows;
    }

    private static void writeFile(Path file, String header, List<String> rows) throws IOException {
        StringBuilder out = new StringBuilder(header).append('\n');
        rows.forEach(r -> out.append(r).append('\n'));
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    }
}
