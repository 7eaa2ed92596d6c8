package dev.supportbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a verified HTTP request to Bolt: parses it into a Bolt request, runs the app's middleware and listeners,
 * and returns Bolt's response for the transport to copy out. Thread-safe as Bolt's {@link App} is.
 */
final class BoltDispatch {
    private static final Logger LOG = LoggerFactory.getLogger(BoltDispatch.class);

    private final App app;
    private final SlackRequestParser parser;

    BoltDispatch(App app) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
    }

    /** The transport-neutral parts of an HTTP request whose signature has been checked. */
    record VerifiedRequest(String path, String rawQuery, String body, Map<String, List<String>> headers,
                           String remoteAddress) {
        VerifiedRequest {
            if (path == null || body == null || headers == null) {
                throw new IllegalArgumentException("a request needs path, body and headers; got path=" + path);
            }
            headers = Map.copyOf(headers);
        }
    }

    Response dispatch(VerifiedRequest request) throws Exception {
        Request<?> slackRequest;
        try {
            slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(request.path())
                    .queryString(parseQuery(request.rawQuery()))
                    .requestBody(request.body())
                    .headers(new RequestHeaders(request.headers()))
                    .remoteAddress(request.remoteAddress())
                    .build());
        } catch (RuntimeException e) { // Gson and URLDecoder report a body that is not JSON or form this way
            // The exception's message may quote the body (a number format error does): only its type at info.
            LOG.info("a signed request could not be parsed ({}); answering 400", e.getClass().getName());
            LOG.debug("why the request could not be parsed", e);
            return Response.builder().statusCode(400).contentType("text/plain; charset=utf-8")
                    .headers(new HashMap<>()).body("malformed request").build();
        }
        if (slackRequest == null) {
            // Slack sends {"type":"app_rate_limited"} when a workspace exceeds 30,000 events an hour.
            LOG.warn("Slack sent a request Bolt does not model (app_rate_limited or unknown); answering 200");
            return Response.ok();
        }
        return app.run(slackRequest);
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
        }
        return query;
    }
}
