package fr.ais.localstack;

import fr.ais.kafka.embedded.secure.SecuredKafkaBroker;
import fr.ais.localstack.registry.LocalSchemaRegistry;
import fr.ais.platform.security.AclAdmin;
import fr.ais.platform.security.Component;
import fr.ais.platform.security.ComponentAcls;
import fr.ais.platform.topics.TopicCatalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;

/**
 * The local stack secured as a production cluster: the embedded broker with SASL_SSL (SCRAM-SHA-512)
 * and mutual TLS and deny-by-default ACLs, every component's principal created with its generated
 * ACLs (applied by the admin), and the registry connecting as its own principal. Each component gets
 * an {@code AIS_CONFIG_FILE} of its own under {@code <data dir>/security}, so a user tries the secured
 * path with {@code AIS_CONFIG_FILE=.ais/stack/security/ais-ingest-pe.properties ais ingest …}.
 */
public final class SecuredLocalStack implements AutoCloseable {

    private final SecuredKafkaBroker broker;
    private final LocalSchemaRegistry registry;
    private final Map<Component, Path> configFiles;

    private SecuredLocalStack(SecuredKafkaBroker broker, LocalSchemaRegistry registry, Map<Component, Path> configFiles) {
        this.broker = broker;
        this.registry = registry;
        this.configFiles = configFiles;
    }

    /**
     * Starts the secured broker (data in {@code <data dir>/kafka-secure}, certificates and credentials new in
     * {@code <data dir>/security}), applies every component's ACLs, then the registry as its principal.
     *
     * @param applicationId the consolidation's application id, which its ACLs name
     */
    public static SecuredLocalStack start(LocalStack.Config config, String applicationId) {
        TopicCatalogue catalogue = TopicCatalogue.DEFAULT;
        List<ComponentAcls> acls = ComponentAcls.forAll(catalogue, applicationId);
        String admin = Component.ADMIN.userName(catalogue);
        SecuredKafkaBroker broker = SecuredKafkaBroker.start(config.dataDir().resolve("kafka-secure"),
                config.dataDir().resolve("security"), admin,
                acls.stream().map(ComponentAcls::userName).filter(u -> !u.equals(admin)).toList(), config.kafkaPort());
        try {
            try (Admin client = Admin.create(broker.saslSslClient(admin))) {
                new AclAdmin(client).apply(acls);
            }
            LocalSchemaRegistry registry = LocalSchemaRegistry.start(
                    broker.saslSslClient(Component.REGISTRY.userName(catalogue)), catalogue.schemasTopic(), 1,
                    config.registryHost(), config.registryPort());
            Map<Component, Path> files = new LinkedHashMap<>();
            for (ComponentAcls component : acls) {
                files.put(component.component(), writeConfigFile(broker, component.userName(), registry.url()));
            }
            return new SecuredLocalStack(broker, registry, files);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /** An {@code AIS_CONFIG_FILE} of the component: the SASL_SSL listener, its SCRAM credentials, the registry. */
    private static Path writeConfigFile(SecuredKafkaBroker broker, String user, String registryUrl) {
        Properties settings = new Properties();
        broker.saslSslClient(user).forEach((k, v) -> settings.setProperty(
                k.equals("bootstrap.servers") ? "kafka.bootstrap.servers" : "kafka.client." + k, String.valueOf(v)));
        settings.setProperty("schema.registry.url", registryUrl);
        Path file = broker.securityDir().resolve(user + ".properties");
        try {
            SecuredKafkaBroker.writeOwnerOnly(file, settings,
                    "AIS_CONFIG_FILE of " + user + " on the secured local stack (valid until it stops)");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public String saslSslBootstrapServers() {
        return broker.saslSslBootstrapServers();
    }

    public String mtlsBootstrapServers() {
        return broker.mtlsBootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    /** Each component's {@code AIS_CONFIG_FILE}. */
    public Map<Component, Path> configFiles() {
        return Map.copyOf(configFiles);
    }

    public Path securityDir() {
        return broker.securityDir();
    }

    /** The broker, to add users or get a user's client properties. */
    public SecuredKafkaBroker broker() {
        return broker;
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            broker.close();
        }
    }
}
