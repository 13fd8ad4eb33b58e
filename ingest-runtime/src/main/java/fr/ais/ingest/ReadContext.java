package fr.ais.ingest;

import java.nio.charset.Charset;

/**
 * What a reader needs besides the bytes.
 *
 * @param origin        the input's name as it appears on events and dead letters: a file name without
 *                      directory, or {@code api}
 * @param charset       the input's character set (UTF-8 unless an option says otherwise)
 * @param pseudonymizer turns person identifiers into keyed pseudonyms
 */
public record ReadContext(String origin, Charset charset, Pseudonymizer pseudonymizer) {
}
