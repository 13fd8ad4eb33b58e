package fr.ais.consolidation.topology;

import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.platform.topics.TopicCatalogue;
import java.util.Objects;

/**
 * What the consolidation topology needs to know, and nothing about how the application runs: the one
 * channel through which its processors get their configuration.
 *
 * @param topics         the topic catalogue (namespace included) to read from and write to
 * @param progress       thresholds, as-of date and refresh interval of the progress and alert stages
 * @param recentSessions sessions per task whose state the session grouping also keeps in memory, so that a
 *                       session changing again is not read back from RocksDB (0: none). A memory knob, like
 *                       RocksDB's: the figures do not depend on it.
 */
public record ConsolidationConfig(TopicCatalogue topics, ProgressSettings progress, int recentSessions) {

    /** Sessions kept in memory per task unless set; the default of the setting streams.recent.sessions too. */
    public static final int DEFAULT_RECENT_SESSIONS = 2_000;

    public ConsolidationConfig {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(progress, "progress");
        if (recentSessions < 0) {
            throw new IllegalArgumentException("recentSessions must not be negative: " + recentSessions);
        }
    }

    /** Default progress settings (thresholds 1.0 and 0.9, as of today) and sessions kept in memory. */
    public ConsolidationConfig(TopicCatalogue topics) {
        this(topics, ProgressSettings.defaults());
    }

    /** Default sessions kept in memory. */
    public ConsolidationConfig(TopicCatalogue topics, ProgressSettings progress) {
        this(topics, progress, DEFAULT_RECENT_SESSIONS);
    }

    /** The same configuration, keeping {@code sessions} sessions per task in memory. */
    public ConsolidationConfig withRecentSessions(int sessions) {
        return new ConsolidationConfig(topics, progress, sessions);
    }
}
