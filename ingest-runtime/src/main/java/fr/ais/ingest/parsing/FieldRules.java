package fr.ais.ingest.parsing;

import fr.ais.schemas.RejectReason;
import static java.time.temporal.ChronoField.DAY_OF_MONTH;
import static java.time.temporal.ChronoField.MONTH_OF_YEAR;
import static java.time.temporal.ChronoField.YEAR;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Field rules shared by the three sources (SPEC §2, §3, §3.4). */
public final class FieldRules {

    /** The 18 INSEE region codes (SPEC §2). */
    public static final Set<String> INSEE_REGIONS = Set.of(
            "01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94");

    // The SPEC's formats are exact: four year digits, no sign. Java's ISO parsers and the pattern letter 'uuuu' also
    // take '+12021' or '-2021' (a year beyond 9999 needs its sign), which would make a month '+12021-05' and an age
    // of 10,017: the year is a fixed-width field here.

    /** {@code yyyy-MM-dd} (SPEC §3.2, §3.3), strict: a real date, a four-digit year. */
    public static final DateTimeFormatter ISO_DATE = new DateTimeFormatterBuilder()
            .appendValue(YEAR, 4).appendLiteral('-').appendValue(MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(DAY_OF_MONTH, 2)
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT).withChronology(IsoChronology.INSTANCE);

    /** {@code dd/MM/yyyy} (SPEC §3.1), strict. */
    public static final DateTimeFormatter FRENCH_DATE = new DateTimeFormatterBuilder()
            .appendValue(DAY_OF_MONTH, 2).appendLiteral('/').appendValue(MONTH_OF_YEAR, 2).appendLiteral('/')
            .appendValue(YEAR, 4)
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT).withChronology(IsoChronology.INSTANCE);

    /** {@code dd/MM/yyyy HH:mm:ss} (SPEC §3.1), strict. */
    public static final DateTimeFormatter FRENCH_DATE_TIME = new DateTimeFormatterBuilder()
            .append(FRENCH_DATE).appendLiteral(' ').appendPattern("HH:mm:ss")
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT).withChronology(IsoChronology.INSTANCE);

    /**
     * ISO-8601 date and time with an offset or {@code Z} ({@code horodatage}, {@code updatedAt}): what
     * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} reads, with a four-digit year.
     */
    public static final DateTimeFormatter ISO_OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive().append(ISO_DATE).appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .parseLenient().appendOffsetId().parseStrict()
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT).withChronology(IsoChronology.INSTANCE);

    private static final Pattern JOB_SEEKER_ID = Pattern.compile("[0-9]{7}[0-9A-Z]");
    private static final Pattern SIRET = Pattern.compile("[0-9]{14}");

    private FieldRules() {
    }

    /**
     * White space as SPEC §3's trimming and session normalisation mean it: Unicode's White_Space, that is the space
     * separators (no-break spaces included: exports pasted from office tools carry them), the line and paragraph
     * separators, and TAB, LF, VT, FF, CR and NEL. The other control characters (NUL, the information separators
     * U+001C to U+001F that {@link Character#isWhitespace} counts...) are not: see {@link #isControl}.
     */
    public static boolean isWhiteSpace(char c) {
        return (c >= '\t' && c <= '\r') || c == '\u0085' || Character.isSpaceChar(c);
    }

    /**
     * A character no value of the exports may hold: a control character that is not white space (NUL, BEL, ESC...)
     * or an invisible formatting character (U+FEFF byte order mark, U+200B zero width space, bidi marks, soft
     * hyphen). Such a value would compare unequal to the one a reader sees, or equal to it once trimmed by a lenient
     * tool: it is malformed, never cleaned.
     */
    public static boolean isControl(char c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || (type == Character.CONTROL && !isWhiteSpace(c));
    }

    /**
     * {@code raw} as read from the export, before trimming, unless it holds a {@linkplain #isControl control
     * character} (CONTROL_CHARACTER on {@code field}) or a {@linkplain #isLoneSurrogate lone surrogate}, which only a
     * JSON escape such as {@code \\ud800} can put in a value (UNDECODABLE_BYTES: Jackson keeps it, and writing it as
     * UTF-8 would turn it into '?', merging two keys). The detail names the character and its position, never the
     * value (it may be personal data).
     */
    public static String plainText(String field, String raw) throws FieldProblem {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isLoneSurrogate(raw, i)) {
                throw new FieldProblem(RejectReason.UNDECODABLE_BYTES, field, field + " holds "
                        + String.format(Locale.ROOT, "\\u%04X", (int) c) + " at character " + (i + 1)
                        + ": half of a surrogate pair alone is no Unicode character");
            }
            if (isControl(c)) {
                // the first one is named; the value is not: it may be personal data
                throw new FieldProblem(RejectReason.CONTROL_CHARACTER, field, field + " holds " + describe(c)
                        + " at character " + (i + 1) + ": a control or invisible character is part of no value");
            }
        }
        return raw;
    }

    /** Whether {@code raw} holds no {@linkplain #isControl control character} and no lone surrogate. */
    public static boolean isPlain(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (isControl(raw.charAt(i)) || isLoneSurrogate(raw, i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code U+FEFF ZERO WIDTH NO-BREAK SPACE}: a character as a message names it. */
    public static String describe(int codePoint) {
        String name = Character.getName(codePoint);
        return String.format(Locale.ROOT, "U+%04X", codePoint) + (name == null ? "" : " " + name);
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

    /**
     * A session number without any white space (see {@link #isWhiteSpace}), upper-cased (SPEC §3). The mappers reject a
     * session holding a control character before it gets here ({@link #plainText}): no session number on a topic
     * holds NUL, which the session grouping's store keys use as their separator.
     */
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

    /**
     * An ISO-8601 date and time with offset ({@link #ISO_OFFSET_DATE_TIME}) as an instant, or BAD_DATE saying the value
     * is not {@code what}.
     */
    public static Instant offsetInstant(String field, String value, String what) throws FieldProblem {
        try {
            return OffsetDateTime.parse(value, ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new FieldProblem(RejectReason.BAD_DATE, field, field + " " + shown(value) + " is not " + what);
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

    /**
     * A non-personal value quoted for a message, cut short so a message stays readable, its invisible characters
     * escaped (see {@link #visible}).
     */
    public static String shown(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "'" + visible(cut) + "'";
    }

    /**
     * {@code text} with every character a reader could not see or tell apart written {@code \\uXXXX}: control and
     * formatting characters, white space other than the plain space, lone surrogates, private-use and unassigned
     * code points. A region code {@code \\uFEFF52} then shows why it is not {@code 52}.
     */
    public static String visible(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            boolean invisible = c != ' ' && (isControl(c) || isWhiteSpace(c) || isLoneSurrogate(text, i)
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED);
            if (invisible && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (invisible) {
                    out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** Whether {@code text.charAt(i)} is half of no surrogate pair: a character no Unicode text holds. */
    public static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }
}
