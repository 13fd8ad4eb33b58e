package fr.ais.ingest;

import java.util.HexFormat;
import javax.crypto.Mac;

/**
 * A keyed digest of a raw input record (HMAC-SHA-256 with a key derived from the pseudonym key), computed over its
 * bytes as they were read: the identity of a rejected record, the same whenever and under whatever file name it is
 * delivered again. Keyed, never a plain hash: the raw record holds personal data, and a plain hash of a record
 * whose every field but the identifier is known could be reversed by trying candidate identifiers.
 * Not thread-safe: one per reader.
 */
public final class RecordDigest {

    private final Mac mac;

    RecordDigest(Mac mac) {
        this.mac = mac;
    }

    /** Adds bytes of the record. */
    public void update(byte[] bytes, int offset, int length) {
        mac.update(bytes, offset, length);
    }

    /** The digest of the bytes added since the last one, as 64 lower-case hex digits; starts the next record. */
    public String finish() {
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** The digest of one whole record. */
    public String of(byte[] bytes, int offset, int length) {
        update(bytes, offset, length);
        return finish();
    }

    /** The digest of one whole record. */
    public String of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }
}
