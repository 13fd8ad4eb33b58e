package fr.ais.ingest.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SPEC §3: exports are read line by line, LF or CRLF, a UTF-8 BOM tolerated, each line decoded strictly, in constant memory")
class PhysicalLinesTest {

    private static List<PhysicalLines.Line> all(byte[] bytes, Charset charset, int max) throws IOException {
        List<PhysicalLines.Line> lines = new ArrayList<>();
        try (PhysicalLines reader = new PhysicalLines(new ByteArrayInputStream(bytes), charset, max)) {
            PhysicalLines.Line line;
            while ((line = reader.next()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void lf_crlf_and_lone_cr_all_end_a_line_and_a_final_line_end_adds_no_line() throws IOException {
        List<PhysicalLines.Line> lines = all("a\nb\r\nc\rd\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, 100);
        assertThat(lines).extracting(PhysicalLines.Line::text).containsExactly("a", "b", "c", "d");
        assertThat(lines).extracting(PhysicalLines.Line::number).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void empty_lines_are_lines_and_next_non_blank_skips_them() throws IOException {
        byte[] bytes = "\n\r\n  \nx\n\n".getBytes(StandardCharsets.UTF_8);
        assertThat(all(bytes, StandardCharsets.UTF_8, 100)).hasSize(5);
        try (PhysicalLines reader = new PhysicalLines(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            PhysicalLines.Line line = reader.nextNonBlank();
            assertThat(line.number()).isEqualTo(4);
            assertThat(line.text()).isEqualTo("x");
            assertThat(reader.nextNonBlank()).isNull();
        }
    }

    @Test
    void a_utf8_bom_is_skipped_whatever_the_charset() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.write("é;1".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(all(out.toByteArray(), StandardCharsets.ISO_8859_1, 100)).extracting(PhysicalLines.Line::text).containsExactly("é;1");
        assertThat(all(new byte[] {(byte) 0xEF, (byte) 0xBB}, StandardCharsets.ISO_8859_1, 100)).hasSize(1);
        assertThat(all(new byte[0], StandardCharsets.UTF_8, 100)).isEmpty();
    }

    @Test
    void a_line_over_the_bound_is_cut_flagged_and_the_next_line_is_intact() throws IOException {
        List<PhysicalLines.Line> lines = all("0123456789ABC\nnext".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, 10);
        assertThat(lines.get(0).text()).isEqualTo("0123456789");
        assertThat(lines.get(0).tooLong()).isTrue();
        assertThat(lines.get(0).isBlank()).isFalse();
        assertThat(lines.get(1).text()).isEqualTo("next");
        assertThat(lines.get(1).tooLong()).isFalse();
    }

    @Test
    void an_endless_input_is_read_one_line_at_a_time() throws IOException {
        InputStream endless = new InputStream() {
            private final byte[] line = "record\n".getBytes(StandardCharsets.US_ASCII);
            private long position;

            @Override
            public int read() {
                return line[(int) (position++ % line.length)];
            }
        };
        try (PhysicalLines reader = new PhysicalLines(endless, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= 100_000; i++) {
                assertThat(reader.next().number()).isEqualTo(i);
            }
        }
    }

    @Test
    void a_line_with_bytes_not_valid_in_the_charset_is_flagged_where_they_start_and_the_next_line_is_intact() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("ok\nCr".getBytes(StandardCharsets.UTF_8));
        out.write(0xE9); // Latin-1's é, a lone lead byte in UTF-8
        out.write("teil;é\nnext".getBytes(StandardCharsets.UTF_8));

        List<PhysicalLines.Line> lines = all(out.toByteArray(), StandardCharsets.UTF_8, 100);

        assertThat(lines).extracting(PhysicalLines.Line::text).containsExactly("ok", "Cr\uFFFDteil;é", "next");
        assertThat(lines.get(0).undecodable()).isNull();
        PhysicalLines.Undecodable bad = lines.get(1).undecodable();
        assertThat(bad.byteIndex()).isEqualTo(3);
        assertThat(bad.charIndex()).isEqualTo(2);
        assertThat(bad.describe()).isEqualTo("bytes not valid UTF-8 at byte 3 (0xE9)");
        assertThat(lines.get(1).isBlank()).isFalse();
        assertThat(lines.get(2).undecodable()).isNull();
    }

    @Test
    void utf8_encoded_surrogates_and_a_sequence_cut_by_the_line_end_do_not_decode() throws IOException {
        byte[] cesu = {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n', 'b', (byte) 0xC3, '\n'};
        List<PhysicalLines.Line> lines = all(cesu, StandardCharsets.UTF_8, 100);
        assertThat(lines).allSatisfy(line -> assertThat(line.undecodable()).isNotNull());
        assertThat(lines.get(0).undecodable().bytes()).startsWith("0xED");
        assertThat(lines.get(1).undecodable().describe()).isEqualTo("bytes not valid UTF-8 at byte 2 (0xC3)");
    }

    @Test
    void characters_arriving_one_byte_at_a_time_decode_whole() throws IOException {
        byte[] bytes = "Créteil;Orléans\r\nœuvre".getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new InputStream() {
            private int position;

            @Override
            public int read() {
                return position < bytes.length ? bytes[position++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int c = read();
                if (c < 0) {
                    return -1;
                }
                b[off] = (byte) c;
                return 1;
            }
        };
        try (PhysicalLines reader = new PhysicalLines(trickle, StandardCharsets.UTF_8)) {
            assertThat(reader.next().text()).isEqualTo("Créteil;Orléans");
            assertThat(reader.next().text()).isEqualTo("œuvre");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void iso_8859_1_decodes_every_byte() throws IOException {
        byte[] bytes = {(byte) 0xC9, (byte) 0xE9, (byte) 0xFF, '\n'};
        assertThat(all(bytes, StandardCharsets.ISO_8859_1, 100)).singleElement()
                .satisfies(line -> assertThat(line.undecodable()).isNull())
                .extracting(PhysicalLines.Line::text).isEqualTo("Ééÿ");
    }

    @Test
    void a_charset_whose_line_ends_are_not_single_bytes_is_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new PhysicalLines(new ByteArrayInputStream(new byte[0]), StandardCharsets.UTF_16LE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UTF-16LE");
        assertThat(PhysicalLines.supports(StandardCharsets.UTF_16)).isFalse();
        assertThat(PhysicalLines.supports(StandardCharsets.UTF_8)).isTrue();
        assertThat(PhysicalLines.supports(StandardCharsets.ISO_8859_1)).isTrue();
        assertThat(PhysicalLines.supports(java.nio.charset.Charset.forName("windows-1252"))).isTrue();
    }

    @Test
    void a_too_long_line_is_cut_in_memory_even_without_line_end() throws IOException {
        InputStream noLineEnd = new InputStream() {
            private long position;

            @Override
            public int read() {
                return position++ < 10_000_000 ? 'x' : -1;
            }
        };
        try (PhysicalLines reader = new PhysicalLines(noLineEnd, StandardCharsets.UTF_8, 1000)) {
            PhysicalLines.Line line = reader.next();
            assertThat(line.tooLong()).isTrue();
            assertThat(line.text()).hasSize(1000);
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void a_line_of_white_space_is_blank_and_one_of_control_characters_is_not() throws IOException {
        byte[] bytes = " \t\u00a0\u3000\n\u001f\n\u0000\n".getBytes(StandardCharsets.UTF_8);
        assertThat(all(bytes, StandardCharsets.UTF_8, 100)).extracting(PhysicalLines.Line::isBlank)
                .containsExactly(true, false, false);
    }

    private static final fr.ais.ingest.ReadContext CONTEXT = new fr.ais.ingest.ReadContext("x.csv", StandardCharsets.UTF_8,
            new fr.ais.ingest.Pseudonymizer("test-key-of-at-least-16-bytes".getBytes(StandardCharsets.UTF_8)));

    private static List<String> digests(byte[] bytes, int max) throws IOException {
        List<String> digests = new ArrayList<>();
        try (PhysicalLines reader = new PhysicalLines(new ByteArrayInputStream(bytes), CONTEXT, max)) {
            while (reader.next() != null) {
                digests.add(reader.digest());
            }
        }
        return digests;
    }

    @Test
    void a_line_is_known_by_the_keyed_digest_of_its_bytes_whatever_its_line_end_or_the_files_bom() throws IOException {
        List<String> lf = digests("a;1\nb;2\n".getBytes(StandardCharsets.UTF_8), 100);
        List<String> crlf = digests("\uFEFFa;1\r\nb;2".getBytes(StandardCharsets.UTF_8), 100);
        assertThat(crlf).isEqualTo(lf);
        assertThat(lf.get(0)).matches("[0-9a-f]{64}").isNotEqualTo(lf.get(1))
                .isEqualTo(CONTEXT.pseudonymizer().recordDigest().of("a;1".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void lines_over_the_bound_are_known_by_all_their_bytes_not_the_part_kept() throws IOException {
        String start = "x".repeat(5000);
        List<String> digests = digests((start + "A\n" + start + "B\n" + start + "A\n").getBytes(StandardCharsets.UTF_8), 10);
        assertThat(digests.get(0)).isNotEqualTo(digests.get(1)).isEqualTo(digests.get(2))
                .isEqualTo(CONTEXT.pseudonymizer().recordDigest().of((start + "A").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void undecodable_lines_differing_only_in_their_bad_bytes_have_different_digests() throws IOException {
        List<String> digests = digests(new byte[] {'k', (byte) 0xE9, '\n', 'k', (byte) 0xE8, '\n'}, 100);
        assertThat(digests.get(0)).isNotEqualTo(digests.get(1));
    }
}
