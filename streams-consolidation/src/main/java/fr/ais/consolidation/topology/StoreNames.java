package fr.ais.consolidation.topology;

/** Names of the topology's state stores (their changelogs are {@code <application.id>-<name>-changelog}). */
public final class StoreNames {

    private StoreNames() {
    }

    /** Rule 1: latest version per source key. */
    public static final String LATEST_VERSIONS = "latest-versions";
    /** Latest version of every source record, keyed by session then source record. */
    public static final String SESSION_MEMBERS = "session-members";
    /** Consolidated prescriptions last emitted per session. */
    public static final String SESSION_GROUPS = "session-groups";
    /** Consolidated prescriptions by group id (interactive queries). */
    public static final String CONSOLIDATED = "consolidated-prescriptions";
    /** Consolidated prescriptions per region, month, network and age band. */
    public static final String AGGREGATES = "aggregates";
    /** Quality flag counts per region and month. */
    public static final String QUALITY = "quality";
    /** Dead letters per "SOURCE|REASON". */
    public static final String DEAD_LETTER_COUNTS = "dead-letter-counts";
}
