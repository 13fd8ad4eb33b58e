package fr.ais.consolidation.serving;

import fr.ais.settings.Setting;
import fr.ais.settings.SettingGroup;
import fr.ais.settings.Settings;

/**
 * Where the REST API, dashboard and metrics listen, and the token they require.
 *
 * @param host  interface to bind (loopback by default: exposing it is a deliberate choice)
 * @param port  TCP port, 0 for a free one
 * @param token bearer token required by /api, /internal and /metrics; null or empty: none
 */
public record ServingConfig(String host, int port, String token) {

    public static final SettingGroup SETTINGS = new SettingGroup("REST API, dashboard and metrics");
    public static final Setting<String> HOST = SETTINGS.add(Setting.string("serving.host", "127.0.0.1",
            "Interface the REST API, dashboard and metrics listen on (0.0.0.0: every interface).")
            .validatedBy(s -> !s.isBlank() && !s.contains(" "), "a host name or IP address"));
    public static final Setting<Integer> PORT = SETTINGS.add(Setting.integer("serving.port", 8088,
            "Port of the REST API, dashboard and metrics (0: a free port).")
            .validatedBy(p -> p >= 0 && p <= 65535, "0 to 65535"));
    public static final Setting<String> TOKEN = SETTINGS.add(Setting.string("serving.token", "",
            "Bearer token required by /api, /internal and /metrics (not set: none; /health and /ready stay open).")
            .secret());

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
