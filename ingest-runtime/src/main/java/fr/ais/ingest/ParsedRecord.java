package fr.ais.ingest;

import fr.ais.schemas.PrescriptionEvent;

/** One input record, either accepted as a normalised event or rejected: nothing else, so none is lost. */
public sealed interface ParsedRecord {

    /** Line of the record in its file (1-based, the CSV header being line 1), or its index in an API page. */
    long line();

    /**
     * An accepted record. Its {@code sourcePosition} and {@code origin} are set by the runtime when
     * it is published, since the position runs across inputs.
     */
    record Accepted(long line, PrescriptionEvent event) implements ParsedRecord {
    }

    /**
     * A rejected record.
     *
     * @param recordDigest the record's {@link RecordDigest} over its raw bytes, the key of its dead letter; set by
     *                     the reader of a file (see {@link #withRecordDigest}), null from a mapper alone
     */
    record Rejected(long line, Rejection rejection, String recordDigest) implements ParsedRecord {

        public Rejected(long line, Rejection rejection) {
            this(line, rejection, null);
        }

        public Rejected withRecordDigest(String digest) {
            return new Rejected(line, rejection, digest);
        }
    }
}
