package fr.ais.ingest.parsing;

import fr.ais.ingest.InputFormatException;
import fr.ais.ingest.RecordDigest;
import fr.ais.ingest.ReadContext;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The physical lines of a text export, one at a time, in constant memory, each decoded strictly.
 *
 * <p>Lines are split on their bytes (LF, CRLF or a lone CR), then each line is decoded on its own with
 * {@link CodingErrorAction#REPORT}: a line holding bytes that are not valid in the charset comes back
 * {@link Line#undecodable() undecodable}, never altered (a replacement character would make two keys differing only
 * in those bytes one), and the next line is read as usual. Splitting on bytes needs a charset where CR and LF are
 * those single bytes and never part of another character: UTF-8, ISO-8859-1 and the other ASCII-compatible ones.
 *
 * <p>A UTF-8 byte order mark at the very start is skipped whatever the charset (a legacy ISO-8859-1 export re-saved
 * by a spreadsheet may carry one); a UTF-16 one makes the input unusable. A line longer than {@code maxChars} is not
 * kept in memory: it comes back {@link Line#tooLong() too long}, holding its first {@code maxChars} characters, so
 * the format can reject it and carry on with the next line.
 */
public final class PhysicalLines implements Closeable {

    /** Default bound on a line: far above any real record, low enough to keep memory constant. */
    public static final int DEFAULT_MAX_CHARS = 64 * 1024;

    /**
     * One physical line.
     *
     * @param number      1-based line number in the input
     * @param text        the line without its line end (cut at the bound when too long); for an undecodable line,
     *                    its lenient decoding with U+FFFD in place of the bad bytes, for diagnostics only
     * @param tooLong     whether the line was longer than the bound
     * @param undecodable where the line stops decoding, or null when it decodes
     */
    public record Line(long number, String text, boolean tooLong, Undecodable undecodable) {

        public Line(long number, String text, boolean tooLong) {
            this(number, text, tooLong, null);
        }

        /**
         * Whether the line holds only white space as the field rules mean it ({@link FieldRules#isWhiteSpace}): no
         * record. A line of control characters alone is not blank: it is rejected, as it would be anywhere else.
         */
        public boolean isBlank() {
            if (tooLong || undecodable != null) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                if (!FieldRules.isWhiteSpace(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The first bytes of a line that are not valid in its charset.
     *
     * @param charset   the input's charset
     * @param byteIndex 1-based position in the line's bytes where the bad sequence starts
     * @param charIndex 0-based index in the line's lenient text of the replacement character standing for it
     * @param bytes     the bad sequence, as {@code 0xC9} or {@code 0xED 0xA0}
     */
    public record Undecodable(Charset charset, int byteIndex, int charIndex, String bytes) {

        /** {@code bytes not valid UTF-8 at byte 12 (0xC9)}: never a value, only its position. */
        public String describe() {
            return "bytes not valid " + charset.name() + " at byte " + byteIndex + " (" + bytes + ")";
        }
    }

    private static final int READ_AHEAD = 64 * 1024;

    private final InputStream in;
    private final Charset charset;
    private final int maxChars;
    private final int maxBytes;
    private final CharsetDecoder decoder;
    private final byte[] buffer = new byte[READ_AHEAD];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int lineLength;
    private CharBuffer chars = CharBuffer.allocate(256);
    private long lineNumber;
    private boolean pendingCr;
    private boolean ended;
    /** Null when no digest is asked for (readers outside a connector). */
    private final RecordDigest digest;
    /** Whether the line in progress is past the bound: its bytes then go to the digest as they come. */
    private boolean digesting;
    private String cutLineDigest;

    public PhysicalLines(InputStream in, Charset charset) throws IOException {
        this(in, charset, DEFAULT_MAX_CHARS, "", null);
    }

    public PhysicalLines(InputStream in, Charset charset, int maxChars) throws IOException {
        this(in, charset, maxChars, "", null);
    }

    /**
     * The lines of one input of a connector: its charset, its origin to name it in messages, and its pseudonym key
     * for the {@linkplain #digest() digests} of the lines.
     */
    public PhysicalLines(InputStream in, ReadContext context) throws IOException {
        this(in, context.charset(), DEFAULT_MAX_CHARS, context.origin() + ": ", context.pseudonymizer().recordDigest());
    }

    /** For tests of the bound: a connector's lines with another bound. */
    PhysicalLines(InputStream in, ReadContext context, int maxChars) throws IOException {
        this(in, context.charset(), maxChars, context.origin() + ": ", context.pseudonymizer().recordDigest());
    }

    private PhysicalLines(InputStream in, Charset charset, int maxChars, String messagePrefix, RecordDigest digest)
            throws IOException {
        requireLineBytes(charset);
        this.digest = digest;
        this.in = in;
        this.charset = charset;
        this.maxChars = maxChars;
        // a character takes at most 4 bytes in the charsets accepted: more bytes than that are too many characters
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 8, 4L * maxChars);
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        skipByteOrderMark(messagePrefix);
    }

    /**
     * Whether exports in {@code charset} can be read: lines are split on the bytes of CR and LF, so they must be those
     * single bytes (UTF-8, ISO-8859-1 and the other ASCII-compatible charsets; not UTF-16 or UTF-32). For a command
     * to check its charset option before any file is read.
     */
    public static boolean supports(Charset charset) {
        if (!charset.canEncode()) {
            return false;
        }
        try {
            ByteBuffer encoded = charset.newEncoder().encode(CharBuffer.wrap("\r\n"));
            byte[] lineEnd = new byte[encoded.remaining()];
            encoded.get(lineEnd);
            return Arrays.equals(lineEnd, new byte[] {'\r', '\n'});
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void requireLineBytes(Charset charset) {
        if (!supports(charset)) {
            throw new IllegalArgumentException("cannot read exports in " + charset.name()
                    + ": lines are split on the bytes of CR and LF; use UTF-8 or ISO-8859-1");
        }
    }

    private void skipByteOrderMark(String messagePrefix) throws IOException {
        while (limit < 3 && fillMore()) {
            // at least three bytes, or the whole input
        }
        if (limit >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
            position = 3;
        } else if (limit >= 2 && ((buffer[0] & 0xFF) == 0xFF && (buffer[1] & 0xFF) == 0xFE
                || (buffer[0] & 0xFF) == 0xFE && (buffer[1] & 0xFF) == 0xFF)) {
            throw new InputFormatException(messagePrefix + "the file starts with a UTF-16 byte order mark (0x"
                    + HexFormat.of().withUpperCase().formatHex(buffer, 0, 2) + "): it is UTF-16, which is not read; save it as UTF-8");
        }
    }

    /** Appends what the input gives to the buffer; false at its end. */
    private boolean fillMore() throws IOException {
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            return false;
        }
        limit += n;
        return true;
    }

    /** Refills the consumed buffer; false at the end of the input. */
    private boolean refill() throws IOException {
        position = 0;
        limit = 0;
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        limit = n;
        return true;
    }

    /** The next physical line, blank or not, or null at the end of the input. */
    public Line next() throws IOException {
        if (ended) {
            return null;
        }
        if (pendingCr) {
            pendingCr = false;
            if (position == limit && !refill()) {
                ended = true;
                return null;
            }
            if (buffer[position] == '\n') {
                position++; // the LF of a CRLF
            }
        }
        lineLength = 0;
        digesting = false;
        cutLineDigest = null;
        long length = 0;
        while (true) {
            if (position == limit && !refill()) {
                ended = true;
                if (length == 0) {
                    return null; // nothing after the last line end
                }
                return decode(length);
            }
            int start = position;
            int end = start;
            while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
                end++;
            }
            keep(start, end - start);
            length += end - start;
            if (end < limit) {
                pendingCr = buffer[end] == '\r';
                position = end + 1;
                return decode(length);
            }
            position = end;
        }
    }

    /**
     * Keeps the line's bytes up to the bound; the rest is counted, not kept, and goes to the digest: a line too long
     * is still known by all its bytes.
     */
    private void keep(int from, int count) {
        if (digesting) {
            digest.update(buffer, from, count);
            return;
        }
        int room = maxBytes - lineLength;
        int kept = Math.min(room, count);
        if (kept < count && digest != null) {
            digest.update(line, 0, lineLength);
            digest.update(buffer, from, count);
            digesting = true;
        }
        if (kept <= 0) {
            return;
        }
        if (lineLength + kept > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxBytes, Math.max(2L * line.length, lineLength + kept)));
        }
        System.arraycopy(buffer, from, line, lineLength, kept);
        lineLength += kept;
    }

    private Line decode(long length) {
        long number = ++lineNumber;
        if (length > lineLength) {
            cutLineDigest = digesting ? digest.finish() : null;
            // cut: too long whatever its characters; its start is shown leniently, for diagnostics only
            String start = new String(line, 0, lineLength, charset);
            return new Line(number, start.substring(0, Math.min(maxChars, start.length())), true);
        }
        int capacity = (int) Math.ceil(lineLength * (double) decoder.maxCharsPerByte()) + 1;
        if (chars.capacity() < capacity) {
            chars = CharBuffer.allocate(capacity);
        }
        chars.clear();
        decoder.reset();
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, lineLength);
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            int at = bytes.position();
            String bad = HexFormat.ofDelimiter(" ").withPrefix("0x").withUpperCase()
                    .formatHex(line, at, Math.min(lineLength, at + result.length()));
            String lenient = new String(line, 0, lineLength, charset);
            boolean tooLong = lenient.length() > maxChars;
            return new Line(number, tooLong ? lenient.substring(0, maxChars) : lenient, tooLong,
                    new Undecodable(charset, at + 1, chars.position(), bad));
        }
        chars.flip();
        if (chars.remaining() > maxChars) {
            return new Line(number, chars.subSequence(0, maxChars).toString(), true);
        }
        return new Line(number, chars.toString(), false);
    }

    /** The next line that is not blank (blank lines are not records), or null at the end of the input. */
    public Line nextNonBlank() throws IOException {
        Line line;
        do {
            line = next();
        } while (line != null && line.isBlank());
        return line;
    }

    /**
     * The keyed digest of the raw bytes of the line last returned (without its line end, nor the byte order mark of
     * the file): the identity of the record it holds, whatever the file's name (see {@link RecordDigest}).
     *
     * @throws IllegalStateException when these lines were not opened for a connector's input
     */
    public String digest() {
        if (digest == null) {
            throw new IllegalStateException("these lines have no record digest: open them with the input's ReadContext");
        }
        return cutLineDigest != null ? cutLineDigest : digest.of(line, 0, lineLength);
    }

    /** The input's charset. */
    public Charset charset() {
        return charset;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
