package fr.ais.ingest.parsing;

import fr.ais.ingest.Rejection;
import fr.ais.schemas.RejectReason;
import java.util.Collection;
import java.util.regex.Pattern;

/** Builds rejections whose message names the record and the field, and whose excerpt is redacted (SPEC §3.4). */
public final class Rejections {

    /** Longest excerpt kept on a dead letter. */
    public static final int MAX_EXCERPT_CHARS = 500;

    /** What replaces a person identifier or a birth date in an excerpt. */
    public static final String REDACTED = "***";

    // Used only on records that could not be split into fields: then we cannot tell which value is the
    // identifier, so anything shaped like a job-seeker identifier, a run of 7 digits or more (I-Milo ids, SIRET) or a date goes.
    private static final Pattern IDENTIFIER_LIKE = Pattern.compile("(?<![0-9A-Za-z_-])[0-9]{7,}[0-9A-Za-z]?(?![0-9A-Za-z_-])");
    private static final Pattern DATE_LIKE = Pattern.compile("[0-9]{1,4}[/.-][0-9]{1,2}[/.-][0-9]{1,4}");
    // Used on every excerpt: a job-seeker identifier's shape as a whole token is personal data in whatever column it
    // sits (a swapped column, an identifier typed in a free-text field); no other field of the sources has that shape.
    private static final Pattern JOB_SEEKER_LIKE = Pattern.compile("(?<![0-9A-Za-z])[0-9]{7}[0-9A-Za-z](?![0-9A-Za-z])");

    private Rejections() {
    }

    /**
     * @param origin          file name or {@code api}
     * @param line            line in the file, or item index for the API
     * @param sourceKey       the normalised source key when it could be read, else null
     * @param redactedExcerpt the raw record with person identifiers and birth date already redacted, or null
     */
    public static Rejection of(FieldProblem problem, String origin, long line, String sourceKey, String redactedExcerpt) {
        // the callers redact what they know to be personal; this is the net under them, for values in the wrong place
        String key = sourceKey == null || !maskUnparsed(sourceKey).equals(sourceKey) ? null : sourceKey;
        String where = "api".equals(origin) ? "api item " + line : origin + " line " + line;
        String record = key == null ? "record with unreadable key" : "record " + FieldRules.visible(key);
        String field = problem.field() == null ? "" : ", field " + problem.field();
        // a detail quotes the offending value: an identifier copied into a checked field must not show
        String detail = IDENTIFIER_LIKE.matcher(problem.detail()).replaceAll(REDACTED);
        String message = where + ", " + record + field + ": " + detail;
        String excerpt = redactedExcerpt == null ? null : JOB_SEEKER_LIKE.matcher(redactedExcerpt).replaceAll(REDACTED);
        if (excerpt != null && problem.reason() == RejectReason.BIRTH_NOT_BEFORE_ENTRY) {
            // most often the two dates were swapped: the birth date then sits in the entry date's place
            excerpt = DATE_LIKE.matcher(excerpt).replaceAll(REDACTED);
        }
        // a NUL or a byte order mark shows in an excerpt as \u0000 or \uFEFF, as in the messages
        return new Rejection(problem.reason(), problem.field(), message, key,
                truncate(excerpt == null ? null : FieldRules.visible(excerpt)));
    }

    public static String truncate(String excerpt) {
        if (excerpt == null || excerpt.length() <= MAX_EXCERPT_CHARS) {
            return excerpt;
        }
        return excerpt.substring(0, MAX_EXCERPT_CHARS) + "…";
    }

    /**
     * Masks every other occurrence of the record's personal values (case-insensitive) in an excerpt whose personal
     * fields are already redacted: a birth date equal to the entry date, or an identifier copied into another field,
     * would otherwise still show.
     */
    public static String maskValues(String excerpt, Collection<String> personalValues) {
        String masked = excerpt;
        for (String value : personalValues) {
            String trimmed = value == null ? "" : FieldRules.trim(value);
            if (trimmed.length() >= 4) {
                masked = Pattern.compile(Pattern.quote(trimmed), Pattern.CASE_INSENSITIVE).matcher(masked)
                        .replaceAll(REDACTED);
            }
        }
        return masked;
    }

    /**
     * Masks everything shaped like a person identifier or a date in a record that could not be split into
     * fields. Coarse on purpose: it must never let an identifier through, at the cost of some harmless values.
     */
    public static String maskUnparsed(String raw) {
        String masked = DATE_LIKE.matcher(raw).replaceAll(REDACTED);
        return IDENTIFIER_LIKE.matcher(masked).replaceAll(REDACTED);
    }
}
