package fr.ais.cli;

import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.settings.Flags;
import picocli.CommandLine.Option;

/** Flags of the progress settings: the as-of date and the status thresholds (their help: {@link SettingsHelp}). */
final class ProgressOptions {

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", descriptionKey = "progress.as.of")
    String asOf;

    @Option(names = "--on-track", paramLabel = "RATIO", descriptionKey = "progress.on.track.threshold")
    String onTrack;

    @Option(names = "--at-risk", paramLabel = "RATIO", descriptionKey = "progress.at.risk.threshold")
    String atRisk;

    Flags addTo(Flags flags) {
        return flags.set(ProgressSettings.AS_OF, "--as-of", asOf)
                .set(ProgressSettings.ON_TRACK, "--on-track", onTrack)
                .set(ProgressSettings.AT_RISK, "--at-risk", atRisk);
    }
}
