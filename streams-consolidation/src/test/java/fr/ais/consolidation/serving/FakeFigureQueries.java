package fr.ais.consolidation.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pipeline figures held in memory, filtered like the real stores, with a known data set: the
 * server and the dashboard are tested against numbers chosen in advance.
 */
final class FakeFigureQueries implements FigureQueries {

    final List<AggregateRow> aggregates = new ArrayList<>();
    final List<ProgressRow> progress = new ArrayList<>();
    final List<QualityRow> quality = new ArrayList<>();
    final List<TargetRow> targets = new ArrayList<>();
    final List<EntryRow> entries = new ArrayList<>();
    final List<PrescriptionView> prescriptions = new ArrayList<>();
    final List<DeadLetterCount> deadLetters = new ArrayList<>();
    final List<AlertCount> alerts = new ArrayList<>();
    volatile Readiness readiness = new Readiness("RUNNING", true);
    volatile RuntimeException failure;
    FigureQueries local = this;

    /**
     * 2021, through March. Auvergne-Rhône-Alpes (84): GLOBAL at risk (950 / 1000), PE on track
     * (1200 / 1000), ML behind (400 / 800), March provisional. Île-de-France (11): on track, ML
     * without a target (ratio null). Other regions: no figures. 2020 rows to show the year filter works.
     */
    static FakeFigureQueries knownFigures() {
        FakeFigureQueries f = new FakeFigureQueries();
        f.progress.add(new ProgressRow("84", 2021, 1, "GLOBAL", 300, 333.3333, 0.9, "AT_RISK", false));
        f.progress.add(new ProgressRow("84", 2021, 2, "GLOBAL", 640, 666.6667, 0.96, "AT_RISK", true));
        f.progress.add(new ProgressRow("84", 2021, 3, "GLOBAL", 950, 1000.0, 0.95, "AT_RISK", true));
        f.progress.add(new ProgressRow("84", 2021, 3, "PE", 1200, 1000.0, 1.2, "ON_TRACK", true));
        f.progress.add(new ProgressRow("84", 2021, 3, "ML", 400, 800.0, 0.5, "BEHIND", true));
        f.progress.add(new ProgressRow("11", 2021, 3, "GLOBAL", 3000, 2900.0, 3000 / 2900.0, "ON_TRACK", false));
        f.progress.add(new ProgressRow("11", 2021, 3, "PE", 2000, 1900.0, 2000 / 1900.0, "ON_TRACK", false));
        f.progress.add(new ProgressRow("11", 2021, 3, "ML", 0, 0.0, null, "ON_TRACK", false));
        f.progress.add(new ProgressRow("84", 2020, 12, "GLOBAL", 5000, 4000.0, 1.25, "ON_TRACK", false));

        f.aggregates.add(new AggregateRow("84", "2021-01", "PE", "AGE_16_25", 500));
        f.aggregates.add(new AggregateRow("84", "2021-03", "PE", "AGE_26_29", 200));
        f.aggregates.add(new AggregateRow("84", "2021-02", "ML", "AGE_16_25", 400));
        f.aggregates.add(new AggregateRow("84", "2021-03", "OTHER", "AGE_16_25", 50));
        f.aggregates.add(new AggregateRow("84", "2021-03", "UNKNOWN", "AGE_30_PLUS", 50));
        f.aggregates.add(new AggregateRow("11", "2021-03", "PE", "AGE_16_25", 3000));
        f.aggregates.add(new AggregateRow("84", "2020-12", "ML", "AGE_16_25", 9999));

        f.quality.add(new QualityRow("84", "2021-01", 500, 100, 80, 5, 0, 0));
        f.quality.add(new QualityRow("84", "2021-03", 700, 200, 120, 10, 50, 3));
        f.quality.add(new QualityRow("11", "2021-03", 3000, 0, 0, 0, 0, 0));

        f.prescriptions.add(new PrescriptionView("g-1", "S2021-001", "2021-03-15", "2021-03", 19, "AGE_16_25",
                "ML", "84", List.of("PE_PRESCRIBER_NOT_FILLED", "ATTRIBUTION_INFERRED"),
                List.of(new Representative("PE", "AIS-1", null, "84"), new Representative("IMILO", "M-1", "ML", "84")),
                List.of(new Member("PE", "AIS-1", true), new Member("IMILO", "M-1", true))));

        f.deadLetters.add(new DeadLetterCount("PE", "BAD_DATE", 7));
        f.deadLetters.add(new DeadLetterCount("IMILO", "MISSING_FIELD", 3));
        return f;
    }

    private void failIfAsked() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public List<AggregateRow> aggregates(String region, String month) {
        failIfAsked();
        return aggregates.stream().filter(a -> (region == null || region.equals(a.region()))
                && (month == null || month.equals(a.month()))).toList();
    }

    @Override
    public List<ProgressRow> progress(String region, Integer year) {
        failIfAsked();
        return progress.stream().filter(p -> (region == null || region.equals(p.region()))
                && (year == null || year == p.year())).toList();
    }

    @Override
    public List<TargetRow> targets(String region, Integer year) {
        failIfAsked();
        return targets.stream().filter(t -> (region == null || region.equals(t.region()))
                && (year == null || year == t.year())).toList();
    }

    @Override
    public List<EntryRow> entries(String fromMonth, String toMonth) {
        failIfAsked();
        return entries.stream().filter(e -> e.entryDate().substring(0, 7).compareTo(fromMonth) >= 0
                && e.entryDate().substring(0, 7).compareTo(toMonth) <= 0).toList();
    }

    @Override
    public List<QualityRow> quality(String region, String month) {
        failIfAsked();
        return quality.stream().filter(q -> (region == null || region.equals(q.region()))
                && (month == null || month.equals(q.month()))).toList();
    }

    @Override
    public Optional<PrescriptionView> prescription(String groupId) {
        failIfAsked();
        return prescriptions.stream().filter(p -> p.groupId().equals(groupId)).findFirst();
    }

    @Override
    public List<DeadLetterCount> deadLetterCounts() {
        failIfAsked();
        return deadLetters;
    }

    @Override
    public List<AlertCount> alertCounts() {
        failIfAsked();
        return alerts;
    }

    @Override
    public Readiness readiness() {
        return readiness;
    }

    @Override
    public FigureQueries localOnly() {
        return local;
    }
}
