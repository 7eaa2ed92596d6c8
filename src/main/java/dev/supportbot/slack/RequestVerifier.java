package dev.supportbot.slack;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that an HTTP request comes from Slack, more strictly than Bolt does: the timestamp must lie within five
 * minutes of now in either direction, the {@code v0=} HMAC-SHA256 of {@code v0:ts:body} is compared in constant
 * time, a signature is accepted only once, and the body must be valid UTF-8. Thread-safe.
 */
final class RequestVerifier {
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;
    private final ReplayCache replayCache;

    RequestVerifier(String signingSecret, Clock clock) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("the signing secret is empty");
        }
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
        this.replayCache = new ReplayCache(clock, TOLERANCE.multipliedBy(2));
    }

    /** Verifies one request; the header values may be null when the request lacks them. */
    Verdict verify(String timestampHeader, String signatureHeader, byte[] body) {
        if (timestampHeader == null || signatureHeader == null) {
            return new Verdict.Rejected(Verdict.Reason.MISSING_HEADERS);
        }
        long epochSeconds;
        try {
            epochSeconds = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return new Verdict.Rejected(Verdict.Reason.MALFORMED_TIMESTAMP);
        }
        long skew = clock.instant().getEpochSecond() - epochSeconds;
        if (skew > TOLERANCE.toSeconds()) {
            return new Verdict.Rejected(Verdict.Reason.STALE);
        }
        if (skew < -TOLERANCE.toSeconds()) {
            return new Verdict.Rejected(Verdict.Reason.FUTURE);
        }
        byte[] expected = sign(epochSeconds, body);
        byte[] given = signatureHeader.strip().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return new Verdict.Rejected(Verdict.Reason.BAD_SIGNATURE);
        }
        if (!isUtf8(body)) {
            return new Verdict.Rejected(Verdict.Reason.NOT_UTF8);
        }
        if (!replayCache.firstSighting(signatureHeader.strip(), Instant.ofEpochSecond(epochSeconds))) {
            return new Verdict.Rejected(Verdict.Reason.REPLAYED);
        }
        return new Verdict.Accepted(new String(body, StandardCharsets.UTF_8));
    }

    /** The {@code X-Slack-Signature} value Slack would send for this timestamp and body. */
    byte[] sign(long epochSeconds, byte[] body) {
        Mac mac = newMac();
        mac.update(("v0:" + epochSeconds + ":").getBytes(StandardCharsets.US_ASCII));
        byte[] digest = mac.doFinal(body);
        return ("v0=" + HexFormat.of().formatHex(digest)).getBytes(StandardCharsets.US_ASCII);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("this JVM cannot compute " + ALGORITHM, e);
        }
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** What became of a request: its body as text when accepted, the broken rule when not. */
    sealed interface Verdict {
        record Accepted(String body) implements Verdict {
            public Accepted {
                if (body == null) {
                    throw new IllegalArgumentException("an accepted request has a body, got null");
                }
            }
        }

        record Rejected(Reason reason) implements Verdict {
            public Rejected {
                if (reason == null) {
                    throw new IllegalArgumentException("a rejection needs a reason, got null");
                }
            }
        }

        enum Reason { MISSING_HEADERS, MALFORMED_TIMESTAMP, STALE, FUTURE, BAD_SIGNATURE, NOT_UTF8, REPLAYED }
    }
}
