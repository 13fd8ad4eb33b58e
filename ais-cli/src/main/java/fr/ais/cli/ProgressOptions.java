package fr.ais.cli;

import fr.ais.consolidation.progress.ProgressCalculator;
import fr.ais.consolidation.progress.ProgressSettings;
import java.time.LocalDate;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** Settings of the progress figures: the as-of date and the status thresholds. */
public final class ProgressOptions {

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", defaultValue = "${env:AIS_PROGRESS_AS_OF:-}",
            description = "Date the progress is computed at (env AIS_PROGRESS_AS_OF; default: today, Europe/Paris).")
    String asOf;

    @Option(names = "--on-track", defaultValue = "${env:AIS_PROGRESS_ON_TRACK_THRESHOLD:-1.0}",
            description = "Ratio at or above which a region is ON_TRACK (default: ${DEFAULT-VALUE}).")
    double onTrack;

    @Option(names = "--at-risk", defaultValue = "${env:AIS_PROGRESS_AT_RISK_THRESHOLD:-0.9}",
            description = "Ratio at or above which a region is AT_RISK, below it BEHIND (default: ${DEFAULT-VALUE}).")
    double atRisk;

    LocalDate asOf() {
        if (asOf == null || asOf.isBlank()) {
            return LocalDate.now(ZoneId.of("Europe/Paris"));
        }
        try {
            return LocalDate.parse(asOf.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new UserException("--as-of '" + asOf + "' is not a date YYYY-MM-DD");
        }
    }

    /** Progress at the given as-of date (fixed for a run). */
    ProgressSettings settings() {
        LocalDate date = asOf();
        return new ProgressSettings(calculator(), () -> date, ProgressSettings.DEFAULT_REFRESH);
    }

    ProgressCalculator calculator() {
        if (atRisk > onTrack) {
            throw new UserException("--at-risk (" + atRisk + ") must not exceed --on-track (" + onTrack + ")");
        }
        return new ProgressCalculator(onTrack, atRisk);
    }
}
