package dev.supportbot.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one small HTTP server of the process: {@code GET /healthz} (the process is alive), {@code GET /readyz}
 * (every {@link Readiness} check passes) and {@code GET /metrics} (Prometheus text); HTTP mode adds
 * {@code /slack/events} with {@link #route}. In Socket Mode it listens on the management port. Thread-safe.
 */
public final class OpsHttpServer implements AutoCloseable {
    public static final String HEALTH_PATH = "/healthz";
    public static final String READY_PATH = "/readyz";
    public static final String METRICS_PATH = "/metrics";
    private static final String TEXT = "text/plain; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService threads;
    private final Readiness readiness;
    private final Metrics metrics;
    private final AtomicBoolean closed = new AtomicBoolean();

    public OpsHttpServer(InetSocketAddress address, Readiness readiness, Metrics metrics) throws IOException {
        this.readiness = readiness;
        this.metrics = metrics;
        this.threads = Executors.newFixedThreadPool(32, Thread.ofPlatform().name("http-", 1).daemon().factory());
        this.server = HttpServer.create(address, 128);
        server.setExecutor(threads);
        server.createContext(HEALTH_PATH, exchange -> answer(exchange, 200, TEXT, bytes("ok")));
        server.createContext(READY_PATH, this::ready);
        server.createContext(METRICS_PATH, this::metrics);
        server.start();
    }

    /** Serves {@code path} with {@code handler} from now on. */
    public void route(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void ready(HttpExchange exchange) throws IOException {
        List<String> failing = readiness.failing();
        answer(exchange, failing.isEmpty() ? 200 : 503, TEXT,
                bytes(failing.isEmpty() ? "ready" : "not ready: " + String.join(", ", failing)));
    }

    private void metrics(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        metrics.write(body);
        answer(exchange, 200, metrics.contentType(), body.toByteArray());
    }

    private static byte[] bytes(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void answer(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", contentType);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** Stops taking requests: those in progress get up to a second to finish. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(1);
        threads.shutdownNow();
    }
}
