package fr.ais.consolidation.serving;

/**
 * Names of the key-value stores the serving layer reads through interactive queries. The
 * consolidation's own stores keep their single definition in the topology; the progress store is
 * materialised by the progress stage under {@link #PROGRESS}.
 */
public final class StoreNames {

    private StoreNames() {
    }

    /** ConsolidatedPrescriptionKey → ConsolidatedPrescription. */
    public static final String CONSOLIDATED_PRESCRIPTIONS = fr.ais.consolidation.topology.StoreNames.CONSOLIDATED;
    /** AggregateKey → AggregateValue. */
    public static final String AGGREGATES = fr.ais.consolidation.topology.StoreNames.AGGREGATES;
    /** QualityKey → QualityCounts. */
    public static final String QUALITY = fr.ais.consolidation.topology.StoreNames.QUALITY;
    /** ProgressKey → Progress. */
    public static final String PROGRESS = fr.ais.consolidation.topology.StoreNames.PROGRESS;
    /** "SOURCE|REASON" → Long. */
    public static final String DEAD_LETTER_COUNTS = fr.ais.consolidation.topology.StoreNames.DEAD_LETTER_COUNTS;
}
