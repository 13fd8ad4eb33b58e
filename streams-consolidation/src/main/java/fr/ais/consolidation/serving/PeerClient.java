package fr.ais.consolidation.serving;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Calls the local-only {@code /internal/...} endpoints of another instance of the application,
 * with the same bearer token (all instances of one deployment share it).
 */
public final class PeerClient {

    private final HttpClient http;
    private final ObjectMapper json = ApiServer.objectMapper();
    private final String token;
    private final Duration timeout;
    private final String scheme;

    /**
     * @param token   bearer token of the instances, or null/empty when they run without one
     * @param timeout time allowed to each call of another instance
     */
    public PeerClient(String token, Duration timeout) {
        this(token, timeout, null);
    }

    /**
     * @param tls the instances' key store when they serve HTTPS (its certificates are the only ones trusted);
     *            null: HTTP
     */
    public PeerClient(String token, Duration timeout, ServingConfig.Tls tls) {
        this.token = token == null || token.isEmpty() ? null : token;
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
        if (tls != null) {
            builder.sslContext(ServingTls.peers(tls));
        }
        this.http = builder.build();
        this.scheme = tls == null ? "http" : "https";
    }

    /** GETs {@code pathAndQuery} from {@code host}; empty on 404. */
    public <T> Optional<T> get(HostInfo host, String pathAndQuery, TypeReference<T> type) {
        URI uri = URI.create(scheme + "://" + host.host() + ":" + host.port() + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new QueryUnavailableException("instance " + host + " answered " + response.statusCode()
                        + " to " + uri.getPath());
            }
            return Optional.of(json.readValue(response.body(), type));
        } catch (IOException e) {
            throw new QueryUnavailableException("instance " + host + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryUnavailableException("interrupted while calling " + host, e);
        }
    }
}
