package fr.ais.ingest.ouiform.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ais.ingest.parsing.FieldRules;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The newest item versions published from the API: the greatest {@code updatedAt} seen, and the ids of the items
 * published at exactly that instant.
 *
 * <p>A new pass asks for {@code updatedSince = } that instant, and the API's {@code updatedSince} is inclusive:
 * it serves again the items at that instant (rather than risk missing one updated in the same second). Those
 * versions, same id and same {@code updatedAt}, were already published and are skipped; any other item, even at
 * that instant, is new. Only the ties at the greatest instant are kept, so this stays small (ties are rare; a
 * burst of many items in the same instant costs one id each in the checkpoint until a later item arrives).
 *
 * <p>The API serves items in {@code updatedAt} order, so an item older than the newest instant published was
 * published already: a page served twice (by the server, or a cache in front of it) is skipped, not published
 * again.
 *
 * <p>An item is known by its {@code id}; one without an id by the SHA-256 of its JSON text. An item whose
 * {@code updatedAt} cannot be read is never skipped and does not move the newest instant.
 */
final class NewestVersions {

    private Instant newest;
    private final Set<String> idsAtNewest = new LinkedHashSet<>();

    NewestVersions(Instant newest, List<String> idsAtNewest) {
        this.newest = newest;
        if (newest != null && idsAtNewest != null) {
            this.idsAtNewest.addAll(idsAtNewest);
        }
    }

    static NewestVersions none() {
        return new NewestVersions(null, List.of());
    }

    /** The greatest {@code updatedAt} published, or null. */
    Instant newest() {
        return newest;
    }

    List<String> idsAtNewest() {
        return new ArrayList<>(idsAtNewest);
    }

    /** True when this very version (id and updatedAt) was already published, or an older one than the newest. */
    boolean alreadyPublished(JsonNode item) {
        Instant at = updatedAt(item);
        return at != null && newest != null
                && (at.isBefore(newest) || at.equals(newest) && idsAtNewest.contains(versionId(item)));
    }

    /** Records that {@code item} was published (as an event or a dead letter). */
    void published(JsonNode item) {
        Instant at = updatedAt(item);
        if (at == null) {
            return;
        }
        if (newest == null || at.isAfter(newest)) {
            newest = at;
            idsAtNewest.clear();
        }
        if (at.equals(newest)) {
            idsAtNewest.add(versionId(item));
        }
    }

    static Instant updatedAt(JsonNode item) {
        JsonNode value = item == null ? null : item.get("updatedAt");
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            // as strict as the mapper: a five-digit year would move the next pass beyond every real item
            return OffsetDateTime.parse(value.asText(), FieldRules.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String versionId(JsonNode item) {
        JsonNode id = item.get("id");
        if (id != null && id.isValueNode() && !id.asText().isBlank()) {
            return id.asText();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(item.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
