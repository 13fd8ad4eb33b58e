package fr.ais.consolidation.topology;

import fr.ais.platform.topics.TopicCatalogue;
import java.util.Objects;

/**
 * What the consolidation topology needs to know, and nothing about how the application runs.
 *
 * @param topics the topic catalogue (namespace included) to read from and write to
 */
public record ConsolidationConfig(TopicCatalogue topics) {

    public ConsolidationConfig {
        Objects.requireNonNull(topics, "topics");
    }
}
