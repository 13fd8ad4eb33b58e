package fr.ais.ingest.ouiform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.Rejection;
import fr.ais.ingest.testing.ExportFixture;
import fr.ais.ingest.testing.JsonExportFixture;
import fr.ais.schemas.RejectReason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SPEC §3.3: an API item is checked and mapped exactly like a line of the export")
class OuiFormApiItemTest {

    private static final ReadContext API = new ReadContext("api", StandardCharsets.UTF_8, ExportFixture.PSEUDONYMIZER);
    private final OuiFormRecordMapper mapper = new OuiFormRecordMapper();

    @Test
    void an_item_as_text_or_as_a_parsed_node_gives_the_same_event() throws Exception {
        JsonNode item = JsonExportFixture.JSON.readTree(OuiFormExport.EXAMPLE);
        ParsedRecord fromText = mapper.map(OuiFormExport.EXAMPLE, 3, API);
        ParsedRecord fromNode = mapper.map(item, 3, API);
        assertThat(fromText).isInstanceOf(ParsedRecord.Accepted.class).isEqualTo(fromNode);
        assertThat(fromText.line()).isEqualTo(3);
        assertThat(((ParsedRecord.Accepted) fromText).event().getOrigin()).isEqualTo("api");

        ParsedRecord fromFile = OuiFormExport.EXPORT.readOne(OuiFormExport.EXAMPLE);
        var fileEvent = ((ParsedRecord.Accepted) fromFile).event();
        fileEvent.setOrigin("api");
        assertThat(((ParsedRecord.Accepted) fromText).event()).isEqualTo(fileEvent);
    }

    @Test
    void a_rejected_item_is_named_by_its_index_in_the_page() {
        Rejection rejection = ((ParsedRecord.Rejected) mapper.map(OuiFormExport.EXPORT.with("session.regionCode", "99"), 7, API)).rejection();
        assertThat(rejection.reason()).isEqualTo(RejectReason.BAD_REGION);
        assertThat(rejection.message()).startsWith("api item 7, record 7F1C2A9E-0001, field session.regionCode");
    }

    @Test
    void an_item_that_is_not_an_object_is_a_parse_error() {
        ParsedRecord record = mapper.map(JsonExportFixture.JSON.getNodeFactory().textNode("1234567A"), 0, API);
        Rejection rejection = ((ParsedRecord.Rejected) record).rejection();
        assertThat(rejection.reason()).isEqualTo(RejectReason.PARSE_ERROR);
        assertThat(rejection.excerpt()).doesNotContain("1234567A");
        assertThat(((ParsedRecord.Rejected) mapper.map((JsonNode) null, 0, API)).rejection().reason()).isEqualTo(RejectReason.PARSE_ERROR);
    }
}
