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

@DisplayName("SPEC §3: exports are read line by line, LF or CRLF, a UTF-8 BOM tolerated, in constant memory")
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
}
