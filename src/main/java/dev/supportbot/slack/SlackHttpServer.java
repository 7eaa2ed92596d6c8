package dev.supportbot.slack;

import com.slack.api.bolt.response.Response;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.supportbot.ops.Metrics;
import dev.supportbot.ops.OpsHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: {@code POST /slack/events} takes events, slash commands and interactivity, verified by our own
 * {@link RequestVerifier} before Bolt sees them. Mounted on the process's {@link OpsHttpServer}, whose request
 * threads only ever run the quick path up to the ack. Thread-safe.
 */
final class SlackHttpServer implements HttpHandler {
    static final String EVENTS_PATH = "/slack/events";
    static final String HEALTH_PATH = OpsHttpServer.HEALTH_PATH;
    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpServer.class);
    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final long MAX_DRAINED_BYTES = 64L << 20;

    private final RequestVerifier verifier;
    private final BoltDispatch dispatch;
    private final Metrics metrics;

    SlackHttpServer(RequestVerifier verifier, BoltDispatch dispatch, Metrics metrics) {
        this.verifier = verifier;
        this.dispatch = dispatch;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                write(exchange, 405, "text/plain; charset=utf-8", "POST only");
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                metrics.rejected("body_too_large");
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
                    metrics.rejected(rejected.reason().name());
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

    /** The body, or null when it is over the limit; an oversized body is read to its end so the sender gets 413. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length <= MAX_BODY_BYTES) {
            return body;
        }
        // Answering before the sender has finished would reset its connection instead of telling it why.
        long skipped = 0;
        byte[] sink = new byte[64 * 1024];
        int read;
        while (skipped < MAX_DRAINED_BYTES && (read = in.read(sink)) >= 0) {
            skipped += read;
        }
        return null;
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

}
