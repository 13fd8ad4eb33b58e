package fr.ais.ingest.ouiform.api;

import fr.ais.settings.InvalidSettingsException;
import fr.ais.settings.Setting;
import fr.ais.settings.SettingGroup;
import fr.ais.settings.Settings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the OuiForm REST API is and the bearer token it takes.
 *
 * @param baseUrl e.g. {@code https://api.ouiform.example}
 * @param token   the bearer token; never printed
 */
public record OuiFormApiConfig(URI baseUrl, String token) {

    public static final SettingGroup SETTINGS = new SettingGroup("OuiForm API");
    public static final Setting<Optional<URI>> URL = SETTINGS.add(Setting.optional("ouiform.api.url", URI::create,
            "Base URL of the OuiForm REST API, e.g. https://ouiform.example/ (ais ouiform-api).")
            .validatedBy(u -> u.isEmpty() || ("http".equals(u.get().getScheme()) || "https".equals(u.get().getScheme()))
                    && u.get().getHost() != null, "an http(s) URL"));
    public static final Setting<String> TOKEN = SETTINGS.add(Setting.string("ouiform.token", "",
            "Bearer token of the OuiForm REST API.").secret());

    public OuiFormApiConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a bearer token is required");
        }
    }

    /** From the {@link #SETTINGS}; both are required. */
    public static OuiFormApiConfig from(Settings settings) {
        List<String> missing = new ArrayList<>();
        if (settings.get(URL).isEmpty()) {
            missing.add(URL.name() + " (" + URL.environmentVariable() + ") is required to read the OuiForm API");
        }
        if (settings.get(TOKEN).isBlank()) {
            missing.add(TOKEN.name() + " (" + TOKEN.environmentVariable() + " or " + TOKEN.environmentVariable()
                    + "_FILE) is required to read the OuiForm API");
        }
        if (!missing.isEmpty()) {
            throw new InvalidSettingsException(missing);
        }
        return new OuiFormApiConfig(settings.get(URL).get(), settings.get(TOKEN));
    }

    /** A client with the default retries. */
    public OuiFormApiClient client() {
        return new OuiFormApiClient(baseUrl, token);
    }

    @Override
    public String toString() {
        return "OuiFormApiConfig[baseUrl=" + baseUrl + ", token=****]";
    }
}
