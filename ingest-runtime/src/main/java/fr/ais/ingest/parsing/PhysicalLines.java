package fr.ais.ingest.parsing;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;

/**
 * The physical lines of a text export, one at a time, in constant memory.
 *
 * <p>Line ends are LF, CRLF or a lone CR. A UTF-8 byte order mark at the very start is skipped whatever
 * the charset (a legacy ISO-8859-1 export re-saved by a spreadsheet may carry one). A line longer than
 * {@code maxChars} is not kept in memory: it comes back {@link Line#tooLong() too long}, holding its first
 * {@code maxChars} characters, so the format can reject it and carry on with the next line.
 */
public final class PhysicalLines implements Closeable {

    /** Default bound on a line: far above any real record, low enough to keep memory constant. */
    public static final int DEFAULT_MAX_CHARS = 64 * 1024;

    /**
     * One physical line.
     *
     * @param number  1-based line number in the input
     * @param text    the line without its line end (cut at the bound when too long)
     * @param tooLong whether the line was longer than the bound
     */
    public record Line(long number, String text, boolean tooLong) {

        public boolean isBlank() {
            return !tooLong && text.isBlank();
        }
    }

    private final BufferedReader reader;
    private final int maxChars;
    private final StringBuilder buffer = new StringBuilder(256);
    private long lineNumber;
    private boolean pendingCr;
    private boolean ended;

    public PhysicalLines(InputStream in, Charset charset) throws IOException {
        this(in, charset, DEFAULT_MAX_CHARS);
    }

    public PhysicalLines(InputStream in, Charset charset, int maxChars) throws IOException {
        this.reader = new BufferedReader(new InputStreamReader(skipUtf8Bom(in), charset), 64 * 1024);
        this.maxChars = maxChars;
    }

    private static InputStream skipUtf8Bom(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 3);
        byte[] head = pushback.readNBytes(3);
        boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (!bom && head.length > 0) {
            pushback.unread(head);
        }
        return pushback;
    }

    /** The next physical line, blank or not, or null at the end of the input. */
    public Line next() throws IOException {
        if (ended) {
            return null;
        }
        buffer.setLength(0);
        boolean tooLong = false;
        while (true) {
            int c = reader.read();
            if (pendingCr) {
                pendingCr = false;
                if (c == '\n') {
                    continue; // the LF of a CRLF
                }
            }
            if (c == -1) {
                ended = true;
                if (buffer.length() == 0 && !tooLong) {
                    return null; // nothing after the last line end
                }
                return new Line(++lineNumber, buffer.toString(), tooLong);
            }
            if (c == '\n') {
                return new Line(++lineNumber, buffer.toString(), tooLong);
            }
            if (c == '\r') {
                pendingCr = true;
                return new Line(++lineNumber, buffer.toString(), tooLong);
            }
            if (buffer.length() < maxChars) {
                buffer.append((char) c);
            } else {
                tooLong = true;
            }
        }
    }

    /** The next line that is not blank (blank lines are not records), or null at the end of the input. */
    public Line nextNonBlank() throws IOException {
        Line line;
        do {
            line = next();
        } while (line != null && line.isBlank());
        return line;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
