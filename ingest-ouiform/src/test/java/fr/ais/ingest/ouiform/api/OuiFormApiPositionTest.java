package fr.ais.ingest.ouiform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ais.schemas.ConnectorCheckpoint;
import fr.ais.schemas.ConnectorCheckpointKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SPEC §3.3: the API position survives a restart, and a new pass skips only the versions already published")
class OuiFormApiPositionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = ApiFixtures.START;
    private static final ConnectorCheckpointKey KEY = new ConnectorCheckpointKey("ingest-ouiform", "api:http://x");

    private static JsonNode item(int i, Instant at) throws Exception {
        return JSON.readTree(ApiFixtures.item(i, at, false));
    }

    @Test
    void only_the_same_id_at_the_newest_instant_is_skipped() throws Exception {
        NewestVersions newest = NewestVersions.none();
        newest.published(item(1, T));
        newest.published(item(2, T.plusSeconds(1)));
        newest.published(item(3, T.plusSeconds(1)));

        assertThat(newest.newest()).isEqualTo(T.plusSeconds(1));
        assertThat(newest.idsAtNewest()).containsExactly(ApiFixtures.id(2), ApiFixtures.id(3));
        assertThat(newest.alreadyPublished(item(2, T.plusSeconds(1)))).isTrue();
        assertThat(newest.alreadyPublished(item(4, T.plusSeconds(1)))).as("a new id in the tie").isFalse();
        assertThat(newest.alreadyPublished(item(2, T.plusSeconds(2)))).as("a newer version").isFalse();

        newest.published(item(2, T.plusSeconds(2)));
        assertThat(newest.idsAtNewest()).containsExactly(ApiFixtures.id(2));
    }

    @Test
    void an_item_without_id_is_known_by_its_content_and_one_without_a_readable_date_is_never_skipped() throws Exception {
        NewestVersions newest = NewestVersions.none();
        JsonNode noId = JSON.readTree("{\"updatedAt\":\"2021-03-01T08:00:00Z\",\"status\":\"SENT\"}");
        JsonNode badDate = JSON.readTree("{\"id\":\"a\",\"updatedAt\":\"yesterday\"}");
        newest.published(noId);
        newest.published(badDate);

        assertThat(newest.alreadyPublished(noId.deepCopy())).isTrue();
        assertThat(newest.alreadyPublished(badDate)).isFalse();
        assertThat(newest.newest()).isEqualTo(T);
        assertThat(newest.idsAtNewest()).singleElement().asString().startsWith("sha256:");
    }

    @Test
    void a_rejected_item_dated_beyond_year_9999_does_not_move_the_next_pass_past_every_real_item() throws Exception {
        NewestVersions newest = NewestVersions.none();
        newest.published(item(1, T));
        newest.published(JSON.readTree("{\"id\":\"far\",\"updatedAt\":\"+12021-03-01T08:00:00Z\"}"));

        assertThat(newest.newest()).isEqualTo(T);
        assertThat(newest.idsAtNewest()).containsExactly(ApiFixtures.id(1));
    }

    @Test
    void the_checkpoint_holds_everything_a_restart_needs() throws Exception {
        ApiPosition position = ApiPosition.first();
        position.newest().published(item(1, T));
        position.accepted();
        position.rejected();
        position.pageDone(new ApiPage(List.of(item(1, T)), "cursor-2"));

        ConnectorCheckpoint checkpoint = position.checkpoint(KEY, 12, T);
        ApiPosition restored = ApiPosition.of(checkpoint);

        assertThat(checkpoint.getComplete()).isFalse();
        assertThat(restored.passEnded()).isFalse();
        assertThat(restored.cursor()).isEqualTo("cursor-2");
        assertThat(restored.nextPage()).isEqualTo(2);
        assertThat(restored.nextItemIndex()).isEqualTo(3);
        assertThat(restored.newest().alreadyPublished(item(1, T))).isTrue();
        assertThat(restored.checkpoint(KEY, 12, T)).isEqualTo(checkpoint);
    }

    @Test
    void after_the_last_page_the_next_pass_starts_from_the_newest_instant() throws Exception {
        ApiPosition position = ApiPosition.first();
        position.newest().published(item(1, T.plusSeconds(30)));
        position.pageDone(new ApiPage(List.of(), null));
        ApiPosition restored = ApiPosition.of(position.checkpoint(KEY, 1, T));

        assertThat(restored.passEnded()).isTrue();
        restored.startNextPass();
        assertThat(restored.cursor()).isNull();
        assertThat(restored.updatedSince()).isEqualTo(T.plusSeconds(30));
        assertThat(restored.nextPage()).isEqualTo(1);
    }

    @Test
    void a_checkpoint_written_before_these_fields_existed_reads_as_nothing_seen() {
        ConnectorCheckpoint old = ConnectorCheckpoint.newBuilder().setConnector("ingest-ouiform").setInput("api:http://x")
                .setRecordsDone(0).setComplete(false).setUpdatedAt(T).build();
        ApiPosition position = ApiPosition.of(old);
        assertThat(position.cursor()).isNull();
        assertThat(position.nextPage()).isEqualTo(1);
        assertThat(position.newest().newest()).isNull();
    }
}
