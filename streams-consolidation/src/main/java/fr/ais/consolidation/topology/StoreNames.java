package fr.ais.consolidation.topology;

/**
 * Names of the topology's state stores, for the processors that own them and the interactive queries
 * that read them (their changelogs are {@code <application.id>-<name>-changelog}).
 */
public final class StoreNames {

    private StoreNames() {
    }

    /** Rule 1: the kept version's stamp (time, position, session) per source key. */
    public static final String LATEST_VERSIONS = "latest-versions";
    /** Latest version of every source record, keyed by session then source record. */
    public static final String SESSION_MEMBERS = "session-members";
    /** Consolidated prescriptions by group id: the session grouping's last emitted groups, and interactive queries. */
    public static final String CONSOLIDATED = "consolidated-prescriptions";
    /** The session task's aggregate deltas summed per row until its commit (record cache, no changelog). */
    public static final String AGGREGATES_PARTIAL_SUMS = "aggregates-partial-sums";
    /** The session task's quality deltas summed per row until its commit (record cache, no changelog). */
    public static final String QUALITY_PARTIAL_SUMS = "quality-partial-sums";
    /** Consolidated prescriptions per region, month, network and age band. */
    public static final String AGGREGATES = "aggregates";
    /** Quality flag counts per region and month. */
    public static final String QUALITY = "quality";
    /** "SOURCE|REASON" of the latest dead letter of each key: each rejected record once. */
    public static final String DEAD_LETTERS = "dead-letters";
    /** Rejected records per "SOURCE|REASON". */
    public static final String DEAD_LETTER_COUNTS = "dead-letter-counts";
    /** Targets by (year, region, objective), as loaded. */
    public static final String TARGETS = "targets";
    /** Targets per region and year. */
    public static final String PROGRESS_TARGETS = "progress-targets";
    /** Monthly actuals per region and year, per objective scope. */
    public static final String PROGRESS_ACTUALS = "progress-actuals";
    /** Targets and actuals of a region and year, side by side. */
    public static final String PROGRESS_INPUTS = "progress-inputs";
    /** Progress rows per region, year, month and objective (interactive queries). */
    public static final String PROGRESS = "progress";
    /** Last status seen per region and objective for the latest closed month. */
    public static final String ALERT_STATES = "alert-states";
    /** Alerts emitted per "REGION|OBJECTIVE|KIND" (metrics). */
    public static final String ALERT_COUNTS = "alert-counts";
    /** The progress rows again, in the alert task that owns their region (all its years). */
    public static final String ALERT_ROWS = "alert-rows";
}
