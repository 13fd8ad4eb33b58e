package fr.ais.ingest.ouiform.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One page of the API: its items, in {@code updatedAt} order, and the cursor of the next page.
 *
 * @param nextCursor null on the last page
 */
public record ApiPage(List<JsonNode> items, String nextCursor) {

    public ApiPage {
        items = List.copyOf(items);
    }

    public boolean isLast() {
        return nextCursor == null;
    }
}
