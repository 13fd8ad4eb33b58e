package fr.ais.ingest;

import fr.ais.ingest.parsing.FieldRules;
import fr.ais.schemas.IdentifierType;
import fr.ais.schemas.PersonId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms of person identifiers: HMAC-SHA-256 of {@code "<TYPE>:<normalised value>"}.
 *
 * <p>The three connectors share one secret key, so the same person still links across sources;
 * without the key a pseudonym cannot be traced back by hashing candidate identifiers. Rotating the
 * key changes every pseudonym: it takes a full replay of the sources.
 */
public final class Pseudonymizer {

    private static final String ALGORITHM = "HmacSHA256";
    /** Derives the record digests' key from the pseudonym key: no digest of a record is ever a pseudonym. */
    private static final byte[] RECORD_DIGEST_LABEL = "ais record digest v1".getBytes(StandardCharsets.UTF_8);
    private final SecretKeySpec key;
    private final SecretKeySpec recordKey;

    public Pseudonymizer(byte[] secretKey) {
        if (secretKey == null || secretKey.length < 16) {
            throw new IllegalArgumentException("the pseudonym key must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(secretKey.clone(), ALGORITHM);
        this.recordKey = new SecretKeySpec(mac(key).doFinal(RECORD_DIGEST_LABEL), ALGORITHM);
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** A new digest of raw records, keyed by this pseudonym key (see {@link RecordDigest}). */
    public RecordDigest recordDigest() {
        return new RecordDigest(mac(recordKey));
    }

    /** Identifiers are compared after normalisation: trim, then upper-case (SPEC §3). */
    public static String normalise(String identifier) {
        return FieldRules.normaliseKey(identifier);
    }

    public PersonId pseudonymise(IdentifierType type, String rawValue) {
        byte[] digest = mac(key).doFinal((type.name() + ":" + normalise(rawValue)).getBytes(StandardCharsets.UTF_8));
        return new PersonId(type, HexFormat.of().formatHex(digest));
    }

    @Override
    public String toString() {
        return "Pseudonymizer[key=****]";
    }
}
