package fr.ais.ingest.pe;

import fr.ais.ingest.parsing.FieldRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one physical line of the PE export into its {@code ;}-separated fields (SPEC §3.1).
 *
 * <p>A field may be wrapped in double quotes; a quoted field may hold {@code ;} and a doubled quote
 * {@code ""} stands for one quote. A record is one physical line: a quoted field never spans a line
 * break, so an unclosed quote is an error on that line only and reading resumes at the next line
 * (one broken record cannot swallow the rest of the file). A quote inside an unquoted value is kept
 * as is. White space around every value (and around the quotes) is trimmed.
 *
 * <p>Hand-written rather than Jackson's CSV module: the rejection needs the position of each field in the
 * raw line (to redact the identifier and birth date from the excerpt) and per-line error recovery.
 */
final class SemicolonLine {

    /**
     * One field.
     *
     * @param value the trimmed value, quotes removed and doubled quotes undone
     * @param start index of the field's first character in the raw line (before trimming)
     * @param end   index just after the field's last character in the raw line
     */
    record Field(String value, int start, int end) {
    }

    /** The line cannot be split: its detail says where, without quoting the line. */
    static final class SyntaxException extends Exception {
        SyntaxException(String detail) {
            super(detail, null, false, false);
        }
    }

    private SemicolonLine() {
    }

    static List<Field> split(String line) throws SyntaxException {
        List<Field> fields = new ArrayList<>(16);
        int pos = 0;
        int length = line.length();
        while (true) {
            int start = pos;
            int i = pos;
            while (i < length && FieldRules.isWhiteSpace(line.charAt(i))) {
                i++;
            }
            if (i < length && line.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < length) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < length && line.charAt(i + 1) == '"') {
                            value.append('"');
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    value.append(c);
                    i++;
                }
                if (!closed) {
                    throw new SyntaxException("field " + (fields.size() + 1) + ": quote opened at column " + (start + 1)
                            + " is not closed on this line");
                }
                while (i < length && FieldRules.isWhiteSpace(line.charAt(i))) {
                    i++;
                }
                if (i < length && line.charAt(i) != ';') {
                    throw new SyntaxException("field " + (fields.size() + 1) + ": unexpected character after the closing quote at column "
                            + (i + 1));
                }
                fields.add(new Field(FieldRules.trim(value.toString()), start, i));
            } else {
                int separator = line.indexOf(';', pos);
                int end = separator < 0 ? length : separator;
                fields.add(new Field(FieldRules.trim(line.substring(pos, end)), start, end));
                i = end;
            }
            if (i >= length) {
                return fields;
            }
            pos = i + 1; // after the ';'
        }
    }
}
