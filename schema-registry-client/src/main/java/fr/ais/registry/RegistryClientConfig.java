package fr.ais.registry;

import fr.ais.settings.Setting;
import fr.ais.settings.SettingGroup;
import fr.ais.settings.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a Confluent-compatible Schema Registry (Confluent, Karapace, Apicurio's {@code /apis/ccompat/v7}).
 *
 * @param baseUrl            registry URL, possibly with a path prefix (Apicurio: {@code http://host:8080/apis/ccompat/v7})
 * @param username           basic-auth user; {@code null} for no authentication
 * @param password           basic-auth password; never logged nor printed
 * @param trustStore         trust store for an HTTPS registry signed by a private CA; {@code null} = the JDK's
 * @param trustStorePassword trust store password; never logged nor printed
 * @param trustStoreType     {@code PKCS12} or {@code JKS}
 * @param connectTimeout     TCP connect timeout
 * @param requestTimeout     timeout of one HTTP request
 * @param maxRetries         retries after a 5xx answer or a connection failure (0 = none)
 * @param initialBackoff     wait before the first retry, doubled for each following one
 * @param maxBackoff         longest wait between two retries
 */
public record RegistryClientConfig(
        URI baseUrl,
        String username,
        String password,
        Path trustStore,
        String trustStorePassword,
        String trustStoreType,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff) {

    public static final SettingGroup SETTINGS = new SettingGroup("schema registry");
    public static final Setting<String> URL = SETTINGS.add(Setting.string("schema.registry.url", "http://localhost:8081",
            "Schema Registry URL (Confluent API; Apicurio: …/apis/ccompat/v7).")
            .validatedBy(RegistryClientConfig::httpUrl, "an http(s) URL"));
    public static final Setting<String> USER = SETTINGS.add(Setting.string("schema.registry.user", "",
            "Schema Registry basic-auth user (with schema.registry.password); empty: no authentication."));
    public static final Setting<String> PASSWORD = SETTINGS.add(Setting.string("schema.registry.password", "",
            "Schema Registry basic-auth password.").secret());
    public static final Setting<Optional<Path>> TRUSTSTORE = SETTINGS.add(Setting.optional("schema.registry.truststore",
            Path::of, "Trust store of an HTTPS registry signed by a private CA; empty: the JDK's."));
    public static final Setting<String> TRUSTSTORE_PASSWORD = SETTINGS.add(Setting.string(
            "schema.registry.truststore.password", "", "Password of schema.registry.truststore.").secret());
    public static final Setting<String> TRUSTSTORE_TYPE = SETTINGS.add(Setting.string("schema.registry.truststore.type",
            "PKCS12", "Type of schema.registry.truststore.")
            .validatedBy(t -> t.equalsIgnoreCase("PKCS12") || t.equalsIgnoreCase("JKS"), "PKCS12 or JKS"));

    static {
        SETTINGS.check("schema.registry.user and schema.registry.password go together: set both or neither",
                s -> s.get(USER).isEmpty() == s.get(PASSWORD).isEmpty(), USER, PASSWORD);
    }

    public RegistryClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("schema registry URL must be http(s): " + baseUrl);
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("schema registry basic auth needs both a user and a password");
        }
        if (trustStoreType == null || trustStoreType.isBlank()) {
            trustStoreType = "PKCS12";
        }
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(5), "connectTimeout");
        requestTimeout = positive(requestTimeout, Duration.ofSeconds(10), "requestTimeout");
        initialBackoff = positive(initialBackoff, Duration.ofMillis(200), "initialBackoff");
        maxBackoff = positive(maxBackoff, Duration.ofSeconds(5), "maxBackoff");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0: " + maxRetries);
        }
    }

    /** Defaults: no auth, the JDK's trust store, 5 s connect, 10 s request, 5 retries from 200 ms up to 5 s. */
    public static RegistryClientConfig of(String baseUrl) {
        return new RegistryClientConfig(URI.create(baseUrl), null, null, null, null, null,
                null, null, 5, null, null);
    }

    /** From the {@link #SETTINGS}: URL, basic auth, trust store; the timeouts and retries of {@link #of}. */
    public static RegistryClientConfig from(Settings settings) {
        RegistryClientConfig config = of(settings.get(URL));
        if (!settings.get(USER).isEmpty()) {
            config = config.withBasicAuth(settings.get(USER), settings.get(PASSWORD));
        }
        if (settings.get(TRUSTSTORE).isPresent()) {
            String password = settings.get(TRUSTSTORE_PASSWORD);
            config = config.withTrustStore(settings.get(TRUSTSTORE).get(), password.isEmpty() ? null : password,
                    settings.get(TRUSTSTORE_TYPE).toUpperCase(Locale.ROOT));
        }
        return config;
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public RegistryClientConfig withBasicAuth(String user, String secret) {
        return new RegistryClientConfig(baseUrl, user, secret, trustStore, trustStorePassword, trustStoreType,
                connectTimeout, requestTimeout, maxRetries, initialBackoff, maxBackoff);
    }

    public RegistryClientConfig withTrustStore(Path path, String storePassword, String type) {
        return new RegistryClientConfig(baseUrl, username, password, path, storePassword, type,
                connectTimeout, requestTimeout, maxRetries, initialBackoff, maxBackoff);
    }

    public RegistryClientConfig withTimeouts(Duration connect, Duration request) {
        return new RegistryClientConfig(baseUrl, username, password, trustStore, trustStorePassword, trustStoreType,
                connect, request, maxRetries, initialBackoff, maxBackoff);
    }

    public RegistryClientConfig withRetries(int retries, Duration initial, Duration max) {
        return new RegistryClientConfig(baseUrl, username, password, trustStore, trustStorePassword, trustStoreType,
                connectTimeout, requestTimeout, retries, initial, max);
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        Duration d = value == null ? fallback : value;
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        return d;
    }

    /** Secrets masked. */
    @Override
    public String toString() {
        return "RegistryClientConfig[baseUrl=" + baseUrl + ", username=" + username
                + ", password=" + (password == null ? null : "******")
                + ", trustStore=" + trustStore + ", trustStorePassword=" + (trustStorePassword == null ? null : "******")
                + ", trustStoreType=" + trustStoreType + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", maxRetries=" + maxRetries
                + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff + "]";
    }
}
