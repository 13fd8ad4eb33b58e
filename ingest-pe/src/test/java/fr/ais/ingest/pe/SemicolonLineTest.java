package fr.ais.ingest.pe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SPEC §3.1: fields are `;`-separated, may be wrapped in double quotes and hold `;`, values are trimmed")
class SemicolonLineTest {

    private static List<String> values(String line) throws SemicolonLine.SyntaxException {
        return SemicolonLine.split(line).stream().map(SemicolonLine.Field::value).toList();
    }

    @Test
    void plain_fields_are_split_on_semicolons_and_trimmed() throws Exception {
        assertThat(values(" a ;b;; c\t")).containsExactly("a", "b", "", "c");
        assertThat(values("")).containsExactly("");
        assertThat(values(";")).containsExactly("", "");
    }

    @Test
    void a_quoted_field_holds_semicolons_and_doubled_quotes() throws Exception {
        assertThat(values("\"a;b\";\"say \"\"hi\"\"\";\"\"")).containsExactly("a;b", "say \"hi\"", "");
        assertThat(values("  \" padded \"  ;x")).containsExactly("padded", "x");
    }

    @Test
    void field_positions_cover_the_raw_field_quotes_included() throws Exception {
        String line = "a;  \"b;c\" ;d";
        List<SemicolonLine.Field> fields = SemicolonLine.split(line);
        assertThat(line.substring(fields.get(1).start(), fields.get(1).end())).isEqualTo("  \"b;c\" ");
        assertThat(line.substring(fields.get(2).start(), fields.get(2).end())).isEqualTo("d");
    }

    @Test
    void an_unclosed_quote_or_text_after_a_closing_quote_is_a_syntax_error() {
        assertThatThrownBy(() -> SemicolonLine.split("a;\"b;c")).isInstanceOf(SemicolonLine.SyntaxException.class)
                .hasMessageContaining("field 2").hasMessageContaining("not closed");
        assertThatThrownBy(() -> SemicolonLine.split("\"b\"x;c")).isInstanceOf(SemicolonLine.SyntaxException.class)
                .hasMessageContaining("after the closing quote");
    }

    @Property
    void quoting_any_values_then_splitting_gives_them_back_trimmed(
            @ForAll @Size(min = 1, max = 16) List<@StringLength(max = 12) @Chars({';', '"', ' ', 'a', 'é', '1'}) @CharRange(from = 'A', to = 'F') String> values) throws Exception {
        String line = values.stream().map(v -> "\"" + v.replace("\"", "\"\"") + "\"").collect(Collectors.joining(";"));
        assertThat(values(line)).isEqualTo(values.stream().map(String::trim).toList());
    }

    @Property
    void unquoted_values_without_semicolons_or_leading_quotes_are_split_as_is(
            @ForAll @Size(min = 1, max = 16) List<@StringLength(max = 12) @Chars({' ', 'x', '\t', '-', '"'}) @CharRange(from = '0', to = '9') String> values)
            throws Exception {
        List<String> safe = values.stream().map(v -> v.strip().startsWith("\"") ? "x" + v : v).toList();
        assertThat(values(String.join(";", safe))).isEqualTo(safe.stream().map(String::strip).toList());
    }
}
