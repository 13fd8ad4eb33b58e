package fr.ais.registry;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

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

    public static final String ENV_URL = "AIS_SCHEMA_REGISTRY_URL";
    public static final String ENV_USER = "AIS_SCHEMA_REGISTRY_USER";
    public static final String ENV_PASSWORD = "AIS_SCHEMA_REGISTRY_PASSWORD";
    public static final String ENV_TRUSTSTORE = "AIS_SCHEMA_REGISTRY_TRUSTSTORE";
    public static final String ENV_TRUSTSTORE_PASSWORD = "AIS_SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD";
    public static final String ENV_TRUSTSTORE_TYPE = "AIS_SCHEMA_REGISTRY_TRUSTSTORE_TYPE";

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

    /** From the {@code AIS_SCHEMA_REGISTRY_*} variables of {@code env}; the URL one is required. */
    public static RegistryClientConfig fromEnvironment(Map<String, String> env) {
        String url = env.get(ENV_URL);
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(ENV_URL + " is not set (schema registry URL)");
        }
        RegistryClientConfig config = of(url.trim());
        if (env.get(ENV_USER) != null) {
            config = config.withBasicAuth(env.get(ENV_USER), env.get(ENV_PASSWORD));
        }
        if (env.get(ENV_TRUSTSTORE) != null) {
            config = config.withTrustStore(Path.of(env.get(ENV_TRUSTSTORE)), env.get(ENV_TRUSTSTORE_PASSWORD),
                    env.get(ENV_TRUSTSTORE_TYPE));
        }
        return config;
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
