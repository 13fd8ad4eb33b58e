package fr.ais.localstack.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.ais.registry.CompatibilityLevel;
import fr.ais.registry.InMemorySchemaRegistry;
import fr.ais.registry.InvalidSchemaException;
import fr.ais.registry.RegisteredSchema;
import fr.ais.registry.RestSchemaRegistryClient;
import fr.ais.registry.SchemaRegistryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small Schema Registry for the local stack, speaking the Confluent REST API (the subset the pipeline and its
 * serde use) with Confluent's JSON and error codes, on 127.0.0.1. Schemas and configs are stored on a compacted
 * Kafka topic, so they survive a restart; an incompatible schema (BACKWARD unless configured) is refused with 409.
 *
 * <p>One registry process writes a schemas topic at a time (it reads the topic only on start).
 *
 * <p>Endpoints: {@code GET /subjects}, {@code POST /subjects/{s}} (lookup), {@code GET|POST /subjects/{s}/versions},
 * {@code GET /subjects/{s}/versions/{v|latest}}, {@code GET /schemas/ids/{id}},
 * {@code POST /compatibility/subjects/{s}/versions/{v|latest}}, {@code GET|PUT /config}, {@code GET|PUT /config/{s}}.
 */
public final class LocalSchemaRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSchemaRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** 127.0.0.1 itself, not whatever "localhost" resolves to: the URL names it. */
    private static final InetAddress LOOPBACK_V4 = loopbackV4();

    private final SchemaLog log;
    private final InMemorySchemaRegistry store;
    private final HttpServer server;
    private final ExecutorService executor;

    private final String host;

    private LocalSchemaRegistry(SchemaLog log, InetAddress bind, int port) {
        this.log = log;
        // write-through: a change reaches the log before the registry applies it
        this.store = new InMemorySchemaRegistry(log::append);
        log.replay(store::replay);
        InetSocketAddress address = new InetSocketAddress(bind, port);
        this.host = bind.isAnyLocalAddress() ? LOOPBACK_V4.getHostAddress() : bind.getHostAddress();
        try {
            this.server = HttpServer.create(address, 0);
        } catch (BindException e) {
            log.close();
            throw new IllegalStateException("cannot start the local schema registry: port " + port
                    + " on " + bind.getHostAddress() + " is already in use (choose another port, or 0 for a free one)", e);
        } catch (IOException e) {
            log.close();
            throw new UncheckedIOException("cannot start the local schema registry on " + address, e);
        }
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "local-schema-registry-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        LOG.info("local schema registry on {} (schemas on {})", url(), log);
        if (!bind.isLoopbackAddress()) {
            LOG.warn("the local schema registry listens on {}, beyond this machine, without authentication: anyone who"
                    + " reaches it can register schemas", bind.getHostAddress());
        }
    }

    /**
     * Starts a registry storing its schemas on {@code schemasTopic} (1 partition, compacted, created if missing)
     * of the cluster at {@code bootstrapServers}, after reading that topic to its end.
     *
     * @param port HTTP port on 127.0.0.1; 0 for a free one
     */
    public static LocalSchemaRegistry start(String bootstrapServers, String schemasTopic, int port) {
        return start(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), schemasTopic, 1,
                LOOPBACK_V4.getHostAddress(), port);
    }

    /**
     * Starts a registry on any cluster: its clients take every client property given (so it authenticates as the
     * other components do, e.g. SASL_SSL), its schemas topic is created with {@code replicationFactor} if missing.
     *
     * @param clientProperties the bootstrap servers and every {@code kafka.client.*} property
     * @param bindHost         the interface to listen on (127.0.0.1 unless exposing it is meant)
     * @param port             HTTP port; 0 for a free one
     */
    public static LocalSchemaRegistry start(Map<String, Object> clientProperties, String schemasTopic,
            int replicationFactor, String bindHost, int port) {
        InetAddress bind;
        try {
            bind = InetAddress.getByName(bindHost);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("unknown host to bind the local schema registry to: " + bindHost, e);
        }
        return new LocalSchemaRegistry(new KafkaSchemaLog(clientProperties, schemasTopic, replicationFactor), bind, port);
    }

    /** Starts a registry over any schema log (tests: {@link InMemorySchemaLog}). */
    public static LocalSchemaRegistry start(SchemaLog log, int port) {
        return new LocalSchemaRegistry(log, LOOPBACK_V4, port);
    }

    /** Base URL, e.g. {@code http://127.0.0.1:8081} (the loopback address when bound to every interface). */
    public String url() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        log.close();
    }

    private static InetAddress loopbackV4() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e); // never: a literal 4-byte address
        }
    }

    // ---- HTTP ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            Object body;
            try {
                body = route(exchange.getRequestMethod(), segments(exchange), exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestBody().readAllBytes());
            } catch (HttpError e) {
                status = e.status;
                body = error(e.code, e.getMessage());
            } catch (SchemaRegistryException e) {
                status = httpStatus(e.errorCode());
                body = error(e.errorCode(), rawMessage(e));
            } catch (RuntimeException e) {
                LOG.error("local schema registry failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                status = 500;
                body = error(50001, "Error in the backend data store: " + e.getMessage());
            }
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static List<String> segments(HttpExchange exchange) {
        return Arrays.stream(exchange.getRequestURI().getRawPath().split("/"))
                .filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
                .toList();
    }

    private Object route(String method, List<String> path, String query, byte[] body) {
        int n = path.size();
        String first = n > 0 ? path.get(0) : "";
        switch (first) {
            case "" -> {
                return JSON.createObjectNode();
            }
            case "subjects" -> {
                if (n == 1 && method.equals("GET")) {
                    return store.subjects();
                }
                String subject = n > 1 ? path.get(1) : null;
                if (n == 2 && method.equals("POST")) {
                    return registered(store.lookup(subject, schemaOf(body)));
                }
                if (n == 3 && path.get(2).equals("versions")) {
                    if (method.equals("GET")) {
                        return store.versionNumbers(subject);
                    }
                    if (method.equals("POST")) {
                        return JSON.createObjectNode().put("id", store.register(subject, schemaOf(body)));
                    }
                }
                if (n == 4 && path.get(2).equals("versions") && method.equals("GET")) {
                    return registered(version(subject, path.get(3)));
                }
            }
            case "schemas" -> {
                if (n == 3 && path.get(1).equals("ids") && method.equals("GET")) {
                    return JSON.createObjectNode().put("schema", store.getById(number(path.get(2), 40403)).toString());
                }
            }
            case "compatibility" -> {
                if (n == 5 && path.get(1).equals("subjects") && path.get(3).equals("versions") && method.equals("POST")) {
                    String subject = path.get(2);
                    Schema schema = schemaOf(body);
                    boolean compatible = path.get(4).equals("latest")
                            ? store.testCompatibility(subject, schema) && hasVersions(subject)
                            : store.testCompatibility(subject, number(path.get(4), 40402), schema);
                    return JSON.createObjectNode().put("is_compatible", compatible);
                }
            }
            case "config" -> {
                String subject = n == 2 ? path.get(1) : null;
                if (n <= 2 && method.equals("GET")) {
                    CompatibilityLevel level = subject == null ? store.getGlobalCompatibility() : store.ownCompatibility(subject);
                    if (level == null) {
                        if (query == null || !query.contains("defaultToGlobal=true")) {
                            throw new HttpError(404, 40408, "Subject '" + subject + "' does not have subject-level compatibility configured");
                        }
                        level = store.getGlobalCompatibility();
                    }
                    return JSON.createObjectNode().put("compatibilityLevel", level.name());
                }
                if (n <= 2 && method.equals("PUT")) {
                    CompatibilityLevel level = levelOf(body);
                    if (subject == null) {
                        store.setGlobalCompatibility(level);
                    } else {
                        store.setCompatibility(subject, level);
                    }
                    return JSON.createObjectNode().put("compatibility", level.name());
                }
            }
            default -> { }
        }
        throw new HttpError(404, 404, "HTTP 404 Not Found: " + method + " /" + String.join("/", path));
    }

    /** Confluent answers 40401 for the latest of a subject that has none. */
    private boolean hasVersions(String subject) {
        store.latest(subject);
        return true;
    }

    private RegisteredSchema version(String subject, String version) {
        return version.equals("latest") || version.equals("-1") ? store.latest(subject)
                : store.version(subject, number(version, 42202));
    }

    private static int number(String text, int code) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new HttpError(code == 42202 ? 422 : 404, code, "not a number: " + text);
        }
    }

    private static ObjectNode registered(RegisteredSchema r) {
        return JSON.createObjectNode().put("subject", r.subject()).put("version", r.version()).put("id", r.id())
                .put("schema", r.schema().toString());
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new HttpError(400, 400, "Unrecognized request body: " + e.getMessage());
        }
    }

    private static Schema schemaOf(byte[] body) {
        JsonNode request = json(body);
        String type = request.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw new InvalidSchemaException(42201, "Invalid schema: only AVRO is supported, not " + type);
        }
        if (!request.hasNonNull("schema")) {
            throw new InvalidSchemaException(42201, "Invalid schema: the request has no 'schema'");
        }
        try {
            return new Schema.Parser().parse(request.get("schema").asText());
        } catch (RuntimeException e) { // Avro 1.12 also throws NullPointerException on an undefined name
            throw new InvalidSchemaException(42201, "Invalid schema: " + e.getMessage());
        }
    }

    private static CompatibilityLevel levelOf(byte[] body) {
        String level = json(body).path("compatibility").asText();
        try {
            return CompatibilityLevel.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw new HttpError(422, 42203, "Invalid compatibility level: '" + level + "'");
        }
    }

    private static int httpStatus(int errorCode) {
        return errorCode >= 1000 ? errorCode / 100 : errorCode > 0 ? errorCode : 500;
    }

    private static String rawMessage(SchemaRegistryException e) {
        String message = e.getMessage();
        int suffix = message.lastIndexOf(" (registry error ");
        return suffix > 0 ? message.substring(0, suffix) : message;
    }

    private static ObjectNode error(int code, String message) {
        return JSON.createObjectNode().put("error_code", code).put("message", message);
    }

    /** An answer other than 200 with its error code. */
    private static final class HttpError extends RuntimeException {
        final int status;
        final int code;

        HttpError(int status, int code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }
}
