package fr.ais.synthetic.fakeouiform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake of the OuiForm REST API (SPEC §3.3) serving a JSON Lines file of OuiForm objects, for demos and tests of
 * the {@code ingest-ouiform} connector.
 *
 * <p>{@code GET /api/v1/prescriptions?updatedSince={ISO instant}&limit={n}&cursor={c}} with
 * {@code Authorization: Bearer <token>} answers {@code {"items":[...],"nextCursor":"..."}}, {@code nextCursor} null
 * on the last page. Items are those with {@code updatedAt >= updatedSince} (inclusive, so a client resuming from the
 * last {@code updatedAt} it saw re-reads the ties rather than missing them), in {@code updatedAt} order; without
 * {@code updatedSince}, all items. {@code limit} defaults to {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}.
 * The cursor is opaque and carries the first page's filter: with a cursor, {@code updatedSince} is ignored.
 * Errors: 401 without or with a wrong token, 400 on a bad parameter, 404/405 elsewhere; plus the armed
 * {@link Faults}. Bound to 127.0.0.1 only.
 */
public final class FakeOuiFormServer implements AutoCloseable {

    public static final String PATH = "/api/v1/prescriptions";
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(FakeOuiFormServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final OuiFormFeed feed;
    private final String token;
    private final Faults faults;
    private final ObjectMapper mapper;
    private final AtomicInteger requests = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicReference<byte[]> lastPage = new java.util.concurrent.atomic.AtomicReference<>();

    private FakeOuiFormServer(HttpServer server, ExecutorService executor, OuiFormFeed feed, String token,
                              Faults faults, ObjectMapper mapper) {
        this.server = server;
        this.executor = executor;
        this.feed = feed;
        this.token = token;
        this.faults = faults;
        this.mapper = mapper;
    }

    /**
     * Starts serving {@code data} on 127.0.0.1.
     *
     * @param port  0 for a free port
     * @param token the bearer token clients must send; must not be blank
     * @param faults the faults to inject, also settable later through {@link #faults()}
     */
    public static FakeOuiFormServer start(Path data, int port, String token, Faults faults) throws IOException {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a bearer token is required");
        }
        ObjectMapper mapper = lenientMapper();
        OuiFormFeed feed = OuiFormFeed.load(data, mapper);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-ouiform-http");
            thread.setDaemon(true);
            return thread;
        });
        FakeOuiFormServer fake = new FakeOuiFormServer(server, executor, feed, token,
                faults == null ? Faults.none() : faults, mapper);
        server.createContext("/", fake::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("Fake OuiForm API serving {} items ({} lines skipped) from {} at {}",
                feed.size(), feed.skippedLines(), data, fake.url());
        return fake;
    }

    /**
     * Reads and writes items well beyond Jackson's default limits: a real API, written in anything, can serve an
     * item nested deeper or with a longer number than the connector's JSON reader takes, and the connector must
     * cope with it.
     */
    private static ObjectMapper lenientMapper() {
        return JsonMapper.builder(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4_000)
                        .maxNumberLength(50_000).maxStringLength(Integer.MAX_VALUE).maxNameLength(500_000).build())
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(4_000).build())
                .build()).build();
    }

    /** Starts without faults. */
    public static FakeOuiFormServer start(Path data, int port, String token) throws IOException {
        return start(data, port, token, Faults.none());
    }

    /**
     * Runs until the JVM stops (Ctrl-C), with {@code faults} armed from the start (e.g. a demo of the
     * connector's retries): what {@code ais fake-ouiform --data FILE} does.
     */
    public static void run(Path dataFile, int port, String token, Faults faults)
            throws IOException, InterruptedException {
        FakeOuiFormServer fake = start(dataFile, port, token, faults);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fake.close();
            stopped.countDown();
        }, "fake-ouiform-shutdown"));
        System.out.println("Fake OuiForm API: " + fake.url() + PATH + " (" + fake.itemCount() + " items; Ctrl-C to stop)");
        stopped.await();
    }

    /** Base URL, e.g. {@code http://127.0.0.1:43123}; the API is at {@code url() + PATH}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Faults faults() {
        return faults;
    }

    /** Number of items served (lines that are JSON objects with a parseable updatedAt). */
    public int itemCount() {
        return feed.size();
    }

    /** Lines of the file that could not be served. */
    public int skippedLines() {
        return feed.skippedLines();
    }

    /** Requests received so far, faulty ones included. */
    public int requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            Duration delay = faults.takeDelay();
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis()); // the slow response is the point of this fault
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (faults.takeDrop()) {
                // closing before any header is sent makes the JDK server close the TCP connection
                return;
            }
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                sendError(exchange, 404, "not found");
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                sendError(exchange, 405, "method not allowed");
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.equals("Bearer " + token)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"ouiform\"");
                sendError(exchange, 401, "missing or invalid bearer token");
                return;
            }
            long retryAfter = faults.takeRateLimit();
            if (retryAfter >= 0) {
                exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfter));
                sendError(exchange, 429, "too many requests");
                return;
            }
            int serverError = faults.takeServerError();
            if (serverError > 0) {
                sendError(exchange, serverError, "injected server error");
                return;
            }
            servePage(exchange);
        } catch (RuntimeException e) {
            LOG.warn("fake OuiForm request failed", e);
            throw e;
        }
    }

    private void servePage(HttpExchange exchange) throws IOException {
        byte[] last = lastPage.get();
        if (last != null && faults.takeRepeat()) {
            send(exchange, 200, last);
            return;
        }
        Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
        Instant since;
        int limit;
        try {
            String sinceText = query.get("updatedSince");
            // a client that did not percent-encode "+01:00" sends a '+' that form decoding turned into a space
            since = OuiFormFeed.parseInstant(sinceText == null ? null : sinceText.replace(' ', '+'));
        } catch (DateTimeParseException e) {
            sendError(exchange, 400, "updatedSince must be an ISO-8601 instant");
            return;
        }
        try {
            limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : DEFAULT_LIMIT;
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            sendError(exchange, 400, "limit must be between 1 and " + MAX_LIMIT);
            return;
        }
        String cursor = query.get("cursor");
        OuiFormFeed.Page page;
        try {
            page = feed.page(since, limit, cursor == null || cursor.isEmpty() ? null : cursor);
        } catch (IllegalArgumentException e) {
            sendError(exchange, 400, "unknown cursor");
            return;
        }
        ObjectNode body = mapper.createObjectNode();
        body.putArray("items").addAll(page.items());
        body.put("nextCursor", page.nextCursor());
        byte[] bytes = mapper.writeValueAsBytes(body);
        lastPage.set(bytes);
        send(exchange, 200, bytes);
    }

    private void sendError(HttpExchange exchange, int status, String message) throws IOException {
        ObjectNode body = mapper.createObjectNode();
        body.put("status", status);
        body.put("error", message);
        send(exchange, status, mapper.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The query's parameters, decoded as a form (HttpCore's codec); the first of a repeated one wins. */
    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (NameValuePair param : WWWFormCodec.parse(rawQuery, StandardCharsets.UTF_8)) {
                params.putIfAbsent(param.getName(), param.getValue() == null ? "" : param.getValue());
            }
        }
        return params;
    }
}
