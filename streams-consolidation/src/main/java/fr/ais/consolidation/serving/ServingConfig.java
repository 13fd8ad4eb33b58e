package fr.ais.consolidation.serving;

import fr.ais.platform.settings.AisSettings;
import fr.ais.platform.settings.Setting;
import fr.ais.platform.settings.Settings;
import java.util.List;

/**
 * Where the REST API, dashboard and metrics listen, and the token they require.
 *
 * @param host  interface to bind (loopback by default: exposing it is a deliberate choice)
 * @param port  TCP port, 0 for a free one
 * @param token bearer token required by /api, /internal and /metrics; null or empty: none
 */
public record ServingConfig(String host, int port, String token) {

    public static final Setting<String> HOST = AisSettings.SERVING_HOST;
    public static final Setting<Integer> PORT = AisSettings.SERVING_PORT;
    public static final Setting<String> TOKEN = AisSettings.SERVING_TOKEN;
    /** The serving settings (also part of {@link AisSettings#ALL}). */
    public static final List<Setting<?>> SETTINGS = List.of(HOST, PORT, TOKEN);

    public ServingConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("serving host is required");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("serving port must be 0 to 65535, not " + port);
        }
        token = token == null || token.isEmpty() ? null : token;
    }

    public static ServingConfig from(Settings settings) {
        return new ServingConfig(settings.get(HOST), settings.get(PORT), settings.get(TOKEN));
    }

    public boolean requiresToken() {
        return token != null;
    }

    @Override
    public String toString() {
        // the token is a secret: never printed
        return "ServingConfig[host=" + host + ", port=" + port + ", token=" + (token == null ? "none" : "****") + "]";
    }
}
