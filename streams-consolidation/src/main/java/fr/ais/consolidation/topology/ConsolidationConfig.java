package fr.ais.consolidation.topology;

import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.platform.topics.TopicCatalogue;
import java.util.Objects;

/**
 * What the consolidation topology needs to know, and nothing about how the application runs.
 *
 * @param topics   the topic catalogue (namespace included) to read from and write to
 * @param progress thresholds and as-of date of the progress and alert stages
 */
public record ConsolidationConfig(TopicCatalogue topics, ProgressSettings progress) {

    public ConsolidationConfig {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(progress, "progress");
    }

    /** Default progress settings (thresholds 1.0 and 0.9, as of today). */
    public ConsolidationConfig(TopicCatalogue topics) {
        this(topics, ProgressSettings.defaults());
    }
}
