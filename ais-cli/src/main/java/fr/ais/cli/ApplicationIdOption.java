package fr.ais.cli;

import fr.ais.consolidation.app.StreamsAppConfig;
import fr.ais.settings.Flags;
import picocli.CommandLine.Option;

/** The flag of the consolidation's application id, for the commands that run it or grant it its rights. */
final class ApplicationIdOption {

    @Option(names = "--application-id", paramLabel = "ID", descriptionKey = "streams.application.id")
    String applicationId;

    /** The flag given, added to {@code flags}. */
    Flags addTo(Flags flags) {
        return flags.set(StreamsAppConfig.APPLICATION_ID, "--application-id", applicationId);
    }
}
