package fr.ais.ingest.publish;

import java.util.Locale;

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
 * @param undecodable     the lines of this run that did not decode in the input's charset, or null when all did
 */
public record IngestSummary(String origin, long read, long accepted, long rejected, long skipped,
        boolean alreadyComplete, double seconds, Undecodable undecodable) {

    /** Lines within which a first undecodable line points at the charset rather than at a few bad bytes. */
    public static final long FIRST_LINES = 10;

    /**
     * Lines rejected because they did not decode.
     *
     * @param lines     how many
     * @param firstLine the first of them
     * @param charset   the charset they were read in
     */
    public record Undecodable(long lines, long firstLine, String charset) {

        /** Whether the first lines already failed: the whole file is probably in another charset. */
        public boolean fromTheStart() {
            return firstLine <= FIRST_LINES;
        }
    }

    /** A run in which every line decoded. */
    public IngestSummary(String origin, long read, long accepted, long rejected, long skipped, boolean alreadyComplete,
            double seconds) {
        this(origin, read, accepted, rejected, skipped, alreadyComplete, seconds, null);
    }

    /** The one-line summary printed after every run. */
    public String line() {
        if (alreadyComplete) {
            return String.format(Locale.ROOT,
                    "%s: already ingested, nothing published (use --force to publish it again)", origin);
        }
        return String.format(Locale.ROOT, "%s: read %d / accepted %d / rejected %d%s in %.1f s%s",
                origin, read, accepted, rejected, skipped > 0 ? " (" + skipped + " already published by an earlier run, skipped)" : "",
                seconds, undecodable == null ? "" : "; " + decodingNote());
    }

    /** What the undecodable lines suggest: from the first lines on, a legacy ISO-8859-1 export read as UTF-8. */
    private String decodingNote() {
        String lines = undecodable.lines() == 1 ? "1 line is" : undecodable.lines() + " lines are";
        String note = String.format(Locale.ROOT, "%s not valid %s (the first at line %d) and rejected", lines,
                undecodable.charset(), undecodable.firstLine());
        if (!undecodable.fromTheStart()) {
            return note;
        }
        return note + ("UTF-8".equals(undecodable.charset())
                ? ": is it a legacy ISO-8859-1 export? then read it as ISO-8859-1 (ais ingest --charset ISO-8859-1"
                        + " --force; ais replay --pe-charset ISO-8859-1)"
                : ": is " + undecodable.charset() + " the file's charset? read it with the right one (ais ingest"
                        + " --charset … --force; ais replay --pe-charset …)");
    }
}
