package fr.ais.consolidation.export;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.consolidation.progress.ProgressCalculator;
import fr.ais.schemas.AgeBand;
import fr.ais.schemas.AggregateKey;
import fr.ais.schemas.Network;
import fr.ais.schemas.Objective;
import fr.ais.schemas.QualityCounts;
import fr.ais.schemas.QualityKey;
import fr.ais.schemas.RejectReason;
import fr.ais.schemas.Source;
import fr.ais.schemas.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §6 exports, byte for byte on a small fixture. */
class ExportsTest {

    @TempDir
    Path dir;

    @Test
    void the_four_exports_are_written_exactly_in_the_contract_format() throws Exception {
        Map<AggregateKey, Long> aggregates = new LinkedHashMap<>();
        aggregates.put(new AggregateKey("52", "2021-02", Network.PE, AgeBand.AGE_16_25), 2L);
        aggregates.put(new AggregateKey("11", "2021-01", Network.UNKNOWN, AgeBand.AGE_30_PLUS), 1L);
        aggregates.put(new AggregateKey("52", "2021-01", Network.ML, AgeBand.AGE_16_25), 3L);
        aggregates.put(new AggregateKey("52", "2021-01", Network.ML, AgeBand.AGE_26_29), 1L);
        aggregates.put(new AggregateKey("52", "2021-01", Network.ML, AgeBand.UNDER_16), 0L);
        Map<QualityKey, QualityCounts> quality = new LinkedHashMap<>();
        quality.put(new QualityKey("52", "2021-01"), new QualityCounts(4L, 1L, 1L, 0L, 0L, 1L));
        quality.put(new QualityKey("11", "2021-01"), new QualityCounts(1L, 1L, 0L, 0L, 1L, 0L));
        quality.put(new QualityKey("52", "2021-02"), new QualityCounts(2L, 0L, 0L, 0L, 0L, 0L));
        List<Target> targets = List.of(
                new Target(2021, "52", Objective.ML, 36.0, List.of()),
                new Target(2021, "52", Objective.GLOBAL, 100.0,
                        List.of(0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0)),
                new Target(2022, "52", Objective.PE, 10.0, List.of()));
        Map<Source, Map<RejectReason, Long>> rejected = Map.of(
                Source.PE, Map.of(RejectReason.BAD_DATE, 2L),
                Source.IMILO, Map.of(RejectReason.MISSING_FIELD, 1L));

        Exports.write(new Exports.Snapshot(aggregates, quality, targets, rejected), LocalDate.of(2021, 2, 15),
                new ProgressCalculator(1.0, 0.9), dir);

        assertThat(read("aggregates.csv")).isEqualTo("""
                region;month;network;age_band;prescriptions
                11;2021-01;UNKNOWN;30_PLUS;1
                52;2021-01;ML;16_25;3
                52;2021-01;ML;26_29;1
                52;2021-02;PE;16_25;2
                """);
        assertThat(read("progress.csv")).isEqualTo("""
                region;year;month;objective;actual_cumulative;target_cumulative;ratio;status;provisional
                52;2021;2021-01;GLOBAL;4;0.00;;ON_TRACK;true
                52;2021;2021-01;ML;3;3.00;1.0000;ON_TRACK;true
                52;2021;2021-02;GLOBAL;6;9.09;0.6600;BEHIND;true
                52;2021;2021-02;ML;3;6.00;0.5000;BEHIND;true
                """);
        assertThat(read("quality.csv")).isEqualTo("""
                region;month;pe_prescriber_not_filled;attribution_inferred;attribution_conflict;unattributed
                11;2021-01;1;0;0;1
                52;2021-01;1;1;0;0
                """);
        assertThat(read("rejected.csv")).isEqualTo("""
                source;reason;count
                imilo;MISSING_FIELD;1
                pe;BAD_DATE;2
                """);
    }

    @Test
    void a_ratio_is_rounded_half_up_from_its_exact_value() throws Exception {
        // 51 entries against 64 × 10/12: exactly 0.95625, which doubles compute as 0.9562499999999999
        Map<AggregateKey, Long> aggregates = Map.of(
                new AggregateKey("84", "2021-10", Network.ML, AgeBand.AGE_16_25), 51L);
        List<Target> targets = List.of(new Target(2021, "84", Objective.ML, 64.0, List.of()));

        Exports.write(new Exports.Snapshot(aggregates, Map.of(), targets, Map.of()), LocalDate.of(2021, 10, 31),
                new ProgressCalculator(1.0, 0.9), dir);

        assertThat(read("progress.csv")).contains("84;2021;2021-10;ML;51;53.33;0.9563;AT_RISK;true\n");
    }

    @Test
    void progress_csv_keeps_the_spec_columns_in_order_and_ends_with_provisional_true_until_the_end_of_the_second_following_month()
            throws Exception {
        Map<AggregateKey, Long> aggregates = Map.of(new AggregateKey("84", "2021-01", Network.ML, AgeBand.AGE_16_25), 3L);
        List<Target> targets = List.of(new Target(2021, "84", Objective.ML, 12.0, List.of()));

        // on 1 April: January settled (its window closed on 31 March), February and March provisional
        Exports.write(new Exports.Snapshot(aggregates, Map.of(), targets, Map.of()), LocalDate.of(2021, 4, 1),
                new ProgressCalculator(1.0, 0.9), dir);

        assertThat(read("progress.csv")).isEqualTo("""
                region;year;month;objective;actual_cumulative;target_cumulative;ratio;status;provisional
                84;2021;2021-01;ML;3;1.00;3.0000;ON_TRACK;false
                84;2021;2021-02;ML;3;2.00;1.5000;ON_TRACK;true
                84;2021;2021-03;ML;3;3.00;1.0000;ON_TRACK;true
                84;2021;2021-04;ML;3;4.00;0.7500;BEHIND;true
                """);
        assertThat(Exports.PROGRESS_HEADER).startsWith("region;year;month;objective;actual_cumulative;target_cumulative;ratio;status;");
    }

    private String read(String file) throws Exception {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }
}
