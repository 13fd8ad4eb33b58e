package fr.ais.ingest.ouiform.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.ais.ingest.parsing.Rejections;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads pages of the OuiForm REST API (SPEC §3.3): {@code GET {base}/api/v1/prescriptions?updatedSince=&limit=&cursor=}
 * with a bearer token, retrying what can be retried (see {@link ApiClientSettings}).
 *
 * <p>The token is only ever put in the {@code Authorization} header: never in a URL, a log line or an exception
 * message; a server's answer quoted in one has anything shaped like a person identifier or a date masked.
 * Thread-safe.
 */
public final class OuiFormApiClient implements PageSource {

    public static final String PATH = "/api/v1/prescriptions";

    private static final Logger LOG = LoggerFactory.getLogger(OuiFormApiClient.class);
    private static final int MAX_BODY_IN_MESSAGE = 200;

    /**
     * Reads pages with Jackson's limits relaxed: one item over the limits of the JSON Lines reader must not block
     * the whole page (it would be fetched again for ever); that item is rejected on its own when checked. An
     * answer beyond even these is refused as a whole.
     */
    static final StreamReadConstraints PAGE_LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(5_000).maxNumberLength(100_000).maxStringLength(Integer.MAX_VALUE)
            .maxNameLength(1_000_000).build();
    static final ObjectMapper PAGE = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(PAGE_LIMITS)
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(5_000).build()).build()).build();

    private final URI baseUrl;
    private final String token;
    private final ApiClientSettings settings;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final HttpClient http;

    /**
     * @param baseUrl  e.g. {@code https://api.ouiform.example}; the API is at {@code baseUrl + }{@value #PATH}
     * @param token    the bearer token
     * @param sleeper  waits between attempts ({@link Sleeper#REAL} in production)
     * @param random   draws the jitter of the backoff
     */
    public OuiFormApiClient(URI baseUrl, String token, ApiClientSettings settings, Sleeper sleeper,
            RandomGenerator random) {
        this.baseUrl = withoutTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a bearer token is required");
        }
        this.token = token;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** With the default settings, real sleeps and a fresh random generator. */
    public OuiFormApiClient(URI baseUrl, String token) {
        this(baseUrl, token, ApiClientSettings.defaults(), Sleeper.REAL, RandomGenerator.getDefault());
    }

    /** The base URL, without trailing slash: the identity of this input. */
    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Fetches one page.
     *
     * @param updatedSince items updated at or after this instant; null for all (ignored by the API with a cursor)
     * @param limit        items per page
     * @param cursor       the previous page's {@code nextCursor}, or null for the first page
     * @throws OuiFormApiException on a status that is not retried, an answer that is not a page, or retries
     *                             exhausted
     */
    @Override
    public ApiPage fetch(Instant updatedSince, int limit, String cursor) {
        URI uri = pageUri(updatedSince, limit, cursor);
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .build();
        for (int attempt = 1; ; attempt++) {
            Failure failure;
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status == 200) {
                    return parse(uri, attempt, response.body());
                }
                failure = Failure.of(response, scrub(response.body()));
                if (!failure.retryable()) {
                    throw new OuiFormApiException(uri.toString(), status, attempt, failure.problem(), null);
                }
            } catch (HttpTimeoutException e) {
                failure = new Failure(OuiFormApiException.NO_STATUS, true, null,
                        "no answer within " + settings.requestTimeout(), e);
            } catch (IOException e) {
                failure = new Failure(OuiFormApiException.NO_STATUS, true, null,
                        "I/O error " + e.getClass().getSimpleName() + scrub(e.getMessage()), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OuiFormApiException(uri.toString(), OuiFormApiException.NO_STATUS, attempt, "interrupted", e);
            }
            if (attempt >= settings.maxAttempts()) {
                throw new OuiFormApiException(uri.toString(), failure.status(), attempt,
                        "retries exhausted (" + settings.maxAttempts() + " attempts); last: " + failure.problem(),
                        failure.cause());
            }
            Duration wait = failure.retryAfter() != null ? min(failure.retryAfter(), settings.maxRetryAfter())
                    : backoff(attempt);
            LOG.warn("OuiForm API GET {} attempt {}/{}: {}; retrying in {} ms", uri, attempt, settings.maxAttempts(),
                    failure.problem(), wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OuiFormApiException(uri.toString(), failure.status(), attempt, "interrupted while waiting", e);
            }
        }
    }

    /** Full jitter: uniform in [0, min(maxDelay, baseDelay × 2^(attempt-1))]. */
    Duration backoff(int attempt) {
        long cap = settings.maxDelay().toMillis();
        long delay = Math.min(cap, settings.baseDelay().toMillis());
        for (int i = 1; i < attempt && delay < cap; i++) {
            delay = Math.min(cap, delay * 2);
        }
        return Duration.ofMillis(delay <= 0 ? 0 : random.nextLong(delay + 1));
    }

    private ApiPage parse(URI uri, int attempt, byte[] body) {
        try (JsonParser parser = PAGE.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new OuiFormApiException(uri.toString(), 200, attempt, "the answer is not a JSON object", null);
            }
            List<JsonNode> items = null;
            List<String> texts = null;
            String next = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("items".equals(field) && value == JsonToken.START_ARRAY) {
                    items = new ArrayList<>();
                    texts = new ArrayList<>();
                    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                        // each item's own bytes: checked later as a line of the export is, whatever this page's limits
                        int start = (int) parser.currentTokenLocation().getByteOffset();
                        parser.skipChildren();
                        parser.finishToken();
                        int end = (int) parser.currentLocation().getByteOffset();
                        String text = new String(body, start, end - start, StandardCharsets.UTF_8);
                        texts.add(text);
                        items.add(PAGE.readTree(text));
                    }
                } else if ("nextCursor".equals(field)) {
                    next = value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                } else {
                    parser.skipChildren();
                }
            }
            if (items == null) {
                throw new OuiFormApiException(uri.toString(), 200, attempt, "the answer has no \"items\" array", null);
            }
            return new ApiPage(items, texts, next == null || next.isEmpty() ? null : next);
        } catch (StreamConstraintsException e) {
            throw new OuiFormApiException(uri.toString(), 200, attempt, "the answer is over even the relaxed limits of"
                    + " the page reader (" + e.getOriginalMessage().replaceAll("[^\\x20-\\x7E]", "?") + ")", null);
        } catch (JsonProcessingException e) {
            throw new OuiFormApiException(uri.toString(), 200, attempt, "the answer is not JSON", null);
        } catch (IOException e) {
            throw new OuiFormApiException(uri.toString(), 200, attempt, "the answer cannot be read", e);
        }
    }

    private URI pageUri(Instant updatedSince, int limit, String cursor) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        StringBuilder query = new StringBuilder("limit=").append(limit);
        if (updatedSince != null) {
            query.append("&updatedSince=").append(encode(updatedSince.toString()));
        }
        if (cursor != null) {
            query.append("&cursor=").append(encode(cursor));
        }
        return URI.create(baseUrl + PATH + "?" + query);
    }

    /** A text from the server or the network, cut short and without the token, to quote in a message. */
    private String scrub(byte[] body) {
        return body == null || body.length == 0 ? "" : scrub(new String(body, StandardCharsets.UTF_8));
    }

    private String scrub(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        // an error body may echo a request or an item: anything shaped like an identifier or a date goes
        String clean = Rejections.maskUnparsed(text.replace(token, "***")).strip();
        return ": " + (clean.length() > MAX_BODY_IN_MESSAGE ? clean.substring(0, MAX_BODY_IN_MESSAGE) + "…" : clean);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Why an attempt failed, and whether and how long to wait before the next. */
    private record Failure(int status, boolean retryable, Duration retryAfter, String problem, Throwable cause) {

        static Failure of(HttpResponse<?> response, String body) {
            int status = response.statusCode();
            if (status == 429) {
                return new Failure(status, true, retryAfter(response), "rate limited (429)" + body, null);
            }
            if (status >= 500 || status == 408) {
                return new Failure(status, true, null, "server error " + status + body, null);
            }
            return new Failure(status, false, null, "status " + status + body, null);
        }

        /** {@code Retry-After} in seconds; null when absent or not a number of seconds (then the backoff applies). */
        private static Duration retryAfter(HttpResponse<?> response) {
            return response.headers().firstValue("Retry-After").map(String::strip).filter(v -> v.matches("\\d{1,9}"))
                    .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
        }
    }
}
