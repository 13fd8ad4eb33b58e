package fr.ais.cli;

import fr.ais.ingest.Pseudonymizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

/**
 * The connectors' shared pseudonym key: {@code AIS_PSEUDONYM_KEY}, or the file named by
 * {@code AIS_PSEUDONYM_KEY_FILE}. Never printed. Changing it changes every pseudonym: a key
 * rotation means replaying the sources.
 */
final class PseudonymKey {

    private PseudonymKey() {
    }

    static Pseudonymizer fromEnvironment(Map<String, String> env) {
        String key = env.get("AIS_PSEUDONYM_KEY");
        String file = env.get("AIS_PSEUDONYM_KEY_FILE");
        try {
            if ((key == null || key.isEmpty()) && file != null && !file.isEmpty()) {
                key = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            }
        } catch (IOException e) {
            throw new UserException("cannot read the pseudonym key file named by AIS_PSEUDONYM_KEY_FILE: " + e.getMessage());
        }
        if (key == null || key.getBytes(StandardCharsets.UTF_8).length < 16) {
            throw new UserException("the connectors need a pseudonym key of at least 16 bytes:"
                    + " set AIS_PSEUDONYM_KEY or AIS_PSEUDONYM_KEY_FILE (the same for the three connectors)");
        }
        return new Pseudonymizer(key.getBytes(StandardCharsets.UTF_8));
    }

    /** A key that lives only as long as one run: links still match within it (replay, demo). */
    static Pseudonymizer ephemeral() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new Pseudonymizer(key);
    }
}
