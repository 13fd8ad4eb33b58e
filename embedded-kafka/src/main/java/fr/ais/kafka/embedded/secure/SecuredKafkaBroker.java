package fr.ais.kafka.embedded.secure;

import fr.ais.kafka.embedded.EmbeddedKafkaBroker;
import fr.ais.kafka.embedded.EmbeddedKafkaConfig;
import fr.ais.kafka.embedded.EmbeddedKafkaException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * The embedded KRaft broker, secured as a production cluster is: no plaintext listener, clients
 * authenticate with SCRAM-SHA-512 over TLS ({@code SASL_SSL}) or with a client certificate (mutual
 * TLS), and KRaft's {@code StandardAuthorizer} refuses whatever no ACL allows
 * ({@code allow.everyone.if.no.acl.found=false}). The only super users are the admin principal and
 * the broker itself (its controller and inter-broker connections, over mutual TLS with its own key).
 *
 * <p>A certificate's common name is its user name ({@code ssl.principal.mapping.rules}), so a
 * component is the same principal on both listeners and one set of ACLs serves both. The CA, every
 * key store and every SCRAM password are made when the broker starts, kept under
 * {@code securityDir} (owner-only files) and never reused across starts.
 */
public final class SecuredKafkaBroker implements AutoCloseable {

    /** The broker's own principal: a super user, for its controller and inter-broker requests only. */
    public static final String BROKER_USER = "ais-broker";
    private static final Duration VALIDITY = Duration.ofDays(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedKafkaBroker broker;
    private final CertificateAuthority authority;
    private final Path securityDir;
    private final String storePassword;
    private final Path trustStore;
    private final int saslPort;
    private final int mtlsPort;
    private final String adminUser;
    private final Map<String, String> scramPasswords = new ConcurrentHashMap<>();

    private SecuredKafkaBroker(EmbeddedKafkaBroker broker, CertificateAuthority authority, Path securityDir,
            String storePassword, Path trustStore, int saslPort, int mtlsPort, String adminUser) {
        this.broker = broker;
        this.authority = authority;
        this.securityDir = securityDir;
        this.storePassword = storePassword;
        this.trustStore = trustStore;
        this.saslPort = saslPort;
        this.mtlsPort = mtlsPort;
        this.adminUser = adminUser;
    }

    /**
     * Starts the broker and gives each user a certificate and SCRAM credentials (created by the admin
     * through the Admin API); returns once every user can log in.
     *
     * @param dataDir     the broker's data, kept across restarts as the plaintext broker's
     * @param securityDir where the CA's trust store, the key stores and the client property files go
     * @param adminUser   the super user (e.g. {@code ais-admin})
     * @param users       the other users (the components' principals)
     */
    public static SecuredKafkaBroker start(Path dataDir, Path securityDir, String adminUser, Collection<String> users) {
        return start(dataDir, securityDir, adminUser, users, 0);
    }

    /** The same, the SASL_SSL listener on {@code saslPort} (0: a free one; the mTLS listener always takes a free one). */
    public static SecuredKafkaBroker start(Path dataDir, Path securityDir, String adminUser, Collection<String> users,
            int saslPort) {
        try {
            Files.createDirectories(securityDir);
        } catch (IOException e) {
            throw new EmbeddedKafkaException("cannot create " + securityDir + ": " + e.getMessage(), e);
        }
        CertificateAuthority authority = CertificateAuthority.create("ais-local-ca", VALIDITY);
        String storePassword = CertificateAuthority.randomPassword();
        Path trustStore = authority.trustStore(securityDir.resolve("ca-truststore.p12"), storePassword.toCharArray());
        Path brokerStore = authority.issue(BROKER_USER, List.of("localhost", "127.0.0.1"),
                securityDir.resolve(BROKER_USER + ".p12"), storePassword.toCharArray());
        int sasl = saslPort == 0 ? EmbeddedKafkaBroker.freePort() : saslPort;
        int mtlsPort = EmbeddedKafkaBroker.freePort();
        int controllerPort = EmbeddedKafkaBroker.freePort();
        Map<String, String> overrides = brokerSecurity(sasl, mtlsPort, controllerPort, brokerStore, trustStore,
                storePassword, adminUser);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(
                new EmbeddedKafkaConfig(dataDir, sasl, controllerPort, overrides));
        SecuredKafkaBroker secured = new SecuredKafkaBroker(broker, authority, securityDir, storePassword, trustStore,
                sasl, mtlsPort, adminUser);
        try {
            Set<String> everyone = new LinkedHashSet<>();
            everyone.add(adminUser);
            everyone.addAll(users);
            secured.addUsers(everyone);
            return secured;
        } catch (RuntimeException e) {
            secured.close();
            throw e;
        }
    }

    private static Map<String, String> brokerSecurity(int saslPort, int mtlsPort, int controllerPort, Path keyStore,
            Path trustStore, String password, String adminUser) {
        Map<String, String> p = new HashMap<>();
        p.put("listeners", "SASL_SSL://localhost:" + saslPort + ",MTLS://localhost:" + mtlsPort
                + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "SASL_SSL://localhost:" + saslPort + ",MTLS://localhost:" + mtlsPort);
        p.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,MTLS:SSL,CONTROLLER:SSL");
        p.put("inter.broker.listener.name", "MTLS");
        p.put("controller.listener.names", "CONTROLLER");
        p.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, keyStore.toAbsolutePath().toString());
        p.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, password);
        p.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, password);
        p.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PKCS12");
        p.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, trustStore.toAbsolutePath().toString());
        p.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, password);
        p.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
        // mutual TLS on the certificate listener and the controller's; SCRAM alone authenticates on SASL_SSL
        p.put("ssl.client.auth", "required");
        p.put("listener.name.sasl_ssl.ssl.client.auth", "none");
        p.put("ssl.principal.mapping.rules", "RULE:^CN=([^,]+)$/$1/,DEFAULT");
        p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:" + adminUser + ";User:" + BROKER_USER);
        return p;
    }

    /** Issues a certificate and sets SCRAM credentials for each user (a new password each time). */
    public void addUsers(Collection<String> users) {
        Map<String, String> passwords = new TreeMap<>();
        for (String user : users) {
            authority.issue(user, List.of(), keyStore(user), storePassword.toCharArray());
            passwords.put(user, CertificateAuthority.randomPassword());
        }
        try (Admin admin = Admin.create(mtlsClient(adminUser))) {
            admin.alterUserScramCredentials(passwords.entrySet().stream()
                    .map(e -> (org.apache.kafka.clients.admin.UserScramCredentialAlteration)
                            new UserScramCredentialUpsertion(e.getKey(),
                                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), e.getValue()))
                    .toList()).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            scramPasswords.putAll(passwords);
            awaitCredentials(admin, passwords.keySet());
        } catch (ExecutionException | TimeoutException e) {
            throw new EmbeddedKafkaException("cannot create the SCRAM credentials of " + users + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException("interrupted while creating SCRAM credentials", e);
        }
        for (String user : users) {
            writeClientFile(user + "-sasl-ssl.properties", saslSslClient(user));
            writeClientFile(user + "-mtls.properties", mtlsClient(user));
        }
    }

    /** The broker answers SCRAM logins from its metadata image: wait until it holds every new credential. */
    private static void awaitCredentials(Admin admin, Set<String> users)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Set<String> known = admin.describeUserScramCredentials().all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .keySet();
            if (known.containsAll(users)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("SCRAM credentials not visible on the broker: " + users);
            }
            // metadata reaches the broker within milliseconds on one node: a short pause, bounded by the deadline
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** Client properties of {@code user} on the SASL_SSL listener: SCRAM-SHA-512, the CA trusted. */
    public Map<String, Object> saslSslClient(String user) {
        String password = scramPasswords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no such user on the secured broker: " + user);
        }
        Map<String, Object> p = trusting("localhost:" + saslPort);
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        p.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        p.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"" + user + "\" password=\"" + password + "\";");
        return p;
    }

    /** Client properties of {@code user} on the mutual TLS listener: its key store, the CA trusted. */
    public Map<String, Object> mtlsClient(String user) {
        Path store = keyStore(user);
        if (!Files.exists(store)) {
            throw new IllegalArgumentException("no such user on the secured broker: " + user);
        }
        Map<String, Object> p = trusting("localhost:" + mtlsPort);
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
        p.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, store.toAbsolutePath().toString());
        p.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, storePassword);
        p.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, storePassword);
        p.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PKCS12");
        return p;
    }

    private Map<String, Object> trusting(String bootstrap) {
        Map<String, Object> p = new HashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, trustStore.toAbsolutePath().toString());
        p.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, storePassword);
        p.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
        return p;
    }

    private Path keyStore(String user) {
        return securityDir.resolve(user + ".p12");
    }

    /** Client properties as a file a user can hand to any Kafka tool ({@code --command-config}). */
    private void writeClientFile(String name, Map<String, Object> properties) {
        Path file = securityDir.resolve(name);
        Properties p = new Properties();
        properties.forEach((k, v) -> p.setProperty(k, String.valueOf(v)));
        try {
            writeOwnerOnly(file, p, "client properties of " + name.replaceAll("-(sasl-ssl|mtls)\\.properties$", "")
                    + " on the secured local broker (made at start, valid until it stops)");
        } catch (IOException e) {
            throw new EmbeddedKafkaException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code properties} to {@code file}, readable by this user only: they hold credentials. */
    public static void writeOwnerOnly(Path file, Properties properties, String comment) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions protect it
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, comment);
        }
    }

    /** The client property file of {@code user} on a listener, as written under the security directory. */
    public Path clientFile(String user, boolean mtls) {
        return securityDir.resolve(user + (mtls ? "-mtls.properties" : "-sasl-ssl.properties"));
    }

    public String saslSslBootstrapServers() {
        return "localhost:" + saslPort;
    }

    public String mtlsBootstrapServers() {
        return "localhost:" + mtlsPort;
    }

    public String adminUser() {
        return adminUser;
    }

    /** The users with credentials, admin included. */
    public Set<String> users() {
        return scramPasswords.keySet().stream().collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    public Path securityDir() {
        return securityDir;
    }

    @Override
    public void close() {
        broker.close();
    }

    @Override
    public String toString() {
        return "SecuredKafkaBroker[SASL_SSL " + saslSslBootstrapServers() + ", mTLS " + mtlsBootstrapServers() + "]";
    }
}
