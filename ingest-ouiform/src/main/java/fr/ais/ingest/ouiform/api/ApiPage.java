package fr.ais.ingest.ouiform.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One page of the API: its items, in {@code updatedAt} order, and the cursor of the next page.
 *
 * @param items      each item as read (leniently: an item over the JSON reader's limits is still there)
 * @param texts      each item's JSON text as served, the same item at the same index: what is checked, exactly as
 *                   a line of the JSON Lines export is checked (same limits, same rejection reasons)
 * @param nextCursor null on the last page
 */
public record ApiPage(List<JsonNode> items, List<String> texts, String nextCursor) {

    public ApiPage {
        items = List.copyOf(items);
        texts = List.copyOf(texts);
        if (items.size() != texts.size()) {
            throw new IllegalArgumentException(items.size() + " items but " + texts.size() + " texts");
        }
    }

    /** A page of items whose text is their compact JSON (a page built in memory rather than served). */
    public ApiPage(List<JsonNode> items, String nextCursor) {
        this(items, items.stream().map(JsonNode::toString).toList(), nextCursor);
    }

    public boolean isLast() {
        return nextCursor == null;
    }
}
