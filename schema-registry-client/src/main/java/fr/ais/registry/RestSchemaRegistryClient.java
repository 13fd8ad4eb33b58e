package fr.ais.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SchemaRegistry} over the Confluent Schema Registry REST API, which Karapace and Apicurio's
 * {@code ccompat} API also serve. Retries on 5xx answers and connection failures with exponential backoff;
 * client errors (4xx) are thrown at once as the exception of their error code.
 *
 * <p>No caching here: wrap it in a {@link CachingSchemaRegistry}.
 */
public final class RestSchemaRegistryClient implements SchemaRegistry {

    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryClientConfig config;
    private final String base;
    private final HttpClient http;
    private final String authorization;

    public RestSchemaRegistryClient(RegistryClientConfig config) {
        this.config = config;
        String url = config.baseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.connectTimeout());
        if (config.trustStore() != null) {
            builder.sslContext(sslContext(config));
        }
        this.http = builder.build();
        this.authorization = config.username() == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (config.username() + ":" + config.password()).getBytes(StandardCharsets.UTF_8));
    }

    public RestSchemaRegistryClient(String baseUrl) {
        this(RegistryClientConfig.of(baseUrl));
    }

    @Override
    public int register(String subject, Schema schema) {
        return send("POST", "/subjects/" + enc(subject) + "/versions", schemaBody(schema)).path("id").asInt();
    }

    @Override
    public Schema getById(int id) {
        return parse(send("GET", "/schemas/ids/" + id, null).path("schema").asText(), "id " + id);
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return registered(subject, send("GET", "/subjects/" + enc(subject) + "/versions/latest", null));
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        return registered(subject, send("POST", "/subjects/" + enc(subject), schemaBody(schema)));
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        try {
            return send("POST", "/compatibility/subjects/" + enc(subject) + "/versions/latest", schemaBody(schema))
                    .path("is_compatible").asBoolean();
        } catch (SubjectNotFoundException | VersionNotFoundException e) {
            return true; // nothing registered yet: anything may come first
        }
    }

    @Override
    public CompatibilityLevel getCompatibility(String subject) {
        try {
            return level(send("GET", "/config/" + enc(subject) + "?defaultToGlobal=true", null));
        } catch (SubjectNotFoundException e) {
            return getGlobalCompatibility();
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == 40408 || e.errorCode() == 404) { // no subject-level config
                return getGlobalCompatibility();
            }
            throw e;
        }
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        send("PUT", "/config/" + enc(subject), JSON.createObjectNode().put("compatibility", level.name()));
    }

    @Override
    public CompatibilityLevel getGlobalCompatibility() {
        return level(send("GET", "/config", null));
    }

    @Override
    public void setGlobalCompatibility(CompatibilityLevel level) {
        send("PUT", "/config", JSON.createObjectNode().put("compatibility", level.name()));
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryClient[" + base + "]";
    }

    private static CompatibilityLevel level(JsonNode body) {
        JsonNode value = body.hasNonNull("compatibilityLevel") ? body.get("compatibilityLevel") : body.get("compatibility");
        return CompatibilityLevel.valueOf(value.asText());
    }

    private static RegisteredSchema registered(String subject, JsonNode body) {
        return new RegisteredSchema(subject, body.path("id").asInt(), body.path("version").asInt(),
                parse(body.path("schema").asText(), "subject " + subject));
    }

    private static Schema parse(String text, String what) {
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) { // Avro 1.12 also throws NullPointerException on an undefined name
            throw new InvalidSchemaException(0, "registry returned an unparseable schema for " + what + ": " + e.getMessage());
        }
    }

    private static ObjectNode schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString());
    }

    private static String enc(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(config.requestTimeout())
                .header("Accept", CONTENT_TYPE + ", application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        HttpRequest built = request.build();
        Exception last = null;
        String lastAnswer = null;
        Duration backoff = config.initialBackoff();
        for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
            if (attempt > 0) {
                LOG.warn("schema registry {} {} failed ({}), retry {}/{} in {} ms", method, path,
                        last != null ? last.toString() : lastAnswer, attempt, config.maxRetries(), backoff.toMillis());
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : backoff.multipliedBy(2);
            }
            HttpResponse<String> response;
            try {
                response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                last = e;
                lastAnswer = null;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryUnavailableException("interrupted while calling the schema registry " + base, e);
            }
            int status = response.statusCode();
            if (status >= 500) {
                last = null;
                lastAnswer = "HTTP " + status + " " + abbreviate(response.body());
                continue;
            }
            JsonNode answer = readJson(response.body());
            if (status >= 400) {
                int code = answer.path("error_code").asInt(0);
                String message = answer.hasNonNull("message") ? answer.get("message").asText() : abbreviate(response.body());
                throw SchemaRegistryException.of(status, code, method + " " + path + ": " + message);
            }
            return answer;
        }
        throw new RegistryUnavailableException("schema registry " + base + " unavailable for " + method + " " + path
                + " after " + (config.maxRetries() + 1) + " attempts: " + (last != null ? last : lastAnswer), last);
    }

    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("interrupted while waiting to retry the schema registry", e);
        }
    }

    private static JsonNode readJson(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("message", abbreviate(body));
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static SSLContext sslContext(RegistryClientConfig config) {
        try (InputStream in = Files.newInputStream(config.trustStore())) {
            KeyStore store = KeyStore.getInstance(config.trustStoreType());
            store.load(in, config.trustStorePassword() == null ? null : config.trustStorePassword().toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load the schema registry trust store " + config.trustStore()
                    + " (" + config.trustStoreType() + "): " + e.getMessage(), e);
        }
    }
}
