package fr.ais.synthetic.export;

import fr.ais.schemas.RejectReason;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The part every source file shares: good lines in a plausible but not sorted order (roughly by time, as an export
 * concatenating daily extracts would be), bad lines of every rejection kind slipped in, the file and its summary.
 */
abstract class SourceExport {

    /** How far a line may drift from its time order in the file: versions of one key can come out of order. */
    private static final long JITTER_SECONDS = 36 * 3600;

    protected final SplittableRandom random;
    private final List<Line> good = new ArrayList<>();
    private final int[] occurrences = new int[RejectReason.values().length];
    private long seq;

    SourceExport(SplittableRandom random) {
        this.random = random;
    }

    protected final void addGood(Instant at, String text) {
        long jitter = random.nextLong(2 * JITTER_SECONDS + 1) - JITTER_SECONDS;
        good.add(new Line(at.getEpochSecond() + jitter, seq++, text, null, null));
    }

    protected final Line badLine(String text, RejectReason reason, String field) {
        return new Line(0, seq++, text, reason, field);
    }

    protected final int goodCount() {
        return good.size();
    }

    /** A record that a connector must reject for {@code reason}; {@code variant} picks among the ways to break it. */
    protected abstract Line bad(RejectReason reason, int variant);

    protected abstract String header();

    protected String lineSeparator() {
        return "\n";
    }

    /**
     * Writes the file: good lines in jittered time order, then about {@code badRate} bad records (at least one of
     * each kind when the rate is positive) at random places.
     */
    final FileSummary write(Path file, Charset charset, double badRate) throws IOException {
        List<Line> lines = new ArrayList<>(good);
        lines.sort(Comparator.comparingLong(Line::sortKey).thenComparingLong(Line::seq));
        int badCount = badRate <= 0 ? 0
                : Math.max(BadRecord.PLANTED_REASONS.size(), (int) Math.round(good.size() * badRate / (1 - badRate)));
        for (int i = 0; i < badCount; i++) {
            RejectReason reason = BadRecord.PLANTED_REASONS.get(i % BadRecord.PLANTED_REASONS.size());
            Line bad = bad(reason, occurrences[reason.ordinal()]++);
            lines.add(random.nextInt(lines.size() + 1), bad);
        }

        Map<RejectReason, Integer> byReason = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : RejectReason.values()) {
            byReason.put(reason, 0);
        }
        List<BadRecord> badRecords = new ArrayList<>();
        int firstLine = header() == null ? 1 : 2;
        try (BufferedWriter out = Files.newBufferedWriter(file, charset)) {
            if (header() != null) {
                out.write(header());
                out.write(lineSeparator());
            }
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                out.write(line.text());
                out.write(lineSeparator());
                if (line.bad()) {
                    badRecords.add(new BadRecord(firstLine + i, line.reason(), line.field()));
                    byReason.merge(line.reason(), 1, Integer::sum);
                }
            }
        }
        return new FileSummary(file, lines.size(), lines.size() - badRecords.size(), badRecords.size(),
                Collections.unmodifiableMap(byReason), List.copyOf(badRecords));
    }
}
