package fr.ais.ingest;

import fr.ais.settings.InvalidSettingsException;
import fr.ais.settings.Setting;
import fr.ais.settings.SettingGroup;
import fr.ais.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The connectors' shared pseudonym key: setting {@code pseudonym.key} ({@code AIS_PSEUDONYM_KEY}, or
 * the file named by {@code AIS_PSEUDONYM_KEY_FILE}). Never printed. Changing it changes every
 * pseudonym: a key rotation means replaying the sources.
 */
public final class PseudonymKey {

    public static final SettingGroup SETTINGS = new SettingGroup("pseudonyms");
    public static final Setting<String> KEY = SETTINGS.add(Setting.string("pseudonym.key", "",
            "Secret key of the identifier pseudonyms, shared by the three connectors (at least 16 bytes).").secret()
            .validatedBy(s -> s.isEmpty() || s.getBytes(StandardCharsets.UTF_8).length >= 16, "at least 16 bytes"));

    private PseudonymKey() {
    }

    /** The connectors' pseudonymizer; the key is required. */
    public static Pseudonymizer from(Settings settings) {
        String key = settings.get(KEY);
        if (key.isEmpty()) {
            throw InvalidSettingsException.of(KEY.name() + " (" + KEY.environmentVariable() + " or "
                    + KEY.environmentVariable() + "_FILE) is required by the connectors: a key of at least 16 bytes,"
                    + " the same for the three connectors");
        }
        return new Pseudonymizer(key.getBytes(StandardCharsets.UTF_8));
    }

    /** A key that lives only as long as one run: links still match within it (replay, demo). */
    public static Pseudonymizer ephemeral() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new Pseudonymizer(key);
    }
}
