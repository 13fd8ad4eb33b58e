package fr.ais.consolidation.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import fr.ais.consolidation.progress.LateEntries;
import fr.ais.consolidation.progress.ProgressCalculator;
import fr.ais.consolidation.progress.ProgressSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's HTTP face: the JSON API over {@link FigureQueries}, the local-only
 * {@code /internal} endpoints the other instances fan out to, liveness and readiness probes,
 * Prometheus metrics and the static dashboard. Probes and the dashboard's static files are open
 * (they hold no figures); everything else requires the bearer token when one is configured.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final Pattern REGION = Pattern.compile("[0-9][0-9AB]");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern OBJECTIVE = Pattern.compile("GLOBAL|PE|ML");
    private static final Pattern BOOLEAN = Pattern.compile("true|false");
    private static final Pattern STATIC_FILE = Pattern.compile("[a-z0-9-]+\\.(html|js|css|csv|png|svg)");
    /** The charting library, from its webjar on the class path: served by the jar, so the page works offline. */
    static final String CHART_JS = "/META-INF/resources/webjars/chart.js/" + webjarVersion("chart.js") + "/dist/chart.umd.js";
    private static final Map<String, String> CONTENT_TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "csv", "text/csv; charset=utf-8",
            "png", "image/png", "svg", "image/svg+xml");

    private final ServingConfig config;
    private final FigureQueries queries;
    private final ConsolidationMetrics metrics;
    private final byte[] expectedAuthorization;
    private final ProgressSettings progress;
    private final FollowedTopics followed;
    private final ObjectMapper json = objectMapper();
    private final AtomicReference<CachedLags> lags = new AtomicReference<>();
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param config  where to listen and the token to require
     * @param queries the pipeline's figures
     * @param metrics the metrics to expose on /metrics; null: no /metrics
     */
    public ApiServer(ServingConfig config, FigureQueries queries, ConsolidationMetrics metrics) {
        this(config, queries, metrics, ProgressSettings.defaults(), FollowedTopics.NONE);
    }

    /**
     * @param progress the as-of date and thresholds the figures were computed with (the pilots' view and its legend)
     * @param followed the alerts, arrivals and freshness read from topics
     */
    public ApiServer(ServingConfig config, FigureQueries queries, ConsolidationMetrics metrics,
            ProgressSettings progress, FollowedTopics followed) {
        this.config = config;
        this.queries = queries;
        this.metrics = metrics;
        this.progress = progress;
        this.followed = followed;
        this.expectedAuthorization = config.requiresToken()
                ? ("Bearer " + config.token()).getBytes(StandardCharsets.UTF_8) : null;
    }

    /** The version of an npm webjar on the class path, from its Maven properties (the pom names it once). */
    static String webjarVersion(String artifact) {
        try (InputStream in = ApiServer.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
            if (in == null) {
                return "missing";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "missing");
        } catch (IOException e) {
            return "missing";
        }
    }

    static ObjectMapper objectMapper() {
        return new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    /** Binds and starts serving; returns at once. */
    public synchronized ApiServer start() throws IOException {
        InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
        if (config.usesTls()) {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(ServingTls.server(config.tls())));
            server = https;
        } else {
            server = HttpServer.create(address, 0);
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "ais-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        LOG.info("serving the API, dashboard and metrics on {}://{}:{}/ ({})", config.scheme(), config.host(), port(),
                config.requiresToken() ? "bearer token required" : "no token");
        if (config.bindsBeyondLoopback() && !config.requiresToken()) {
            LOG.warn("the API, metrics and internal endpoints listen on {}, beyond this machine, without a token:"
                    + " anyone who reaches it reads the figures (set {} or bind to 127.0.0.1)", config.host(),
                    ServingConfig.TOKEN.environmentVariable());
        }
        return this;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8088} ({@code https} with a key store). */
    public String url() {
        return config.scheme() + "://" + config.host() + ":" + port();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                sendJson(exchange, 405, error("method " + method + " not allowed"));
                return;
            }
            route(exchange, exchange.getRequestURI().getPath());
        } catch (QueryUnavailableException e) {
            sendQuietly(exchange, 503, error(e.getMessage()));
        } catch (BadRequest e) {
            sendQuietly(exchange, 400, error(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            sendQuietly(exchange, 500, error("internal error: " + e.getClass().getSimpleName()));
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String path) throws IOException {
        switch (path) {
            case "/health" -> sendJson(exchange, 200, Map.of("status", "UP"));
            case "/ready" -> {
                FigureQueries.Readiness readiness = queries.readiness();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("ready", readiness.ready());
                body.put("state", readiness.state());
                body.put("caughtUp", readiness.caughtUp());
                sendJson(exchange, readiness.ready() ? 200 : 503, body);
            }
            case "/", "/index.html" -> sendResource(exchange, "index.html");
            case "/dashboard/vendor/chart.umd.js" -> sendClassPath(exchange, CHART_JS, "js");
            default -> {
                if (path.startsWith("/dashboard/")) {
                    sendResource(exchange, path.substring("/dashboard/".length()));
                } else if (!authorized(exchange)) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"ais\"");
                    sendJson(exchange, 401, error("a valid bearer token is required"));
                } else if (path.equals("/metrics") && metrics != null) {
                    byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
                    send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", body);
                } else if (path.startsWith("/api/")) {
                    answerPublic(exchange, path.substring("/api".length()));
                } else if (path.startsWith("/internal/")) {
                    answer(exchange, path.substring("/internal".length()), queries.localOnly());
                } else {
                    sendJson(exchange, 404, error("no such resource: " + path));
                }
            }
        }
    }

    /** The public API: the rows in the exports' language ({@link ApiRows}) and the pilots' view. */
    private void answerPublic(HttpExchange exchange, String path) throws IOException {
        Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
        String region = param(params, "region", REGION);
        switch (path) {
            case "/aggregates" -> sendJson(exchange, 200,
                    ApiRows.aggregates(queries.aggregates(region, param(params, "month", MONTH))));
            case "/quality" -> sendJson(exchange, 200,
                    ApiRows.quality(queries.quality(region, param(params, "month", MONTH))));
            case "/progress" -> sendJson(exchange, 200, ApiRows.progress(queries.progress(region, year(params))));
            case "/targets" -> sendJson(exchange, 200, ApiRows.targets(queries.targets(region, year(params))));
            case "/dead-letters" -> sendJson(exchange, 200, ApiRows.rejected(queries.deadLetterCounts()));
            case "/alerts" -> sendJson(exchange, 200, ApiRows.alerts(followed.alerts(), region,
                    param(params, "objective", OBJECTIVE), "true".equals(param(params, "open", BOOLEAN))));
            case "/freshness" -> sendJson(exchange, 200, followed.freshness());
            case "/steering" -> {
                LocalDate asOf = progress.asOf().get();
                Integer year = year(params);
                int y = year == null ? ProgressCalculator.latestClosedMonth(asOf).getYear() : year;
                LateEntries late = lateEntries(asOf);
                sendJson(exchange, 200, SteeringView.of(y, region, asOf, progress.calculator().onTrack(),
                        progress.calculator().atRisk(), queries.progress(region, y), queries.targets(region, y),
                        queries.aggregates(region, null), late));
            }
            default -> {
                if (path.startsWith("/prescriptions/") && path.length() > "/prescriptions/".length()) {
                    String groupId = path.substring("/prescriptions/".length());
                    Optional<FigureQueries.PrescriptionView> found = queries.prescription(groupId);
                    if (found.isPresent()) {
                        sendJson(exchange, 200, ApiRows.prescription(found.get()));
                    } else {
                        sendJson(exchange, 404, error("no consolidated prescription with group id " + groupId));
                    }
                } else {
                    sendJson(exchange, 404, error("no such resource: " + exchange.getRequestURI().getPath()));
                }
            }
        }
    }

    /**
     * The late-entry lags at {@code asOf}, kept for one refresh interval: they read every consolidated
     * prescription of the last settled months, and each page load asks for them.
     */
    private LateEntries lateEntries(LocalDate asOf) {
        CachedLags cached = lags.get();
        long now = System.nanoTime();
        if (cached != null && cached.asOf().equals(asOf) && now - cached.at() < progress.refreshInterval().toNanos()) {
            return cached.late();
        }
        YearMonth settled = ProgressCalculator.latestSettledMonth(asOf);
        LateEntries late = followed.lateEntries(queries.entries(
                settled.minusMonths(LateEntries.SETTLED_MONTHS_READ - 1).toString(), settled.toString()), asOf);
        lags.set(new CachedLags(asOf, now, late));
        return late;
    }

    private record CachedLags(LocalDate asOf, long at, LateEntries late) {
    }

    private static Integer year(Map<String, String> params) {
        String year = param(params, "year", YEAR);
        return year == null ? null : Integer.valueOf(year);
    }

    private void answer(HttpExchange exchange, String path, FigureQueries from) throws IOException {
        Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
        String region = param(params, "region", REGION);
        switch (path) {
            case "/targets" -> sendJson(exchange, 200, from.targets(region, year(params)));
            case "/entries" -> {
                String fromMonth = param(params, "from", MONTH);
                String toMonth = param(params, "to", MONTH);
                if (fromMonth == null || toMonth == null) {
                    throw new BadRequest("from and to are required");
                }
                sendJson(exchange, 200, from.entries(fromMonth, toMonth));
            }
            case "/aggregates" -> sendJson(exchange, 200, from.aggregates(region, param(params, "month", MONTH)));
            case "/quality" -> sendJson(exchange, 200, from.quality(region, param(params, "month", MONTH)));
            case "/progress" -> {
                String year = param(params, "year", YEAR);
                sendJson(exchange, 200, from.progress(region, year == null ? null : Integer.valueOf(year)));
            }
            case "/dead-letters" -> sendJson(exchange, 200, from.deadLetterCounts());
            default -> {
                if (path.startsWith("/prescriptions/") && path.length() > "/prescriptions/".length()) {
                    String groupId = path.substring("/prescriptions/".length());
                    Optional<FigureQueries.PrescriptionView> found = from.prescription(groupId);
                    if (found.isPresent()) {
                        sendJson(exchange, 200, found.get());
                    } else {
                        sendJson(exchange, 404, error("no consolidated prescription with group id " + groupId));
                    }
                } else {
                    sendJson(exchange, 404, error("no such resource: " + exchange.getRequestURI().getPath()));
                }
            }
        }
    }

    /** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
    private boolean authorized(HttpExchange exchange) {
        if (expectedAuthorization == null) {
            return true;
        }
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        return given != null && MessageDigest.isEqual(expectedAuthorization, given.getBytes(StandardCharsets.UTF_8));
    }

    /** The query's parameters, decoded as a form (HttpCore's codec); the last of a repeated one wins. */
    private static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (NameValuePair param : WWWFormCodec.parse(rawQuery, StandardCharsets.UTF_8)) {
                params.put(param.getName(), param.getValue() == null ? "" : param.getValue());
            }
        }
        return params;
    }

    private static String param(Map<String, String> params, String name, Pattern format) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!format.matcher(value).matches()) {
            throw new BadRequest("bad " + name + " '" + value + "': expected " + format.pattern());
        }
        return value;
    }

    private void sendResource(HttpExchange exchange, String name) throws IOException {
        if (!STATIC_FILE.matcher(name).matches()) {
            sendJson(exchange, 404, error("no such file"));
            return;
        }
        try (InputStream in = ApiServer.class.getResourceAsStream("/dashboard/" + name)) {
            if (in == null) {
                sendJson(exchange, 404, error("no such file: " + name));
                return;
            }
            String extension = name.substring(name.lastIndexOf('.') + 1);
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            send(exchange, 200, CONTENT_TYPES.get(extension), in.readAllBytes());
        }
    }

    private void sendClassPath(HttpExchange exchange, String resource, String extension) throws IOException {
        try (InputStream in = ApiServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                sendJson(exchange, 404, error("no such file: " + resource));
                return;
            }
            exchange.getResponseHeaders().set("Cache-Control", "max-age=86400");
            send(exchange, 200, CONTENT_TYPES.get(extension), in.readAllBytes());
        }
    }

    private void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", json.writeValueAsBytes(body));
    }

    private void sendQuietly(HttpExchange exchange, int status, Object body) {
        try {
            sendJson(exchange, status, body);
        } catch (IOException | RuntimeException e) {
            // headers already sent or client gone: nothing more to tell it
            LOG.debug("cannot send the error response: {}", e.getMessage());
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : (body.length == 0 ? -1 : body.length));
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Map<String, String> error(String message) {
        return Map.of("error", message);
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
