package fr.ais.consolidation.rules;

import fr.ais.schemas.AggregateKey;
import fr.ais.schemas.AggregateValue;
import fr.ais.schemas.ConsolidatedPrescription;
import fr.ais.schemas.QualityCounts;
import fr.ais.schemas.QualityFlag;
import fr.ais.schemas.QualityKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * What a change of a consolidated prescription does to the figures (SPEC §6 aggregates and quality):
 * minus one on the row it leaves, plus one on the row it joins, as a KTable's subtractor and adder
 * would, so a prescription that moves is retracted from its old row.
 */
public final class Deltas {

    /** No prescription, no flag. */
    public static final QualityCounts NO_QUALITY = new QualityCounts(0L, 0L, 0L, 0L, 0L, 0L);

    private Deltas() {
    }

    /** {@code value} to add to the row {@code key}. */
    public record Delta<K, V>(K key, V value) {
    }

    /** The aggregate row of a prescription: region, month, network, age band. */
    public static AggregateKey aggregateKey(ConsolidatedPrescription p) {
        return new AggregateKey(p.getRegion(), p.getMonth(), p.getNetwork(), p.getAgeBand());
    }

    /** -1 on the prescription's old aggregate row, +1 on its new one; nothing when it stays in its row. */
    public static List<Delta<AggregateKey, AggregateValue>> aggregates(GroupChange change) {
        return signed(change, Deltas::aggregateKey, sign -> new AggregateValue((long) sign));
    }

    /** A row's count with a delta added. */
    public static AggregateValue plus(AggregateValue total, AggregateValue delta) {
        return new AggregateValue(total.getPrescriptions() + delta.getPrescriptions());
    }

    /** No prescription: the sum of no aggregate delta. */
    public static final AggregateValue NO_PRESCRIPTION = new AggregateValue(0L);

    /** A delta's opposite. */
    public static AggregateValue negate(AggregateValue delta) {
        return new AggregateValue(-delta.getPrescriptions());
    }

    /** A delta's opposite. */
    public static QualityCounts negate(QualityCounts delta) {
        return new QualityCounts(-delta.getPrescriptions(), -delta.getPePrescriberNotFilled(),
                -delta.getAttributionInferred(), -delta.getAttributionConflict(), -delta.getUnattributed(),
                -delta.getMlAgeOutOfScope());
    }

    /** -1 on the old key and +1 on the new one, nothing when both are the same key. */
    static <K, V> List<Delta<K, V>> signed(GroupChange change, Function<ConsolidatedPrescription, K> key,
            IntFunction<V> delta) {
        K before = change.before() == null ? null : key.apply(change.before());
        K after = change.after() == null ? null : key.apply(change.after());
        if (Objects.equals(before, after)) {
            return List.of();
        }
        List<Delta<K, V>> deltas = new ArrayList<>(2);
        if (before != null) {
            deltas.add(new Delta<>(before, delta.apply(-1)));
        }
        if (after != null) {
            deltas.add(new Delta<>(after, delta.apply(1)));
        }
        return deltas;
    }

    /** The old prescription's flags retracted from its region and month, the new one's added to its own. */
    public static List<Delta<QualityKey, QualityCounts>> quality(GroupChange change) {
        Map<QualityKey, QualityCounts> deltas = new LinkedHashMap<>();
        if (change.before() != null) {
            deltas.merge(qualityKey(change.before()), addFlags(NO_QUALITY, change.before(), -1), Deltas::plus);
        }
        if (change.after() != null) {
            deltas.merge(qualityKey(change.after()), addFlags(NO_QUALITY, change.after(), 1), Deltas::plus);
        }
        List<Delta<QualityKey, QualityCounts>> result = new ArrayList<>();
        deltas.forEach((k, d) -> {
            if (!d.equals(NO_QUALITY)) {
                result.add(new Delta<>(k, d));
            }
        });
        return result;
    }

    private static QualityKey qualityKey(ConsolidatedPrescription p) {
        return new QualityKey(p.getRegion(), p.getMonth());
    }

    /** Flag counts added up. */
    public static QualityCounts plus(QualityCounts a, QualityCounts b) {
        return new QualityCounts(
                a.getPrescriptions() + b.getPrescriptions(),
                a.getPePrescriberNotFilled() + b.getPePrescriberNotFilled(),
                a.getAttributionInferred() + b.getAttributionInferred(),
                a.getAttributionConflict() + b.getAttributionConflict(),
                a.getUnattributed() + b.getUnattributed(),
                a.getMlAgeOutOfScope() + b.getMlAgeOutOfScope());
    }

    static QualityCounts addFlags(QualityCounts counts, ConsolidatedPrescription p, int sign) {
        List<QualityFlag> flags = p.getFlags();
        return new QualityCounts(
                counts.getPrescriptions() + sign,
                counts.getPePrescriberNotFilled() + (flags.contains(QualityFlag.PE_PRESCRIBER_NOT_FILLED) ? sign : 0),
                counts.getAttributionInferred() + (flags.contains(QualityFlag.ATTRIBUTION_INFERRED) ? sign : 0),
                counts.getAttributionConflict() + (flags.contains(QualityFlag.ATTRIBUTION_CONFLICT) ? sign : 0),
                counts.getUnattributed() + (flags.contains(QualityFlag.UNATTRIBUTED) ? sign : 0),
                counts.getMlAgeOutOfScope() + (flags.contains(QualityFlag.ML_AGE_OUT_OF_SCOPE) ? sign : 0));
    }
}
