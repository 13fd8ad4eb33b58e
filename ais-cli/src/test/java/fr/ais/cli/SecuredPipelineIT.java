package fr.ais.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.ais.cli.AisCommandHelpTest.Run;
import fr.ais.cli.pipeline.Connection;
import fr.ais.cli.pipeline.Pipeline;
import fr.ais.consolidation.app.ConsolidationApp;
import fr.ais.consolidation.app.StreamsAppConfig;
import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.kafka.embedded.secure.SecuredKafkaBroker;
import fr.ais.localstack.junit.LocalStackExtension;
import fr.ais.localstack.junit.TestStack;
import fr.ais.localstack.registry.LocalSchemaRegistry;
import fr.ais.platform.security.AccessDenied;
import fr.ais.platform.connection.KafkaConnection;
import fr.ais.platform.security.Component;
import fr.ais.platform.security.ComponentAcls;
import fr.ais.platform.topics.Topic;
import fr.ais.platform.topics.TopicAdmin;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.RegistryClientConfig;
import fr.ais.schemas.Source;
import fr.ais.settings.Flags;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every component on a secured broker as its own principal with only the ACLs generated from the
 * catalogue (applied by {@code ais acls}): a whole replay over SASL_SSL (SCRAM-SHA-512), then another
 * over mutual TLS, gives the very exports of the same run on a plaintext broker; and each component is
 * refused beyond its ACLs, in one line naming the principal and the resource.
 */
@ExtendWith(LocalStackExtension.class)
class SecuredPipelineIT {

    private static final LocalDate AS_OF = LocalDate.of(2021, 12, 31);
    private static final Pseudonymizer PSEUDONYMS =
            new Pseudonymizer("secured pipeline key, 16+ bytes".getBytes(StandardCharsets.UTF_8));
    private static final List<String> EXPORTS = List.of("aggregates.csv", "progress.csv", "quality.csv", "rejected.csv");
    /** Namespaces of the two secured runs (each has its own principals, topics and application id). */
    private static final TopicCatalogue SASL = TopicCatalogue.withNamespace("sasl.");
    private static final TopicCatalogue MTLS = TopicCatalogue.withNamespace("mtls.");
    private static final String NOBODY = "ais-nobody";

    @TempDir
    static Path dir;
    private static GeneratedDataSet data;
    private static SecuredKafkaBroker broker;

    @BeforeAll
    static void start() throws IOException {
        data = Generator.generate(GeneratorOptions.defaults(dir.resolve("data")).withPeople(40).withSeed(16));
        List<String> users = new ArrayList<>(List.of(NOBODY));
        for (TopicCatalogue catalogue : List.of(SASL, MTLS)) {
            ComponentAcls.forAll(catalogue, applicationId(catalogue)).stream().map(ComponentAcls::userName)
                    .filter(u -> !u.equals(Component.ADMIN.userName(SASL))).forEach(users::add);
        }
        // one broker, both listeners; the SASL run's admin is the super user, the mTLS run's admin has its ACLs
        broker = SecuredKafkaBroker.start(dir.resolve("kafka"), dir.resolve("security"), Component.ADMIN.userName(SASL),
                users);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static String applicationId(TopicCatalogue catalogue) {
        return catalogue.namespace() + StreamsAppConfig.DEFAULT_APPLICATION_ID;
    }

    private static Map<String, Object> client(Component component, TopicCatalogue catalogue) {
        String user = component.userName(catalogue);
        return catalogue == MTLS ? broker.mtlsClient(user) : broker.saslSslClient(user);
    }

    /** The environment a component is deployed with: its cluster, namespace and client properties as AIS_KAFKA_CLIENT_*. */
    private static Map<String, String> environment(Map<String, Object> client, TopicCatalogue catalogue,
            String registryUrl) {
        Map<String, String> env = new HashMap<>();
        client.forEach((k, v) -> {
            if (k.equals("bootstrap.servers")) {
                env.put("AIS_KAFKA_BOOTSTRAP_SERVERS", String.valueOf(v));
            } else {
                env.put("AIS_KAFKA_CLIENT_" + k.toUpperCase(Locale.ROOT).replace('.', '_'), String.valueOf(v));
            }
        });
        env.put("AIS_TOPIC_NAMESPACE", catalogue.namespace());
        if (registryUrl != null) {
            env.put("AIS_SCHEMA_REGISTRY_URL", registryUrl);
        }
        return env;
    }

    private static Connection connection(Component component, TopicCatalogue catalogue, String registryUrl) {
        return Connection.from(AisSettings.resolve(environment(client(component, catalogue), catalogue, registryUrl),
                Flags.none()));
    }

    @Test
    void a_replay_over_sasl_ssl_then_over_mtls_as_least_privileged_principals_gives_the_plaintext_figures(
            TestStack plaintext) throws Exception {
        for (TopicCatalogue catalogue : List.of(SASL, MTLS)) {
            applyAcls(catalogue);
            Run again = AisCommandHelpTest.run(environment(client(Component.ADMIN, catalogue), catalogue, null), "acls");
            assertThat(again.code()).as(again.err()).isZero();
            assertThat(again.out()).contains("User:ais-" + catalogue.namespace() + "ingest-pe").contains("0 ACLs added");
        }
        Connection plain = new Connection(new KafkaConnection(plaintext.clientProperties(),
                TopicCatalogue.withNamespace(plaintext.uniqueName("plain") + "."), 1),
                RegistryClientConfig.of(plaintext.registryUrl()));
        Path plainExports = dir.resolve("plain-exports");

        // the three runs are independent (own namespace, principals, application id): side by side, the waits
        // of one (rebalance, commits) overlap the others'
        CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> {
                    plain.ensureTopics();
                    run(c -> plain, plain.catalogue().namespace() + StreamsAppConfig.DEFAULT_APPLICATION_ID,
                            plainExports);
                }),
                CompletableFuture.runAsync(() -> securedReplay(SASL, dir.resolve(SASL.namespace() + "exports"))),
                CompletableFuture.runAsync(() -> securedReplay(MTLS, dir.resolve(MTLS.namespace() + "exports")))).get(5, TimeUnit.MINUTES);

        assertThat(Files.readAllLines(plainExports.resolve("aggregates.csv"))).hasSizeGreaterThan(1);
        for (TopicCatalogue catalogue : List.of(SASL, MTLS)) {
            for (String export : EXPORTS) {
                assertThat(Files.readString(dir.resolve(catalogue.namespace() + "exports").resolve(export)))
                        .as(catalogue.namespace() + export).isEqualTo(Files.readString(plainExports.resolve(export)));
            }
        }
    }

    /** With its ACLs applied: the registry, the admin's topics, then every component as itself. */
    private static void securedReplay(TopicCatalogue catalogue, Path out) {
        // the registry on the secured cluster as ais registry runs it: every AIS_KAFKA_CLIENT_* setting honoured
        Map<String, String> registryEnv = environment(client(Component.REGISTRY, catalogue), catalogue, null);
        registryEnv.put("AIS_STACK_REGISTRY_PORT", "0");
        try (LocalSchemaRegistry registry = RegistryCommand.start(AisSettings.resolve(registryEnv, Flags.none()))) {
            connection(Component.ADMIN, catalogue, registry.url()).ensureTopics();
            try (Admin admin = Admin.create(client(Component.ADMIN, catalogue))) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(catalogue.schemasTopic());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            run(c -> connection(c, catalogue, registry.url()), applicationId(catalogue), out);
        }
    }

    /**
     * ais acls, by the super user (the SASL run's admin), for a namespace: the mTLS run's admin is no super user
     * and gets its own ACLs (cluster Alter included) this way.
     */
    private static void applyAcls(TopicCatalogue catalogue) {
        Run acls = AisCommandHelpTest.run(environment(broker.saslSslClient(broker.adminUser()), catalogue, null), "acls");
        assertThat(acls.code()).as(acls.err()).isZero();
    }

    /** Targets, the three connectors, the consolidation until caught up, the exports: each as its principal. */
    private static void run(Function<Component, Connection> as, String applicationId, Path out) {
        ProgressSettings progress = ProgressSettings.defaults().asOf(AS_OF);
        new Pipeline(as.apply(Component.TARGETS_LOADER), false).loadTargets(data.targetsFile());
        Map<Source, Path> files = new LinkedHashMap<>();
        files.put(Source.PE, data.peFile());
        files.put(Source.IMILO, data.imiloFile());
        files.put(Source.OUIFORM, data.ouiformFile());
        files.forEach((source, file) -> new Pipeline(as.apply(Component.connectorOf(source)), false)
                .ingest(source, file, StandardCharsets.UTF_8, PSEUDONYMS, false, n -> { }));
        Connection consolidation = as.apply(Component.CONSOLIDATION);
        Pipeline pipeline = new Pipeline(consolidation, false);
        StreamsAppConfig defaults = StreamsAppConfig.defaults(applicationId, consolidation.clientProperties(),
                dir.resolve("streams-" + applicationId));
        // commits every 100 ms: each stage's results reach the next sooner, the run ends sooner
        StreamsAppConfig streams = new StreamsAppConfig(applicationId, defaults.clientProperties(), defaults.stateDir(),
                1, Duration.ofMillis(100), 1, defaults.blockCacheBytes(), defaults.writeBufferBytes(),
                defaults.recentSessions(), null);
        try (ConsolidationApp app = pipeline.startConsolidation(streams, progress)) {
            pipeline.awaitCaughtUp(app, lag -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        new Pipeline(as.apply(Component.EXPORTER), false).export(out, AS_OF, progress.calculator());
    }

    /** The SASL namespace's ACLs and topics, by the super user, whatever test runs first. */
    private static void saslAclsAndTopics() throws Exception {
        applyAcls(SASL);
        try (Admin admin = Admin.create(broker.saslSslClient(broker.adminUser()))) {
            new TopicAdmin(admin, 1).ensure(SASL.topics());
        }
    }

    @Test
    void each_component_is_refused_beyond_its_acls_in_one_line_naming_the_principal_and_the_resource()
            throws Exception {
        saslAclsAndTopics();
        String imilo = SASL.topic(TopicCatalogue.IMILO_EVENTS).name();

        assertThat(refusedWrite(Component.PE_CONNECTOR, SASL, imilo))
                .isEqualTo("access denied: principal User:ais-sasl.ingest-pe may not use topic " + imilo
                        + " (the cluster's ACLs refuse it; `ais acls --print` lists what each component's principal is"
                        + " granted)");
        assertThat(refusedWrite(Component.PE_CONNECTOR, MTLS, MTLS.topic(TopicCatalogue.IMILO_EVENTS).name()))
                .startsWith("access denied: principal User:ais-mtls.ingest-pe (certificate CN=ais-mtls.ingest-pe)"
                        + " may not use topic mtls.ais.imilo.events");

        // through the command line: the pe connector's credentials cannot read the aggregates
        Run export = AisCommandHelpTest.run(environment(client(Component.PE_CONNECTOR, SASL), SASL, "http://127.0.0.1:9"),
                "export", "--out", dir.resolve("not-allowed").toString(), "--as-of", AS_OF.toString());
        assertThat(export.code()).isEqualTo(AisCommand.FAILURE);
        assertThat(export.err().strip()).startsWith("ais: access denied: principal User:ais-sasl.ingest-pe may not use"
                + " topic " + SASL.topic(TopicCatalogue.AGGREGATES).name()).doesNotContain("\tat ", "Exception").hasLineCount(1);

        for (Topic<?, ?> topic : SASL.topics()) {
            assertThat(refusedWrite(Component.EXPORTER, SASL, topic.name())).contains("User:ais-sasl.exporter",
                    "topic " + topic.name());
        }
        for (Source source : Source.values()) {
            String events = SASL.topic(TopicCatalogue.eventsOf(source)).name();
            assertThat(refusedWrite(Component.CONSOLIDATION, SASL, events)).contains("User:ais-sasl.consolidation",
                    "topic " + events);
        }
    }

    @Test
    void a_principal_with_no_acl_gets_nothing_a_wrong_password_or_no_certificate_does_not_even_log_in()
            throws Exception {
        saslAclsAndTopics();
        Map<String, Object> nobody = broker.saslSslClient(NOBODY);
        try (Admin admin = Admin.create(nobody)) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).isEmpty();
        }
        String aggregates = SASL.topic(TopicCatalogue.AGGREGATES).name();
        Map<String, Object> reader = new HashMap<>(nobody);
        reader.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(reader, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            assertThatThrownBy(() -> consumer.partitionsFor(aggregates))
                    .satisfies(e -> assertThat(AccessDenied.explain(e, nobody))
                            .startsWith("access denied: principal User:ais-nobody may not use topic " + aggregates));
        }
        assertThat(refusedWrite(NOBODY, nobody, aggregates)).contains("User:ais-nobody");

        Map<String, Object> wrongPassword = new HashMap<>(broker.saslSslClient(Component.PE_CONNECTOR.userName(SASL)));
        wrongPassword.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule"
                + " required username=\"ais-sasl.ingest-pe\" password=\"guessed\";");
        Map<String, Object> noCertificate = new HashMap<>(broker.mtlsClient(Component.PE_CONNECTOR.userName(SASL)));
        List.of(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG,
                SslConfigs.SSL_KEY_PASSWORD_CONFIG, SslConfigs.SSL_KEYSTORE_TYPE_CONFIG).forEach(noCertificate::remove);
        for (Map<String, Object> refused : List.of(wrongPassword, noCertificate)) {
            try (Admin admin = Admin.create(refused)) {
                assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                        .satisfies(e -> assertThat(AccessDenied.explain(e, refused)).startsWith("authentication failed"))
                        .satisfies(e -> assertThat(AccessDenied.explain(e, refused)).doesNotContain("guessed"));
            }
        }
        assertThat(AccessDenied.explain(new SaslAuthenticationException("x"), wrongPassword))
                .contains("principal User:ais-sasl.ingest-pe");
    }

    private static String refusedWrite(Component component, TopicCatalogue catalogue, String topic) {
        return refusedWrite(component.userName(catalogue), client(component, catalogue), topic);
    }

    /** What a producer of {@code user} writing one record to {@code topic} is told, explained. */
    private static String refusedWrite(String user, Map<String, Object> client, String topic) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            Throwable refused = catchThrowable(() -> producer.send(new ProducerRecord<>(topic, new byte[1])).get(
                    30, TimeUnit.SECONDS));
            assertThat(refused).as(user + " writing " + topic).isNotNull();
            String explained = AccessDenied.explain(refused, client);
            assertThat(explained).as(String.valueOf(refused)).isNotNull();
            return explained;
        }
    }
}
