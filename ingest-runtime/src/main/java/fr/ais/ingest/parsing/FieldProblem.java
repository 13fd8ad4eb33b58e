package fr.ais.ingest.parsing;

import fr.ais.schemas.RejectReason;

/**
 * The first failed check of a record: thrown by the field checks and turned into a {@link fr.ais.ingest.Rejection}
 * by the format. {@code detail} must never hold a raw person identifier or birth date.
 */
public final class FieldProblem extends Exception {

    private final RejectReason reason;
    private final String field;

    public FieldProblem(RejectReason reason, String field, String detail) {
        // no stack trace: a rejection is an expected outcome, and there may be millions of them
        super(detail, null, false, false);
        this.reason = reason;
        this.field = field;
    }

    public RejectReason reason() {
        return reason;
    }

    /** The offending field in the source's own naming, or null when the whole record is unreadable. */
    public String field() {
        return field;
    }

    public String detail() {
        return getMessage();
    }
}
