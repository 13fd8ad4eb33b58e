package fr.ais.synthetic.export;

import fr.ais.schemas.RejectReason;

/**
 * An intentionally bad record: where it is and how a connector must reject it (SPEC §3.4).
 *
 * @param line   1-based physical line in the file (the CSV header is line 1)
 * @param field  the offending field in the source's own naming; null when the line cannot be parsed
 */
public record BadRecord(int line, RejectReason reason, String field) {
}
