package fr.ais.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ais.cli.pipeline.Connection;
import fr.ais.cli.pipeline.Pipeline;
import fr.ais.localstack.junit.LocalStackExtension;
import fr.ais.localstack.junit.TestStack;
import fr.ais.platform.topics.Topic;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.platform.topics.TopicSnapshot;
import fr.ais.registry.AvroSerdeFactory;
import fr.ais.settings.Flags;
import fr.ais.settings.Settings;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What leaves the pipeline: no secret's value in the logs and console of an ingest, a consolidate, the
 * exports, {@code ais config} and a full replay; and no raw job-seeker id, I-Milo id or birth date of the
 * input anywhere downstream of the connectors (every topic, raw and decoded, the dead letters, the logs, a
 * /metrics scrape, the REST answers, the exports).
 */
@ExtendWith(LocalStackExtension.class)
class SecretsAndPersonalDataIT {

    private static final LocalDate AS_OF = LocalDate.of(2021, 12, 31);
    private static final String TOKEN = "serving-token-SECRET-7f3a";
    /** Every secret setting, each with a value found nowhere else. */
    private static final Map<String, String> SECRETS = Map.of(
            "AIS_PSEUDONYM_KEY", "pseudonym-key-SECRET-0b9c4e21",
            "AIS_SERVING_TOKEN", TOKEN,
            "AIS_SCHEMA_REGISTRY_PASSWORD", "registry-password-SECRET-11",
            "AIS_OUIFORM_TOKEN", "ouiform-token-SECRET-22",
            "AIS_SERVING_TLS_KEYSTORE_PASSWORD", "serving-keystore-SECRET-33",
            "AIS_KAFKA_CLIENT_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                    + " username=\"u\" password=\"jaas-password-SECRET-44\";",
            "AIS_KAFKA_CLIENT_SSL_KEY_PASSWORD", "ssl-key-password-SECRET-55");

    @TempDir
    static Path dir;
    private static GeneratedDataSet data;
    private static final StringBuilder console = new StringBuilder();
    private static final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private static final List<String> restAnswers = new ArrayList<>();
    private static String metrics;
    private static TopicCatalogue catalogue;
    private static String applicationId;
    private static Connection connection;

    @BeforeAll
    static void runThePipelineWithEverySecretSet(TestStack stack) throws Exception {
        data = Generator.generate(GeneratorOptions.defaults(dir.resolve("data")).withPeople(30).withSeed(9));
        String namespace = stack.uniqueName("pii") + ".";
        Map<String, String> env = new HashMap<>(SECRETS);
        env.putAll(Map.of("AIS_KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                "AIS_SCHEMA_REGISTRY_URL", stack.registryUrl(), "AIS_SCHEMA_REGISTRY_USER", "ais",
                "AIS_TOPIC_NAMESPACE", namespace, "AIS_STREAMS_STATE_DIR", dir.resolve("state").toString(),
                "AIS_SERVING_PORT", "0", "AIS_PROGRESS_AS_OF", AS_OF.toString()));
        Logger root = (Logger) org.slf4j.LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger kafka = (Logger) org.slf4j.LoggerFactory.getLogger("org.apache.kafka");
        Level kafkaLevel = kafka.getLevel();
        // the clients' and Streams' configuration dumps are INFO: the most a log could say
        kafka.setLevel(Level.INFO);
        logs.start();
        root.addAppender(logs);
        try {
            cli(env, "config");
            cli(env, "topics");
            cli(env, "targets", "load", data.targetsFile().toString());
            cli(env, "ingest", "pe", data.peFile().toString());
            cli(env, "ingest", "imilo", data.imiloFile().toString());
            cli(env, "ingest", "ouiform", data.ouiformFile().toString());
            consolidate(AisSettings.resolve(env, Flags.none()));
            cli(env, "export", "--out", dir.resolve("exports").toString());
            GeneratedDataSet small = Generator.generate(GeneratorOptions.defaults(dir.resolve("replay-data"))
                    .withPeople(10).withSeed(3));
            cli(env, "replay", "--pe", small.peFile().toString(), "--as-of", AS_OF.toString(),
                    "--out", dir.resolve("replay").toString());
        } finally {
            root.detachAppender(logs);
            kafka.setLevel(kafkaLevel);
        }
        Settings settings = AisSettings.resolve(env, Flags.none());
        connection = Connection.from(settings);
        catalogue = connection.catalogue();
        applicationId = fr.ais.consolidation.app.StreamsAppConfig.applicationId(settings);
    }

    @AfterAll
    static void clear() {
        logs.stop();
    }

    /** Runs a command in this JVM, keeping everything it prints on the console; it must succeed. */
    private static void cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        try {
            PrintStream both = new PrintStream(out, true, StandardCharsets.UTF_8);
            System.setOut(both);
            System.setErr(both);
            CommandLine commandLine = AisCommand.commandLine(env);
            commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
            commandLine.setErr(new PrintWriter(out, true, StandardCharsets.UTF_8));
            int code = commandLine.execute(args);
            assertThat(code).as(String.join(" ", args) + ": " + out.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            console.append(out.toString(StandardCharsets.UTF_8));
        }
    }

    /** What ais consolidate runs, until caught up; its REST answers and a /metrics scrape kept. */
    private static void consolidate(Settings settings) throws Exception {
        ConsolidateCommand.Configured run = ConsolidateCommand.Configured.from(settings, Clock.systemUTC());
        Pipeline pipeline = new Pipeline(run.connection(), false);
        HttpClient http = HttpClient.newHttpClient();
        try (Pipeline.Served served = pipeline.startServed(run.streams(), run.progress(), run.serving())) {
            pipeline.awaitCaughtUp(served.app(), lag -> { });
            String url = served.serving().url();
            List<String> paths = new ArrayList<>(List.of("/api/aggregates", "/api/quality", "/api/progress",
                    "/api/dead-letters"));
            for (String path : new ArrayList<>(paths)) {
                restAnswers.add(get(http, url + path));
            }
            // every consolidated prescription by its group id, as a client would ask for it
            TopicCatalogue topics = run.connection().catalogue();
            AvroSerdeFactory serdes = run.connection().serdes(false);
            TopicSnapshot.table(run.connection().clientProperties(), topics.topic(TopicCatalogue.CONSOLIDATED)
                    .withSerdes(serdes)).keySet().stream().limit(20).forEach(key -> restAnswers.add(get(http,
                    url + "/api/prescriptions/" + java.net.URLEncoder.encode(key.getGroupId(), StandardCharsets.UTF_8))));
            metrics = get(http, url + "/metrics");
        }
    }

    private static String get(HttpClient http, String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(url).isIn(200, 404);
            return response.body();
        } catch (Exception e) {
            throw new AssertionError(url, e);
        }
    }

    private static String logText() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : logs.list) {
            text.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                text.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }
        return text.toString();
    }

    @Test
    void no_secret_value_in_the_logs_or_console_of_config_ingest_consolidate_export_and_a_full_replay() {
        String everything = console + "\n" + logText();
        assertThat(console).contains("replayed:", "pseudonym.key");
        assertThat(logs.list).hasSizeGreaterThan(100);
        for (Map.Entry<String, String> secret : SECRETS.entrySet()) {
            String value = secret.getValue();
            String password = value.contains("password=\"") ? value.replaceAll(".*password=\"([^\"]*)\".*", "$1") : value;
            assertThat(everything).as(secret.getKey()).doesNotContain(password);
        }
    }

    /**
     * The raw identifiers and birth dates of every input file, as written and as ISO dates; less any value the
     * input also holds in a field that is not personal (a deliberately bad birth date equal to a session date).
     */
    private static Set<String> personalValues() throws Exception {
        Set<String> personal = new LinkedHashSet<>();
        Set<String> ordinary = new LinkedHashSet<>();
        List<String> pe = Files.readAllLines(data.peFile(), StandardCharsets.UTF_8);
        List<String> header = List.of(pe.get(0).split(";", -1));
        int de = header.indexOf("identifiant_de");
        int birth = header.indexOf("date_naissance");
        assertThat(de).isNotNegative();
        assertThat(birth).isNotNegative();
        for (String line : pe.subList(1, pe.size())) {
            String[] fields = line.split(";", -1);
            for (int i = 0; i < fields.length; i++) {
                (i == de || i == birth ? personal : ordinary).add(fields[i].replace("\"", ""));
            }
        }
        ObjectMapper json = new ObjectMapper();
        for (Path file : List.of(data.imiloFile(), data.ouiformFile())) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    collect(json.readTree(line), personal, ordinary);
                } catch (Exception e) {
                    // a deliberately broken line of the generated bad records: its values are in other lines
                }
            }
        }
        Set<String> values = withIsoDates(personal);
        values.removeAll(withIsoDates(ordinary));
        values.removeIf(v -> v.length() < 6);
        return values;
    }

    private static Set<String> withIsoDates(Set<String> values) {
        Set<String> withIso = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            withIso.add(value.strip());
            if (value.strip().matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
                withIso.add(value.strip().substring(0, 10));
            }
            for (String pattern : List.of("dd/MM/yyyy", "yyyy-MM-dd", "dd/MM/yyyy HH:mm:ss")) {
                try {
                    withIso.add(LocalDate.parse(value.strip(), DateTimeFormatter.ofPattern(pattern)).toString());
                } catch (Exception e) {
                    // not a date in that pattern
                }
            }
        }
        return withIso;
    }

    private static final Set<String> PERSONAL_FIELDS = Set.of("idMilo", "identifiantPE", "dateNaissance",
            "peIdentifier", "miloId", "birthDate");

    private static void collect(JsonNode node, Set<String> personal, Set<String> ordinary) {
        node.fields().forEachRemaining(field -> {
            if (field.getValue().isValueNode()) {
                (PERSONAL_FIELDS.contains(field.getKey()) ? personal : ordinary).add(field.getValue().asText());
            } else {
                collect(field.getValue(), personal, ordinary);
            }
        });
        if (node.isArray()) {
            node.forEach(child -> collect(child, personal, ordinary));
        }
    }

    @Test
    void no_raw_identifier_or_birth_date_of_the_input_leaves_the_connectors() throws Exception {
        Set<String> personal = personalValues();
        assertThat(personal).as("the input's personal values").hasSizeGreaterThan(50);
        assertThat(Files.readString(data.peFile())).contains(personal.iterator().next());

        List<String> places = new ArrayList<>();
        StringBuilder downstream = new StringBuilder();
        // every topic of the namespace and of the application, raw bytes (as ISO-8859-1 keeps every byte) and decoded
        Set<String> topics;
        try (Admin admin = Admin.create(connection.clientProperties())) {
            topics = new java.util.TreeSet<>(admin.listTopics().names().get(30, TimeUnit.SECONDS));
        }
        topics.removeIf(t -> !t.startsWith(catalogue.namespace()));
        assertThat(topics).contains(catalogue.topic(TopicCatalogue.DEAD_LETTERS).name(), applicationId
                + "-session-members-changelog");
        long records = 0;
        for (String topic : topics) {
            StringBuilder raw = new StringBuilder();
            long[] count = {0};
            TopicSnapshot.read(connection.clientProperties(), topic, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer(), (k, v) -> {
                        count[0]++;
                        raw.append(k == null ? "" : new String(k, StandardCharsets.ISO_8859_1)).append('\u0000')
                                .append(v == null ? "" : new String(v, StandardCharsets.UTF_8)).append('\n');
                    });
            records += count[0];
            downstream.append(raw);
            places.add(topic + " (" + count[0] + " records)");
        }
        assertThat(records).isGreaterThan(data.totalRecords());
        AvroSerdeFactory serdes = connection.serdes(false);
        for (Topic<?, ?> topic : catalogue.topics()) {
            TopicSnapshot.read(connection.clientProperties(), topic.name(), serdes.forKeys(topic.keyType()).deserializer(),
                    serdes.forValues(topic.valueType()).deserializer(), (k, v) -> downstream.append(k).append(' ')
                            .append(v).append('\n'));
        }
        assertThat(downstream).contains("\"reason\"");
        downstream.append(logText()).append(console).append(metrics).append(String.join("\n", restAnswers));
        try (Stream<Path> exports = Files.list(dir.resolve("exports"))) {
            for (Path export : exports.toList()) {
                downstream.append(Files.readString(export));
            }
        }
        assertThat(metrics).contains("ais_");
        assertThat(restAnswers).hasSizeGreaterThan(4);

        String text = downstream.toString();
        List<String> found = personal.stream().filter(text::contains).toList();
        assertThat(found).as("personal values found downstream of the connectors in " + places).isEmpty();
    }
}
