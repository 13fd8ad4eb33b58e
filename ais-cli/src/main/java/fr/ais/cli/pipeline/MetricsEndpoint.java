package fr.ais.cli.pipeline;

import com.sun.net.httpserver.HttpServer;
import fr.ais.settings.Setting;
import fr.ais.settings.SettingGroup;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics} in the Prometheus text format, for a connector running as a service (a drop
 * directory or the OuiForm API poller), which has no REST API of its own. Loopback unless
 * {@value #HOST_NAME} says otherwise (a pod scraped by Prometheus: {@code 0.0.0.0}).
 */
public final class MetricsEndpoint implements AutoCloseable {

    private static final String HOST_NAME = "connector.metrics.host";
    public static final SettingGroup SETTINGS = new SettingGroup("connector services");
    public static final Setting<String> HOST = SETTINGS.add(Setting.string(HOST_NAME, "127.0.0.1",
            "Interface a connector service serves its Prometheus metrics on (--metrics-port; 0.0.0.0: every interface).")
            .validatedBy(s -> !s.isBlank() && !s.contains(" "), "a host name or IP address"));

    private final HttpServer server;

    private MetricsEndpoint(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code registry} on the loopback interface. */
    public static MetricsEndpoint start(PrometheusMeterRegistry registry, int port) {
        return start(registry, InetAddress.getLoopbackAddress().getHostAddress(), port);
    }

    public static MetricsEndpoint start(PrometheusMeterRegistry registry, String host, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.createContext("/metrics", exchange -> {
                byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new MetricsEndpoint(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the metrics on port " + port + ": " + e.getMessage(), e);
        }
    }

    public String url() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
        return "http://" + host + ":" + address.getPort() + "/metrics";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
