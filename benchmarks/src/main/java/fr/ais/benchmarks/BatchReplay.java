package fr.ais.benchmarks;

import fr.ais.consolidation.export.Exports;
import fr.ais.consolidation.progress.ProgressCalculator;
import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.consolidation.rules.ConsolidationRules;
import fr.ais.consolidation.rules.Deltas;
import fr.ais.consolidation.rules.GroupChange;
import fr.ais.consolidation.rules.LatestVersion;
import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.PseudonymKey;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.RecordReader;
import fr.ais.ingest.SourceFormat;
import fr.ais.ingest.targets.TargetsFile;
import fr.ais.schemas.AggregateKey;
import fr.ais.schemas.ConsolidatedPrescription;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.QualityCounts;
import fr.ais.schemas.QualityKey;
import fr.ais.schemas.RejectReason;
import fr.ais.schemas.Source;
import fr.ais.schemas.SourceRecordKey;
import fr.ais.schemas.Target;
import fr.ais.schemas.TargetKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The yardstick of goal 1 of issue 19: SPEC §3 to §6 as a plain single-threaded batch program over the same
 * files as {@code ais replay}, with the same rules (the connectors' formats, {@link LatestVersion},
 * {@link ConsolidationRules}, {@link Deltas}, the progress calculator and {@link Exports}), but in memory, in one
 * pass, without Kafka: read every file, keep each source record's latest version, consolidate each session once,
 * add up, write the four exports. Its exports must be the replay's byte for byte ({@code BatchReplayIT}).
 *
 * <p>Usage: {@code BatchReplay --pe F --imilo F --ouiform F [--targets F] --as-of YYYY-MM-DD --out DIR}.
 */
public final class BatchReplay {

    /** Rejected records and the latest version of each source record, after reading the files. */
    private final Map<SourceRecordKey, PrescriptionEvent> latest = new HashMap<>();
    /** The latest reason per dead-letter key (a line read twice is one rejected record, as on the topic). */
    private final Map<Source, Map<String, RejectReason>> rejectedByDigest = new EnumMap<>(Source.class);
    private long read;

    /** What a run did, and how long each part took. */
    public record Result(long read, long events, long prescriptions, double readSeconds, double consolidateSeconds,
            double seconds) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Map<Source, Path> files = new EnumMap<>(Source.class);
        for (Source source : Source.values()) {
            String file = options.get("--" + source.name().toLowerCase(java.util.Locale.ROOT));
            if (file != null) {
                files.put(source, Path.of(file));
            }
        }
        String targets = options.get("--targets");
        Result r = run(files, targets == null ? null : Path.of(targets), LocalDate.parse(options.get("--as-of")),
                Path.of(options.get("--out")));
        System.out.printf(java.util.Locale.ROOT,
                "batch: %d records read, %d events kept, %d consolidated prescriptions, %.1f s"
                        + " (reading %.1f s, consolidating and exports %.1f s)%n",
                r.read(), r.events(), r.prescriptions(), r.seconds(), r.readSeconds(), r.consolidateSeconds());
    }

    /** The whole batch: reads {@code files} and {@code targets}, writes the four exports into {@code out}. */
    public static Result run(Map<Source, Path> files, Path targets, LocalDate asOf, Path out) throws IOException {
        long started = System.nanoTime();
        BatchReplay batch = new BatchReplay();
        Pseudonymizer pseudonymizer = PseudonymKey.ephemeral();
        for (Map.Entry<Source, Path> file : files.entrySet()) {
            batch.read(SourceFormat.of(file.getKey()), file.getValue(), pseudonymizer);
        }
        long read = System.nanoTime();

        // rules 2 to 8, once per session over its members' latest versions
        Map<String, List<PrescriptionEvent>> sessions = new HashMap<>();
        batch.latest.values().forEach(e -> sessions.computeIfAbsent(e.getSessionNumber(), s -> new ArrayList<>()).add(e));
        Map<AggregateKey, Long> aggregates = new HashMap<>();
        Map<QualityKey, QualityCounts> quality = new HashMap<>();
        long prescriptions = 0;
        for (Map.Entry<String, List<PrescriptionEvent>> session : sessions.entrySet()) {
            for (ConsolidatedPrescription p : ConsolidationRules.consolidate(session.getKey(), session.getValue())) {
                GroupChange added = new GroupChange(null, p);
                Deltas.aggregates(added).forEach(d -> aggregates.merge(d.key(), d.value().getPrescriptions(), Long::sum));
                Deltas.quality(added).forEach(d -> quality.merge(d.key(), d.value(), Deltas::plus));
                prescriptions++;
            }
        }
        Map<Source, Map<RejectReason, Long>> rejected = new EnumMap<>(Source.class);
        batch.rejectedByDigest.forEach((source, reasons) -> reasons.values()
                .forEach(reason -> rejected.computeIfAbsent(source, s -> new EnumMap<>(RejectReason.class))
                        .merge(reason, 1L, Long::sum)));
        ProgressSettings progress = ProgressSettings.defaults().asOf(asOf);
        Exports.write(new Exports.Snapshot(aggregates, quality, targets == null ? List.of() : targetsOf(targets),
                rejected), asOf, progress.calculator(), out);
        long done = System.nanoTime();
        return new Result(batch.read, batch.latest.size(), prescriptions, (read - started) / 1e9, (done - read) / 1e9,
                (done - started) / 1e9);
    }

    /** One export, as its connector reads it: positions numbered from 1 per connector, as on its topic. */
    private void read(SourceFormat format, Path file, Pseudonymizer pseudonymizer) throws IOException {
        long position = 1;
        String origin = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file);
             RecordReader reader = format.open(in, new ReadContext(origin, StandardCharsets.UTF_8, pseudonymizer))) {
            for (ParsedRecord record = reader.next(); record != null; record = reader.next()) {
                read++;
                if (record instanceof ParsedRecord.Accepted a) {
                    PrescriptionEvent event = a.event();
                    event.setSourcePosition(position++);
                    event.setOrigin(origin);
                    SourceRecordKey key = new SourceRecordKey(event.getSource(), event.getSourceKey());
                    PrescriptionEvent kept = latest.get(key);
                    // rule 1: the latest version per source record
                    if (kept == null || LatestVersion.replaces(LatestVersion.stampOf(event), LatestVersion.stampOf(kept))) {
                        latest.put(key, event);
                    }
                } else if (record instanceof ParsedRecord.Rejected r) {
                    rejectedByDigest.computeIfAbsent(format.source(), s -> new LinkedHashMap<>())
                            .put(r.recordDigest(), r.rejection().reason());
                }
            }
        }
    }

    /** The targets as loaded: a later line of the same year, region and objective replaces an earlier one. */
    private static List<Target> targetsOf(Path file) throws IOException {
        TargetsFile.Parsed parsed = TargetsFile.read(file);
        if (!parsed.valid()) {
            throw new IllegalArgumentException(file + ": " + parsed.errors());
        }
        Map<TargetKey, Target> byKey = new LinkedHashMap<>();
        parsed.targets().forEach(t -> byKey.put(new TargetKey(t.getYear(), t.getRegion(), t.getObjective()), t));
        return new ArrayList<>(byKey.values());
    }
}
