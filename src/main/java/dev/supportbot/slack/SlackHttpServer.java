package dev.supportbot.slack;

import com.slack.api.bolt.response.Response;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: {@code POST /slack/events} takes events, slash commands and interactivity, verified by our own
 * {@link RequestVerifier} before Bolt sees them; {@code GET /healthz} answers 200 once the app is ready. Request
 * threads come from the executor passed in and only ever run the quick path up to the ack.
 */
final class SlackHttpServer implements AutoCloseable {
    static final String EVENTS_PATH = "/slack/events";
    static final String HEALTH_PATH = "/healthz";
    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpServer.class);
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final HttpServer server;
    private final RequestVerifier verifier;
    private final BoltDispatch dispatch;
    private final AtomicBoolean ready = new AtomicBoolean();

    SlackHttpServer(InetSocketAddress address, RequestVerifier verifier, BoltDispatch dispatch,
                    ExecutorService requestThreads) throws IOException {
        this.verifier = verifier;
        this.dispatch = dispatch;
        this.server = HttpServer.create(address, 128);
        server.setExecutor(requestThreads);
        server.createContext(EVENTS_PATH, this::handleSlack);
        server.createContext(HEALTH_PATH, this::handleHealth);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** From now on {@code /healthz} answers 200. */
    void markReady() {
        ready.set(true);
    }

    private void handleHealth(HttpExchange exchange) throws IOException {
        try (exchange) {
            boolean up = ready.get();
            write(exchange, up ? 200 : 503, "text/plain; charset=utf-8", up ? "ok" : "starting");
        }
    }

    private void handleSlack(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                write(exchange, 405, "text/plain; charset=utf-8", "POST only");
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                write(exchange, 413, "text/plain; charset=utf-8", "body too large");
                return;
            }
            Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
            RequestVerifier.Verdict verdict = verifier.verify(
                    exchange.getRequestHeaders().getFirst("X-Slack-Request-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Slack-Signature"), body);
            switch (verdict) {
                case RequestVerifier.Verdict.Rejected rejected -> {
                    LOG.info("rejected a request to {}: {}", EVENTS_PATH, rejected.reason());
                    write(exchange, 401, "text/plain; charset=utf-8", "invalid request");
                }
                case RequestVerifier.Verdict.Accepted accepted -> respond(exchange, new BoltDispatch.VerifiedRequest(
                        exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                        accepted.body(), headers, exchange.getRemoteAddress().getAddress().getHostAddress()));
            }
        }
    }

    private void respond(HttpExchange exchange, BoltDispatch.VerifiedRequest request) throws IOException {
        Response response;
        try {
            response = dispatch.dispatch(request);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) { // Bolt's listener API declares Exception; this is the transport's edge
            LOG.error("Bolt failed on a request to {}", EVENTS_PATH, e);
            write(exchange, 500, "text/plain; charset=utf-8", "internal error");
            return;
        }
        response.getHeaders().forEach((name, values) -> values.forEach(
                value -> exchange.getResponseHeaders().add(name, value)));
        write(exchange, response.getStatusCode(), response.getContentType(),
                response.getBody() == null ? "" : response.getBody());
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static void write(HttpExchange exchange, int status, String contentType, String text)
            throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        ready.set(false);
        server.stop(1);
    }
}
