package dev.supportbot.slack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and posts requests exactly as Slack does: {@code X-Slack-Signature: v0=hex(HMAC-SHA256(secret,
 * "v0:" + ts + ":" + body))} with {@code X-Slack-Request-Timestamp: ts}. Written apart from the production
 * verifier so that a shared mistake cannot pass its own test.
 */
final class SlackSigner {
    private final String secret;
    private final HttpClient http = HttpClient.newHttpClient();

    SlackSigner(String secret) {
        this.secret = secret;
    }

    String signature(long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** Posts a body signed now, as a first delivery. */
    HttpResponse<String> post(URI uri, String contentType, String body) throws Exception {
        return post(uri, contentType, body, Instant.now().getEpochSecond(), 0);
    }

    /** Posts a body signed at {@code timestamp}; {@code retryNumber > 0} adds Slack's retry headers. */
    HttpResponse<String> post(URI uri, String contentType, String body, long timestamp, int retryNumber)
            throws Exception {
        return send(uri, contentType, body, timestamp, signature(timestamp, body), retryNumber);
    }

    HttpResponse<String> send(URI uri, String contentType, String body, long timestamp, String signature,
                              int retryNumber) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (retryNumber > 0) {
            request.header("X-Slack-Retry-Num", Integer.toString(retryNumber))
                    .header("X-Slack-Retry-Reason", "http_timeout");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
