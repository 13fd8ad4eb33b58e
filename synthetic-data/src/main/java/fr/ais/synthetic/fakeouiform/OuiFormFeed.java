package fr.ais.synthetic.fakeouiform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * The OuiForm objects of a JSON Lines file, in {@code updatedAt} order, as the API pages them.
 *
 * <p>Each line is one object version and is served as its own item, like a change feed, so a file holding several
 * versions of one {@code id} serves them all. The sort is stable: equal {@code updatedAt} keep the file's order.
 * Lines that are not a JSON object, or have no parseable {@code updatedAt}, cannot be placed in the feed: they are
 * skipped and counted in {@link #skippedLines()}.
 */
final class OuiFormFeed {

    private static final String CURSOR_PREFIX = "pos:";

    record Item(Instant updatedAt, JsonNode object) {
    }

    /** One page: items and the cursor of the next page, null on the last one. */
    record Page(List<JsonNode> items, String nextCursor) {
    }

    private final List<Item> items;
    private final int skippedLines;

    private OuiFormFeed(List<Item> items, int skippedLines) {
        this.items = items;
        this.skippedLines = skippedLines;
    }

    static OuiFormFeed load(Path file, ObjectMapper mapper) throws IOException {
        List<Item> items = new ArrayList<>();
        int skipped = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Item item = parse(line, mapper);
                if (item == null) {
                    skipped++;
                } else {
                    items.add(item);
                }
            }
        }
        items.sort(Comparator.comparing(Item::updatedAt));
        return new OuiFormFeed(List.copyOf(items), skipped);
    }

    private static Item parse(String line, ObjectMapper mapper) {
        try {
            JsonNode node = mapper.readTree(line);
            if (node == null || !node.isObject()) {
                return null;
            }
            Instant updatedAt = parseInstant(node.path("updatedAt").asText(null));
            return updatedAt == null ? null : new Item(updatedAt, node);
        } catch (IOException | DateTimeParseException e) {
            return null;
        }
    }

    /** ISO-8601 instant ({@code ...Z}) or date-time with offset; null when absent. */
    static Instant parseInstant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    int size() {
        return items.size();
    }

    int skippedLines() {
        return skippedLines;
    }

    /**
     * A page of at most {@code limit} items: from the cursor's position when one is given (the cursor already
     * carries the {@code updatedSince} filter of the first page), else from the first item with
     * {@code updatedAt >= updatedSince} (all items when {@code updatedSince} is null).
     *
     * @throws IllegalArgumentException on a cursor this feed did not issue
     */
    Page page(Instant updatedSince, int limit, String cursor) {
        int start = cursor != null ? decodeCursor(cursor) : firstAtOrAfter(updatedSince);
        int end = Math.min(items.size(), start + limit);
        List<JsonNode> pageItems = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            pageItems.add(items.get(i).object());
        }
        return new Page(pageItems, end < items.size() ? encodeCursor(end) : null);
    }

    private int firstAtOrAfter(Instant since) {
        if (since == null) {
            return 0;
        }
        int lo = 0;
        int hi = items.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (items.get(mid).updatedAt().isBefore(since)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static String encodeCursor(int position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    private int decodeCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!text.startsWith(CURSOR_PREFIX)) {
                throw new IllegalArgumentException("unknown cursor");
            }
            int position = Integer.parseInt(text.substring(CURSOR_PREFIX.length()));
            if (position < 0 || position > items.size()) {
                throw new IllegalArgumentException("unknown cursor");
            }
            return position;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown cursor", e);
        }
    }
}
