package fr.ais.cli;

import fr.ais.ingest.Pseudonymizer;
import fr.ais.platform.settings.AisSettings;
import fr.ais.platform.settings.InvalidSettingsException;
import java.nio.charset.StandardCharsets;
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

    /** The connectors' key from the settings (environment variable or its {@code _FILE}), required. */
    static Pseudonymizer fromSettings(Map<String, String> env) {
        String key;
        try {
            key = AisSettings.resolve(env, Map.of()).get(AisSettings.PSEUDONYM_KEY);
        } catch (InvalidSettingsException e) {
            throw new UserException(e.getMessage(), e);
        }
        if (key.isEmpty()) {
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
