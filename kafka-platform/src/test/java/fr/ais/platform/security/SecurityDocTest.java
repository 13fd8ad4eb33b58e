package fr.ais.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.platform.topics.TopicCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/security.md shows the principals and ACLs as the model generates them, for the production names.
 * After a change of the model: {@code -Dais.docs.update=true} rewrites the section, then review the diff.
 */
class SecurityDocTest {

    static final Path DOC = Path.of("..", "docs", "security.md");
    static final String BEGIN = "<!-- generated: principals and ACLs (SecurityDocTest) -->\n";
    static final String END = "<!-- end of generated section -->";

    @Test
    void the_principals_and_acls_of_docs_security_md_are_the_generated_ones() throws IOException {
        String generated = AclTable.markdown(ComponentAcls.forAll(TopicCatalogue.DEFAULT, "ais-consolidation"));
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("the generated section's start marker in " + DOC).isNotNegative();
        assertThat(end).as("its end marker").isGreaterThan(begin);
        if (Boolean.getBoolean("ais.docs.update")) {
            doc = doc.substring(0, begin + BEGIN.length()) + "\n" + generated + doc.substring(end);
            Files.writeString(DOC, doc, StandardCharsets.UTF_8);
            end = doc.indexOf(END);
        }
        assertThat(doc.substring(begin + BEGIN.length(), end))
                .as("docs/security.md is behind the ACL model: run this test with -Dais.docs.update=true")
                .isEqualTo("\n" + generated);
    }

    @Test
    void every_component_is_in_the_table() {
        String generated = AclTable.markdown(ComponentAcls.forAll(TopicCatalogue.DEFAULT, "ais-consolidation"));
        for (Component component : Component.values()) {
            assertThat(generated).contains("#### `User:ais-" + component.id() + "`");
        }
        assertThat(generated).contains("| transactional id | prefix | `ais-consolidation-` | Write, Describe |");
    }
}
