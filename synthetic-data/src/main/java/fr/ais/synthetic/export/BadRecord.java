package fr.ais.synthetic.export;

import fr.ais.schemas.RejectReason;
import java.util.List;

/**
 * An intentionally bad record: where it is and how a connector must reject it (SPEC §3.4).
 *
 * @param line   1-based physical line in the file (the CSV header is line 1)
 * @param field  the offending field in the source's own naming; null when the line cannot be parsed
 */
public record BadRecord(int line, RejectReason reason, String field) {

    /**
     * The reasons planted, in turn: those of SPEC §3.4. The connectors' later reasons (a control character, bytes
     * that do not decode) are checked by their own test fixtures; planting them here would change every data set.
     */
    public static final List<RejectReason> PLANTED_REASONS = List.of(RejectReason.PARSE_ERROR,
            RejectReason.MISSING_FIELD, RejectReason.BAD_DATE, RejectReason.BIRTH_NOT_BEFORE_ENTRY,
            RejectReason.VALUE_OUTSIDE_LIST, RejectReason.BAD_IDENTIFIER_FORMAT, RejectReason.BAD_REGION);
}
