package fr.ais.ingest;

import fr.ais.schemas.RejectReason;

/**
 * Why a record was rejected (SPEC §3.4).
 *
 * @param reason    reason code
 * @param field     the offending field in the source's own naming (e.g. {@code date_entree},
 *                  {@code jeune.dateNaissance}); null for a record that cannot be parsed at all
 * @param message   a clear explanation naming the record and the field, without personal data
 * @param sourceKey the record's source key when it could be read, else null
 * @param excerpt   the raw record with personal identifiers and birth date redacted, or null
 */
public record Rejection(RejectReason reason, String field, String message, String sourceKey, String excerpt) {
}
