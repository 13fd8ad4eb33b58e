package fr.ais.consolidation.serving;

import fr.ais.settings.Setting;
import fr.ais.settings.SettingGroup;
import fr.ais.settings.Settings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the REST API, dashboard and metrics listen, how peers reach them, and what they require.
 *
 * @param host           interface to bind (loopback by default: exposing it is a deliberate choice)
 * @param port           TCP port, 0 for a free one
 * @param token          bearer token required by everything but /health and /ready; null or empty: none
 * @param advertisedHost the host the other instances reach this one at ({@code application.server}): never a
 *                       wildcard address; null or empty: the bind host, or this machine's name when bound to
 *                       every interface
 * @param tls            the server's key store when it serves HTTPS; null: plain HTTP
 */
public record ServingConfig(String host, int port, String token, String advertisedHost, Tls tls) {

    /**
     * The server's certificate and key.
     *
     * @param keyStore its path
     * @param password of the store and of its key
     * @param type     PKCS12 or JKS
     */
    public record Tls(Path keyStore, String password, String type) {
        public Tls {
            Objects.requireNonNull(keyStore, "keyStore");
            password = password == null ? "" : password;
            type = type == null || type.isBlank() ? "PKCS12" : type;
        }

        @Override
        public String toString() {
            return "Tls[keyStore=" + keyStore + ", type=" + type + "]";
        }
    }

    public static final SettingGroup SETTINGS = new SettingGroup("REST API, dashboard and metrics");
    public static final Setting<String> HOST = SETTINGS.add(Setting.string("serving.host", "127.0.0.1",
            "Interface the REST API, dashboard and metrics listen on (0.0.0.0: every interface).")
            .validatedBy(s -> !s.isBlank() && !s.contains(" "), "a host name or IP address"));
    public static final Setting<Integer> PORT = SETTINGS.add(Setting.integer("serving.port", 8088,
            "Port of the REST API, dashboard and metrics (0: a free port).")
            .validatedBy(p -> p >= 0 && p <= 65535, "0 to 65535"));
    public static final Setting<String> TOKEN = SETTINGS.add(Setting.string("serving.token", "",
            "Bearer token required by everything but /health and /ready (not set: none).")
            .secret());
    public static final Setting<String> ADVERTISED_HOST = SETTINGS.add(Setting.string("serving.advertised.host", "",
            "Host the other instances reach this one at (Kafka Streams application.server), e.g. the pod's DNS name;"
                    + " not set: the bind host, or this machine's name when bound to every interface.")
            .validatedBy(s -> !s.contains(" ") && !isWildcard(s), "a host name or IP address, not 0.0.0.0 or ::"));
    public static final Setting<Optional<Path>> TLS_KEYSTORE = SETTINGS.add(Setting.optional("serving.tls.keystore",
            Path::of, "Key store (PKCS12 or JKS) of the server's certificate: HTTPS instead of HTTP; not set: HTTP."));
    public static final Setting<String> TLS_KEYSTORE_PASSWORD = SETTINGS.add(Setting.string(
            "serving.tls.keystore.password", "", "Password of the serving key store and of its key.").secret());
    public static final Setting<String> TLS_KEYSTORE_TYPE = SETTINGS.add(Setting.string("serving.tls.keystore.type",
            "PKCS12", "Type of the serving key store.")
            .validatedBy(s -> s.equals("PKCS12") || s.equals("JKS"), "PKCS12 or JKS"));

    public ServingConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("serving host is required");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("serving port must be 0 to 65535, not " + port);
        }
        token = token == null || token.isEmpty() ? null : token;
        if (advertisedHost == null || advertisedHost.isBlank()) {
            advertisedHost = defaultAdvertisedHost(host);
        } else if (isWildcard(advertisedHost)) {
            throw new IllegalArgumentException("the advertised host must be one peers can reach, not " + advertisedHost);
        }
    }

    /** Plain HTTP, the advertised host derived from the bind host. */
    public ServingConfig(String host, int port, String token) {
        this(host, port, token, null, null);
    }

    public static ServingConfig from(Settings settings) {
        Tls tls = settings.get(TLS_KEYSTORE).map(store -> new Tls(store, settings.get(TLS_KEYSTORE_PASSWORD),
                settings.get(TLS_KEYSTORE_TYPE))).orElse(null);
        return new ServingConfig(settings.get(HOST), settings.get(PORT), settings.get(TOKEN),
                settings.get(ADVERTISED_HOST), tls);
    }

    /** The same, on another port. */
    public ServingConfig withPort(int newPort) {
        return new ServingConfig(host, newPort, token, advertisedHost, tls);
    }

    public boolean requiresToken() {
        return token != null;
    }

    public boolean usesTls() {
        return tls != null;
    }

    /** {@code http} or {@code https}. */
    public String scheme() {
        return usesTls() ? "https" : "http";
    }

    /** Whether the server is bound to an address other machines may reach. */
    public boolean bindsBeyondLoopback() {
        if (isWildcard(host)) {
            return true;
        }
        try {
            return !InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }

    static boolean isWildcard(String host) {
        String h = host.strip();
        return h.equals("0.0.0.0") || h.equals("::") || h.equals("[::]") || h.equals("0:0:0:0:0:0:0:0");
    }

    private static String defaultAdvertisedHost(String host) {
        if (!isWildcard(host)) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public String toString() {
        // the token and the key store password are secrets: never printed
        return "ServingConfig[host=" + host + ", port=" + port + ", advertisedHost=" + advertisedHost + ", token="
                + (token == null ? "none" : "****") + ", tls=" + (tls == null ? "none" : tls) + "]";
    }
}
