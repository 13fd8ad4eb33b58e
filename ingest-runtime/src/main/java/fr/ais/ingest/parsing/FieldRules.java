package fr.ais.ingest.parsing;

import fr.ais.schemas.RejectReason;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Field rules shared by the three sources (SPEC §2, §3, §3.4). */
public final class FieldRules {

    /** The 18 INSEE region codes (SPEC §2). */
    public static final Set<String> INSEE_REGIONS = Set.of(
            "01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94");

    private static final Pattern JOB_SEEKER_ID = Pattern.compile("[0-9]{7}[0-9A-Z]");
    private static final Pattern SIRET = Pattern.compile("[0-9]{14}");

    private FieldRules() {
    }

    /**
     * White space as SPEC §3's trimming and session normalisation mean it: Java's, Unicode's space
     * separators (no-break spaces included: exports pasted from office tools carry them) and, as
     * {@link String#trim()} has it, the control characters.
     */
    public static boolean isWhiteSpace(char c) {
        return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** {@code value} without white space at either end (see {@link #isWhiteSpace}). */
    public static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isWhiteSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isWhiteSpace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    /** Trim, then upper-case: how identifiers and source keys are compared (SPEC §3). */
    public static String normaliseKey(String value) {
        return trim(value).toUpperCase(Locale.ROOT);
    }

    /** A session number without any white space (see {@link #isWhiteSpace}), upper-cased (SPEC §3). */
    public static String normaliseSession(String value) {
        StringBuilder kept = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isWhiteSpace(c)) {
                kept.append(c);
            }
        }
        return kept.toString().toUpperCase(Locale.ROOT);
    }

    /** A present value, or MISSING_FIELD. */
    public static String required(String field, String value) throws FieldProblem {
        if (value == null || value.isEmpty()) {
            throw new FieldProblem(RejectReason.MISSING_FIELD, field, "required field " + field + " is missing or empty");
        }
        return value;
    }

    /**
     * A job-seeker identifier (identifiant_de and its equivalents): 7 digits then a digit or a letter,
     * after normalisation. The detail never shows the value: it is personal data.
     */
    public static String jobSeekerId(String field, String value) throws FieldProblem {
        String normalised = normaliseKey(value);
        if (!JOB_SEEKER_ID.matcher(normalised).matches()) {
            throw new FieldProblem(RejectReason.BAD_IDENTIFIER_FORMAT, field,
                    field + " is not 7 digits followed by one digit or letter (value withheld: personal data)");
        }
        return normalised;
    }

    public static String siret(String field, String value) throws FieldProblem {
        if (!SIRET.matcher(value).matches()) {
            throw new FieldProblem(RejectReason.BAD_IDENTIFIER_FORMAT, field,
                    field + " " + shown(value) + " is not a SIRET of 14 digits");
        }
        return value;
    }

    public static String region(String field, String value) throws FieldProblem {
        if (!INSEE_REGIONS.contains(value)) {
            throw new FieldProblem(RejectReason.BAD_REGION, field,
                    field + " " + shown(value) + " is not one of the 18 INSEE region codes");
        }
        return value;
    }

    /** A code that must be one of {@code allowed} (exact match, after trim). */
    public static String oneOf(String field, String value, Set<String> allowed) throws FieldProblem {
        if (!allowed.contains(value)) {
            throw new FieldProblem(RejectReason.VALUE_OUTSIDE_LIST, field,
                    field + " " + shown(value) + " is not one of " + allowed.stream().sorted().toList());
        }
        return value;
    }

    /**
     * A calendar date in {@code format} (described as {@code pattern} in messages), or BAD_DATE.
     * A personal date (a birth date) is never shown in the detail.
     */
    public static LocalDate date(String field, String value, DateTimeFormatter format, String pattern, boolean personal)
            throws FieldProblem {
        try {
            return LocalDate.parse(value, format);
        } catch (DateTimeParseException e) {
            String shownValue = personal ? "(value withheld: personal data)" : shown(value);
            throw new FieldProblem(RejectReason.BAD_DATE, field, field + " " + shownValue + " is not a date " + pattern);
        }
    }

    /** Rule of SPEC §3.4: the birth date must be strictly before the entry date. Neither date is shown. */
    public static void birthBeforeEntry(String birthField, LocalDate birth, String entryField, LocalDate entry)
            throws FieldProblem {
        if (!birth.isBefore(entry)) {
            throw new FieldProblem(RejectReason.BIRTH_NOT_BEFORE_ENTRY, birthField,
                    birthField + " is not before " + entryField + " (dates withheld: personal data)");
        }
    }

    /** A non-personal value quoted for a message, cut short so a message stays readable. */
    public static String shown(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "'" + cut + "'";
    }
}
