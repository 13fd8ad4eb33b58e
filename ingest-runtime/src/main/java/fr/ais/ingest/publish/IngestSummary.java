package fr.ais.ingest.publish;

/**
 * What one run did with one input: every input record is accepted or rejected, none is lost.
 *
 * @param origin          the input's name
 * @param read            input records read in this run
 * @param accepted        of those, published as events
 * @param rejected        of those, published as dead letters
 * @param skipped         records already published by an earlier run (an interrupted file, or API items served
 *                        again), not published again
 * @param alreadyComplete true when the whole input had already been ingested: nothing was published
 * @param seconds         wall-clock time of the run
 */
public record IngestSummary(String origin, long read, long accepted, long rejected, long skipped,
        boolean alreadyComplete, double seconds) {

    /** The one-line summary printed after every run. */
    public String line() {
        if (alreadyComplete) {
            return String.format(java.util.Locale.ROOT,
                    "%s: already ingested, nothing published (use --force to publish it again)", origin);
        }
        return String.format(java.util.Locale.ROOT, "%s: read %d / accepted %d / rejected %d%s in %.1f s",
                origin, read, accepted, rejected, skipped > 0 ? " (" + skipped + " already published by an earlier run, skipped)" : "", seconds);
    }
}
