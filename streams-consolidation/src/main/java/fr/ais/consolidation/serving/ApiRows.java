package fr.ais.consolidation.serving;

import fr.ais.consolidation.export.Exports;
import fr.ais.consolidation.serving.FigureQueries.AggregateRow;
import fr.ais.consolidation.serving.FigureQueries.DeadLetterCount;
import fr.ais.consolidation.serving.FigureQueries.ProgressRow;
import fr.ais.consolidation.serving.FigureQueries.QualityRow;
import fr.ais.consolidation.serving.FigureQueries.TargetRow;
import fr.ais.consolidation.serving.FollowedTopics.AlertEvent;
import fr.ais.schemas.AgeBand;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of the public API in the language of the exports (SPEC §6): age bands {@code 16_25}, sources
 * {@code imilo}, months {@code yyyy-MM}, decimals as strings rounded as the exports round them (targets
 * to 2 places, ratios to 4), zero rows left out, rows sorted by their keys. The {@code /internal}
 * endpoints the instances fan out to keep the typed rows of {@link FigureQueries}.
 */
final class ApiRows {

    private ApiRows() {
    }

    record Aggregate(String region, String month, String network, String ageBand, long prescriptions) {
    }

    record Progress(String region, int year, String month, String objective, long actualCumulative,
            String targetCumulative, String ratio, String status, boolean provisional) {
    }

    record Quality(String region, String month, long prescriptions, long pePrescriberNotFilled,
            long attributionInferred, long attributionConflict, long unattributed, long mlAgeOutOfScope) {
    }

    record Rejected(String source, String reason, long count) {
    }

    record TargetLine(String region, int year, String objective, String annualTarget, List<String> monthlyProfile) {
    }

    /**
     * @param open      whether it is the latest alert of its region and objective and was RAISED
     * @param emittedAt when, ISO-8601 UTC
     */
    record AlertLine(String region, String objective, String month, String kind, String previousStatus,
            String status, long actualCumulative, String targetCumulative, String ratio, boolean open,
            String emittedAt) {
    }

    static List<Aggregate> aggregates(List<AggregateRow> rows) {
        return rows.stream().filter(a -> a.prescriptions() != 0)
                .map(a -> new Aggregate(a.region(), a.month(), a.network(),
                        Exports.ageBand(AgeBand.valueOf(a.ageBand())), a.prescriptions()))
                .sorted(Comparator.comparing(Aggregate::region).thenComparing(Aggregate::month)
                        .thenComparing(Aggregate::network).thenComparing(Aggregate::ageBand))
                .toList();
    }

    /** Every row, zero actuals included, as progress.csv has them. */
    static List<Progress> progress(List<ProgressRow> rows) {
        return rows.stream()
                .map(p -> new Progress(p.region(), p.year(), YearMonth.of(p.year(), p.month()).toString(),
                        p.objective(), p.actualCumulative(), Exports.decimal(p.targetCumulative(), 2),
                        p.ratio() == null ? null : Exports.decimal(p.ratio(), 4), p.status(), p.provisional()))
                .sorted(Comparator.comparing(Progress::region).thenComparing(Progress::year)
                        .thenComparing(Progress::month).thenComparing(Progress::objective))
                .toList();
    }

    /** A row all of whose counts are 0 is left out. */
    static List<Quality> quality(List<QualityRow> rows) {
        return rows.stream()
                .filter(q -> q.prescriptions() + q.pePrescriberNotFilled() + q.attributionInferred()
                        + q.attributionConflict() + q.unattributed() + q.mlAgeOutOfScope() != 0)
                .map(q -> new Quality(q.region(), q.month(), q.prescriptions(), q.pePrescriberNotFilled(),
                        q.attributionInferred(), q.attributionConflict(), q.unattributed(), q.mlAgeOutOfScope()))
                .sorted(Comparator.comparing(Quality::region).thenComparing(Quality::month))
                .toList();
    }

    static List<Rejected> rejected(List<DeadLetterCount> rows) {
        return rows.stream().filter(d -> d.count() != 0)
                .map(d -> new Rejected(d.source().toLowerCase(Locale.ROOT), d.reason(), d.count()))
                .sorted(Comparator.comparing(Rejected::source).thenComparing(Rejected::reason))
                .toList();
    }

    /** A prescription with its sources and age band spelled as the exports spell them. */
    static FigureQueries.PrescriptionView prescription(FigureQueries.PrescriptionView p) {
        return new FigureQueries.PrescriptionView(p.groupId(), p.sessionNumber(), p.entryDate(), p.month(),
                p.ageAtEntry(), Exports.ageBand(AgeBand.valueOf(p.ageBand())), p.network(), p.region(), p.flags(),
                p.representatives().stream().map(r -> new FigureQueries.Representative(
                        r.source().toLowerCase(Locale.ROOT), r.sourceKey(), r.declaredNetwork(), r.region())).toList(),
                p.members().stream().map(m -> new FigureQueries.Member(m.source().toLowerCase(Locale.ROOT),
                        m.sourceKey(), m.live())).toList());
    }

    static List<TargetLine> targets(List<TargetRow> rows) {
        return rows.stream()
                .map(t -> new TargetLine(t.region(), t.year(), t.objective(), Exports.decimal(t.annualTarget(), 2),
                        t.monthlyProfile().stream().map(w -> Exports.decimal(w, 4)).toList()))
                .sorted(Comparator.comparing(TargetLine::region).thenComparing(TargetLine::year)
                        .thenComparing(TargetLine::objective))
                .toList();
    }

    /** The alerts of a region and/or objective (null: any), only the open ones when {@code openOnly}. */
    static List<AlertLine> alerts(List<AlertEvent> events, String region, String objective, boolean openOnly) {
        Map<String, AlertEvent> latest = new HashMap<>();
        events.forEach(e -> latest.put(e.region() + "|" + e.objective(), e));
        return events.stream()
                .filter(e -> (region == null || region.equals(e.region()))
                        && (objective == null || objective.equals(e.objective())))
                .map(e -> new AlertLine(e.region(), e.objective(), YearMonth.of(e.year(), e.month()).toString(),
                        e.kind(), e.previousStatus(), e.status(), e.actualCumulative(),
                        Exports.decimal(e.targetCumulative(), 2), e.ratio() == null ? null : Exports.decimal(e.ratio(), 4),
                        "RAISED".equals(e.kind()) && latest.get(e.region() + "|" + e.objective()) == e,
                        Instant.ofEpochMilli(e.emittedAt()).toString()))
                .filter(a -> !openOnly || a.open())
                // stable: each key's alerts stay in the order they were emitted
                .sorted(Comparator.comparing(AlertLine::region).thenComparing(AlertLine::objective))
                .toList();
    }
}
