package fr.ais.synthetic.export;

import fr.ais.schemas.RejectReason;

/**
 * One output line of a source file.
 *
 * @param sortKey where the line falls in the export's rough time order (epoch seconds, jittered)
 * @param seq     generation order, to break sort ties deterministically
 * @param reason  the rejection this line must cause, null for a good record
 * @param field   the offending field in the source's own naming, null for a good record or an unparseable line
 */
record Line(long sortKey, long seq, String text, RejectReason reason, String field) {

    boolean bad() {
        return reason != null;
    }
}
