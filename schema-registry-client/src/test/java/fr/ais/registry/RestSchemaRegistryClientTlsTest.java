package fr.ais.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An HTTPS registry signed by a private CA is reached through the configured trust store, and only through it. */
class RestSchemaRegistryClientTlsTest {

    private static final String PASSWORD = "changeit-test";

    @TempDir
    static Path dir;
    private static Path keyStore;
    private static Path trustStore;
    /** Trusts another server's certificate only: the registry's is not in it. */
    private static Path otherTrustStore;
    private HttpsServer server;
    private final List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A self-signed server certificate, and a trust store holding it: the "private CA". */
    @BeforeAll
    static void certificates() throws Exception {
        keyStore = dir.resolve("server.p12");
        Path cert = dir.resolve("server.crt");
        trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "registry", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "registry-ca", "-file", cert.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        Path otherKeys = dir.resolve("other.p12");
        Path otherCert = dir.resolve("other.crt");
        otherTrustStore = dir.resolve("other-trust.p12");
        keytool("-genkeypair", "-alias", "other", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", otherKeys.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "other", "-keystore", otherKeys.toString(), "-storepass", PASSWORD,
                "-file", otherCert.toString());
        keytool("-importcert", "-noprompt", "-alias", "other-ca", "-file", otherCert.toString(),
                "-keystore", otherTrustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
    }

    @BeforeEach
    void start() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"compatibilityLevel\":\"FULL\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("keytool %s: %s", args[0], output).isZero();
    }

    private String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void trustsTheRegistryThroughTheConfiguredTrustStore() {
        var client = new RestSchemaRegistryClient(RegistryClientConfig.of(url()).withTrustStore(trustStore, PASSWORD, "PKCS12"));

        assertThat(client.getGlobalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
    }

    @Test
    void withoutTheTrustStoreTheHandshakeFails() {
        var client = new RestSchemaRegistryClient(RegistryClientConfig.of(url())
                .withRetries(0, Duration.ofMillis(10), Duration.ofMillis(10)));

        assertThatThrownBy(client::getGlobalCompatibility)
                .isInstanceOf(RegistryUnavailableException.class)
                .hasCauseInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    }

    @Test
    void sendsBasicAuthOverTlsToTheTrustedRegistry() {
        var client = new RestSchemaRegistryClient(RegistryClientConfig.of(url())
                .withTrustStore(trustStore, PASSWORD, "PKCS12").withBasicAuth("ais", "registry-pw"));

        assertThat(client.getGlobalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
        assertThat(authorizations).containsExactly("Basic " + java.util.Base64.getEncoder()
                .encodeToString("ais:registry-pw".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesAServerCertificateItsTrustStoreDoesNotHoldAndNeverSendsItThePassword() {
        var client = new RestSchemaRegistryClient(RegistryClientConfig.of(url())
                .withTrustStore(otherTrustStore, PASSWORD, "PKCS12").withBasicAuth("ais", "registry-pw")
                .withRetries(0, Duration.ofMillis(10), Duration.ofMillis(10)));

        assertThatThrownBy(client::getGlobalCompatibility)
                .isInstanceOf(RegistryUnavailableException.class)
                .hasCauseInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        assertThat(authorizations).isEmpty();
    }

    @Test
    void anUnreadableTrustStoreIsAClearError() {
        assertThatThrownBy(() -> new RestSchemaRegistryClient(RegistryClientConfig.of(url())
                        .withTrustStore(dir.resolve("missing.p12"), PASSWORD, "PKCS12")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot load the schema registry trust store")
                .hasMessageContaining("missing.p12");
    }
}
